/**
 * Every English string file here (`*.en.ts`, but the Compare page's, the Export menu's, the scenario errors' and the
 * panels') merged into one
 * dictionary, plus every pattern's name (its folder's `meta.ts`: the picker lists them all): one chunk, loaded at
 * start when English is the chosen language, or when the user switches to it. A pattern's other strings
 * (`src/patterns/<folder>/strings.en.ts`) load with its code (src/patterns/catalog.ts); a new pattern plugs in
 * without touching this file.
 */
import type { PatternMeta } from '../patterns/meta';

// The Compare page's strings load with it, the scenario errors' when one is shown, the panels' with the panels
// (index.ts: compareStrings, scenarioStrings, panelsStrings).
const files = import.meta.glob<Record<string, string>>(
  ['./*.en.ts', '!./compare.en.ts', '!./scenario.en.ts', '!./export.en.ts', '!./panels.en.ts'],
  {
    eager: true,
    import: 'default',
  },
);
const metas = import.meta.glob<PatternMeta>('../patterns/*/meta.ts', { eager: true, import: 'meta' });

const dict: Record<string, string> = Object.assign({}, ...Object.values(files));
for (const m of Object.values(metas)) dict[`pattern.${m.id}.name`] = m.name.en;
export default dict;
