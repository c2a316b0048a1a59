/** Strings of the TCC pattern (src/patterns/tcc). Chinese keeps the seed's domain words (空回滚, 悬挂, 幂等, 冻结…). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
