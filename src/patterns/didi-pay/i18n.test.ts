/**
 * The Didi payment fan-out's own string checks: note keys named in its sources and the seed's words
 * (src/i18n/i18n.test.ts checks every key its runs show, for every registered pattern).
 */
import { describe, expect, it } from 'vitest';
import strings from './strings';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });
describe('didi-pay strings', () => {
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/\bnote\('([A-Za-z]+)'/g)) keys.add('didipay.note.' + m[1]);
    }
    for (const c of ['stock', 'orders', 'ledger', 'procure']) keys.add('didipay.note.applied.' + c);
    keys.add('didipay.note.polled').add('didipay.note.broker.appended');
    expect(keys.size).toBeGreaterThan(15);
    for (const k of keys) expect(strings.en[k], k).toBeDefined();
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['逆向流程', '超卖', '退款', '重试', '最终一致', '幂等', '佣金']) expect(zh).toContain(w);
  });
});
