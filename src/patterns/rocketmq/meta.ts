/** The transactional message (RocketMQ) pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'rocketmq',
  family: 'messaging',
  order: 6,
  name: { en: 'Transactional message (RocketMQ)', zh: '事务消息（RocketMQ）' },
};
