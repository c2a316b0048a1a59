/** Strings of the best-effort notification pattern (src/patterns/notify). Chinese keeps the domain words (通知, 重试, 幂等, 对账…). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
