/** Strings of the Saga pattern (src/patterns/saga). Chinese keeps the seed's domain words (补偿, 空补偿, 幂等…). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
