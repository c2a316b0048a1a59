/** Strings of the RocketMQ pattern (src/patterns/rocketmq). Chinese keeps the seed's words (半消息, 反查, 幂等…). */
// Both languages together, for tests and tools; the app loads one language at a time.
import en from './strings.en';
import zh from './strings.zh';

export default { en, zh };
