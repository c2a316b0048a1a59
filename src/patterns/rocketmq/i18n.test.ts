/** Every key the rocketmq pattern (and the broker modules it uses, index.ts and txn.ts) can show exists in English and Chinese. */
import { runKeys } from '../../i18n/runKeys';
import { describe, expect, it } from 'vitest';
import strings from './strings';
import brokerStrings from '../broker/strings';
import { mergedResources } from '../../i18n/resources';
import { rocketmq } from './index';

const all = mergedResources();
const sources = import.meta.glob<string>(['./*.ts', '../broker/index.ts', '../broker/txn.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('rocketmq strings', () => {
  for (const [name, file] of [
    ['rocketmq', strings],
    ['broker', brokerStrings],
  ] as const) {
    it(`${name}: en and zh have exactly the same keys, none empty`, () => {
      expect(Object.keys(file.zh).sort()).toEqual(Object.keys(file.en).sort());
      for (const [k, v] of [...Object.entries(file.en), ...Object.entries(file.zh)]) expect(v.trim(), k).not.toBe('');
    });
  }
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const [path, src] of Object.entries(sources)) {
      // The broker module narrates under its own prefix (rocketmq gives it 'rocketmq.note.broker').
      const prefix = path.startsWith('../broker') ? 'rocketmq.note.broker.' : 'rocketmq.note.';
      for (const m of src.matchAll(/\bnote\('([A-Za-z]+)'/g)) keys.add(prefix + m[1]);
      for (const m of src.matchAll(/'(rocketmq\.note\.[A-Za-z.]+[A-Za-z])'/g)) keys.add(m[1]);
    }
    keys.delete('rocketmq.note.broker'); // the prefix handed to the broker module, not a key
    expect(keys.size).toBeGreaterThan(8);
    for (const k of keys) expect(strings.en[k], k).toBeDefined();
  });
  it('every key a run emits (notes, statuses, row labels and values, invariants) exists in both languages', () => {
    for (const k of runKeys(rocketmq, (k) => k in all.en)) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('pattern, roles, nodes, scenarios, params and guards are all named', () => {
    const need = ['pattern.rocketmq.name', 'pattern.rocketmq.desc', 'family.messaging'];
    for (const r of Object.keys(rocketmq.roles)) need.push('role.rocketmq.' + r);
    for (const n of rocketmq.topology({}).nodes) need.push(n.label);
    for (const s of rocketmq.scenarios) need.push(`scenario.rocketmq.${s.id}.title`, `scenario.rocketmq.${s.id}.desc`);
    for (const p of rocketmq.params) need.push(`param.rocketmq.${p.key}`, `param.rocketmq.${p.key}.help`);
    for (const g of rocketmq.guards) need.push(`guard.rocketmq.${g.key}`, `guard.rocketmq.${g.key}.desc`);
    for (const k of need) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('every table title and column label is translated', () => {
    for (const role of Object.values(rocketmq.roles)) {
      for (const spec of Object.values(role.tables ?? {})) {
        if (!spec.view) continue;
        for (const k of [spec.view.title, ...spec.view.columns.map((c) => c.label)]) {
          expect(all.en[k], k).toBeDefined();
          expect(all.zh[k], k).toBeDefined();
        }
        for (const c of spec.view.columns) {
          if (!c.valueKey) continue;
          const words: Record<string, string[]> = {
            'rocketmq.word': ['committed', 'rolled-back', 'send-failed', 'retrying', 'swallowed'],
            'broker.word': ['half', 'committed', 'rolled-back', 'discarded'],
          };
          expect(words[c.valueKey], c.valueKey).toBeDefined();
          for (const w of words[c.valueKey]) {
            expect(all.en[`${c.valueKey}.${w}`], `${c.valueKey}.${w}`).toBeDefined();
            expect(all.zh[`${c.valueKey}.${w}`], `${c.valueKey}.${w}`).toBeDefined();
          }
        }
      }
    }
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['半消息', '反查', '幂等', '至少一次', '消息代理', '死信', '最终一致']) expect(zh).toContain(w);
  });
});
