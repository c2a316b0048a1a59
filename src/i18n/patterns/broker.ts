/** Strings of the shared broker module (src/patterns/broker). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './broker.en';
import zh from './broker.zh';

export default { en, zh };
