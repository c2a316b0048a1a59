/** Every key the outbox pattern (and the broker module it uses) can show exists in English and Chinese. */
import { runKeys } from '../../i18n/runKeys';
import { describe, expect, it } from 'vitest';
import strings from './strings';
import brokerStrings from '../broker/strings';
import { mergedResources } from '../../i18n/resources';
import { outbox } from './index';

const all = mergedResources();
const sources = import.meta.glob<string>(['./*.ts', '../broker/index.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('outbox strings', () => {
  for (const [name, file] of [
    ['outbox', strings],
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
      // The broker module narrates under its own prefix (outbox gives it 'outbox.note.broker').
      const prefix = path.startsWith('../broker') ? 'outbox.note.broker.' : 'outbox.note.';
      for (const m of src.matchAll(/\bnote\('([A-Za-z]+)'/g)) keys.add(prefix + m[1]);
      for (const m of src.matchAll(/'(outbox\.note\.[A-Za-z.]+[A-Za-z])'/g)) keys.add(m[1]);
    }
    keys.delete('outbox.note.broker'); // the prefix handed to the broker module, not a key
    expect(keys.size).toBeGreaterThan(8);
    for (const k of keys) expect(strings.en[k], k).toBeDefined();
  });
  it('every key a run emits (notes, statuses, row labels and values, invariants) exists in both languages', () => {
    for (const k of runKeys(outbox, (k) => k in all.en)) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('pattern, roles, nodes, scenarios, params and guards are all named', () => {
    const need = ['pattern.outbox.name', 'pattern.outbox.desc', 'family.messaging'];
    for (const r of Object.keys(outbox.roles)) need.push('role.outbox.' + r);
    for (const n of outbox.topology({}).nodes) need.push(n.label);
    for (const s of outbox.scenarios) need.push(`scenario.outbox.${s.id}.title`, `scenario.outbox.${s.id}.desc`);
    for (const p of outbox.params) need.push(`param.outbox.${p.key}`, `param.outbox.${p.key}.help`);
    for (const g of outbox.guards) need.push(`guard.outbox.${g.key}`, `guard.outbox.${g.key}.desc`);
    for (const k of need) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('every table title and column label is translated', () => {
    for (const role of Object.values(outbox.roles)) {
      for (const spec of Object.values(role.tables ?? {})) {
        if (!spec.view) continue;
        for (const k of [spec.view.title, ...spec.view.columns.map((c) => c.label)]) {
          expect(all.en[k], k).toBeDefined();
          expect(all.zh[k], k).toBeDefined();
        }
        for (const c of spec.view.columns) {
          if (!c.valueKey) continue;
          for (const w of ['pending', 'sent', 'created']) expect(all.en[`${c.valueKey}.${w}`]).toBeDefined();
        }
      }
    }
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['本地消息表', '幂等', '至少一次', '消息代理', '位移', '最终一致']) expect(zh).toContain(w);
  });
});
