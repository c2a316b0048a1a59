/**
 * Every English string file (`*.en.ts` here, and each pattern folder's `src/patterns/<folder>/strings.en.ts`),
 * merged into one dictionary: one chunk, loaded at start when English is the chosen language, or when the user switches
 * to it. A new pattern's strings are picked up from its own folder without touching this file.
 */
const files = import.meta.glob<Record<string, string>>(['./*.en.ts', '../patterns/*/strings.en.ts'], {
  eager: true,
  import: 'default',
});

const dict: Record<string, string> = Object.assign({}, ...Object.values(files));
export default dict;
