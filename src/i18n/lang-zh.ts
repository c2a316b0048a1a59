/**
 * Every Chinese string file (`*.zh.ts` here, and each pattern folder's `src/patterns/<folder>/strings.zh.ts`),
 * merged into one dictionary: one chunk, loaded at start when Chinese is the chosen language, or when the user switches
 * to it. A new pattern's strings are picked up from its own folder without touching this file.
 */
const files = import.meta.glob<Record<string, string>>(['./*.zh.ts', '../patterns/*/strings.zh.ts'], {
  eager: true,
  import: 'default',
});

const dict: Record<string, string> = Object.assign({}, ...Object.values(files));
export default dict;
