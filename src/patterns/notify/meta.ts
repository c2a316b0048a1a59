/** The best-effort notification pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'notify',
  family: 'messaging',
  order: 4,
  name: { en: 'Best-effort notification', zh: '最大努力通知' },
};
