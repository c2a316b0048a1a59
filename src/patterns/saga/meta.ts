/** The Saga pattern as the page lists it before its code loads (see ../meta.ts). */
import type { PatternMeta } from '../meta';

export const meta: PatternMeta = {
  id: 'saga',
  family: 'compensation',
  order: 3,
  name: { en: 'Saga (orchestrated)', zh: 'Saga（编排式）' },
};
