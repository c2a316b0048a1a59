/** The local message table (outbox) pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'outbox',
  family: 'messaging',
  order: 5,
  name: { en: 'Local message table (transactional outbox)', zh: '本地消息表（事务性发件箱）' },
};
