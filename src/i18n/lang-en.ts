/**
 * Every English string file (`*.en.ts` here and under patterns/), merged into one dictionary: one chunk, loaded at
 * start when English is the chosen language, or when the user switches to it. A new pattern's `patterns/<id>.en.ts`
 * is picked up without touching this file.
 */
const files = import.meta.glob<Record<string, string>>(['./*.en.ts', './patterns/*.en.ts'], {
  eager: true,
  import: 'default',
});

const dict: Record<string, string> = Object.assign({}, ...Object.values(files));
export default dict;
