/** Strings of the two-phase commit pattern (src/patterns/twopc). Chinese keeps the seed's domain words. */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
