/**
 * Every Chinese string file (`*.zh.ts` here and under patterns/), merged into one dictionary: one chunk, loaded at
 * start when Chinese is the chosen language, or when the user switches to it. A new pattern's `patterns/<id>.zh.ts`
 * is picked up without touching this file.
 */
const files = import.meta.glob<Record<string, string>>(['./*.zh.ts', './patterns/*.zh.ts'], {
  eager: true,
  import: 'default',
});

const dict: Record<string, string> = Object.assign({}, ...Object.values(files));
export default dict;
