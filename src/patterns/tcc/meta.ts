/** The TCC pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'tcc',
  family: 'compensation',
  order: 2,
  name: { en: 'TCC (Try / Confirm / Cancel)', zh: 'TCC（Try / Confirm / Cancel）' },
};
