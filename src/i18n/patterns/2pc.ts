/** Strings of the two-phase commit pattern (src/patterns/twopc). Chinese keeps the seed's domain words. */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './2pc.en';
import zh from './2pc.zh';

export default { en, zh };
