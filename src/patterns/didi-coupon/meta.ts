/** The Didi order + coupon flow pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'didi-coupon',
  family: 'messaging',
  order: 7,
  name: { en: 'Didi order + coupon (synchronous, tx monitor)', zh: '滴滴下单 + 优惠券（同步，事务监控消息）' },
};
