/** Every key the Didi payment fan-out (and the DDMQ module it uses) can show exists in English and Chinese. */
import { runKeys } from '../../i18n/runKeys';
import { describe, expect, it } from 'vitest';
import strings from './strings';
import brokerStrings from '../broker/strings';
import { mergedResources } from '../../i18n/resources';
import { didiPay as pattern } from './index';

const all = mergedResources();
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });
describe('didi-pay strings', () => {
  for (const [name, file] of [
    ['didi-pay', strings],
    ['broker', brokerStrings],
  ] as const) {
    it(`${name}: en and zh have exactly the same keys, none empty`, () => {
      expect(Object.keys(file.zh).sort()).toEqual(Object.keys(file.en).sort());
      for (const [k, v] of [...Object.entries(file.en), ...Object.entries(file.zh)]) expect(v.trim(), k).not.toBe('');
    });
  }
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
  it('every key a run emits (notes, statuses, row labels and values, table words, invariants) exists in both languages', () => {
    for (const k of runKeys(pattern, (k) => k in all.en)) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('pattern, roles, nodes, scenarios, params and guards are all named', () => {
    const need = [`pattern.${pattern.id}.name`, `pattern.${pattern.id}.desc`, 'family.messaging'];
    for (const r of Object.keys(pattern.roles)) need.push(`role.${pattern.id}.${r}`);
    for (const n of pattern.topology({}).nodes) need.push(n.label);
    for (const s of pattern.scenarios)
      need.push(`scenario.${pattern.id}.${s.id}.title`, `scenario.${pattern.id}.${s.id}.desc`);
    for (const p of pattern.params) need.push(`param.${pattern.id}.${p.key}`, `param.${pattern.id}.${p.key}.help`);
    for (const g of pattern.guards) need.push(`guard.${pattern.id}.${g.key}`, `guard.${pattern.id}.${g.key}.desc`);
    for (const k of need) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('every table title and column label is translated', () => {
    for (const role of Object.values(pattern.roles)) {
      for (const spec of Object.values(role.tables ?? {})) {
        if (!spec.view) continue;
        for (const k of [spec.view.title, ...spec.view.columns.map((c) => c.label)]) {
          expect(all.en[k], k).toBeDefined();
          expect(all.zh[k], k).toBeDefined();
        }
      }
    }
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['逆向流程', '超卖', '退款', '重试', '最终一致', '幂等', '佣金']) expect(zh).toContain(w);
  });
});
