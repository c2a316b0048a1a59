/** Strings of the Didi order + coupon flow (src/patterns/didi-coupon). Chinese keeps the seed’s words (事务消息, 空回滚, 反查, 幂等). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
