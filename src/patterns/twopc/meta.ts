/** The Two-phase commit (2PC) pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: '2pc',
  family: 'atomic-commit',
  order: 1,
  name: { en: 'Two-phase commit (2PC / XA)', zh: '两阶段提交（2PC / XA）' },
};
