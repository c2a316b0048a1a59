/** Strings of the outbox pattern (src/patterns/outbox). Chinese keeps the seed's words (本地消息表, 幂等, 至少一次…). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
