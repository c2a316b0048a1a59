/** The Didi payment fan-out pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'didi-pay',
  family: 'messaging',
  order: 8,
  name: { en: 'Didi payment fan-out (asynchronous)', zh: '滴滴支付成功扇出（异步）' },
};
