/** Every key the notification pattern can show exists in English and Chinese, and the two files have the same keys. */
import { invDescKey } from '../../i18n/inv';
import { describe, expect, it } from 'vitest';
import strings from './strings';
import { baseScenario, namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { dbAt, indexTrace } from '../../engine/trace';
import { notify } from './index';

const en = strings.en;
const zh = strings.zh;
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });

function viewKeys(): Set<string> {
  const keys = new Set<string>();
  for (const sc of [baseScenario(notify), ...notify.scenarios.map((ns) => namedScenario(notify, ns))]) {
    const r = simulate(notify, sc);
    const ix = indexTrace(r);
    const roleOf = Object.fromEntries(r.topology.nodes.map((n) => [n.id, n.role]));
    for (const e of r.events) {
      if (e.kind === 'note') keys.add(e.key);
      if ('state' in e) {
        const v = notify.view(e.node, roleOf[e.node], e.state, e.kind !== 'crash', dbAt(ix, e.node, e.seq + 1));
        keys.add(v.statusKey);
        for (const row of [...v.durable, ...v.volatile]) {
          if (row.valueKey) keys.add(row.valueKey);
          if (row.label.startsWith('notify.')) keys.add(row.label);
        }
      }
    }
    // Table cells that are pattern words.
    for (const node of r.topology.nodes) {
      const tables = notify.roles[node.role].tables ?? {};
      const db = r.final.db(node.id);
      for (const [name, spec] of Object.entries(tables)) {
        for (const col of spec.view?.columns ?? []) {
          if (!col.valueKey) continue;
          for (const k of db.keys(name)) {
            const v = db.get(name, k)?.[col.field];
            if (v !== null && v !== undefined) keys.add(`${col.valueKey}.${String(v)}`);
          }
        }
      }
    }
  }
  return keys;
}

describe('notify strings', () => {
  it('en and zh have exactly the same keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) expect(v.trim(), k).not.toBe('');
  });
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const src of Object.values(sources))
      for (const m of src.matchAll(/'(notify\.note\.[A-Za-z0-9]+)'/g)) keys.add(m[1]);
    expect(keys.size).toBeGreaterThan(10);
    for (const k of keys) expect(en[k], k).toBeDefined();
  });
  it('every key a run emits (notes, statuses, row labels, values and table cells) exists', () => {
    const keys = viewKeys();
    expect(keys.size).toBeGreaterThan(20);
    for (const k of keys) expect(en[k], k).toBeDefined();
  });
  it('pattern, roles, nodes, scenarios, params, guards and invariants are all named', () => {
    const need = ['pattern.notify.name', 'pattern.notify.desc'];
    for (const r of Object.keys(notify.roles)) need.push('role.notify.' + r);
    for (const n of notify.topology({}).nodes) need.push(n.label);
    for (const s of notify.scenarios) need.push(`scenario.notify.${s.id}.title`, `scenario.notify.${s.id}.desc`);
    for (const p of notify.params) need.push(`param.notify.${p.key}`, `param.notify.${p.key}.help`);
    for (const g of notify.guards) need.push(`guard.notify.${g.key}`, `guard.notify.${g.key}.desc`);
    for (const i of notify.invariants)
      need.push(`inv.${i.id}`, invDescKey((k) => k in en, 'notify', i.id) ?? `inv.${i.id}.desc`);
    for (const role of Object.values(notify.roles))
      for (const spec of Object.values(role.tables ?? {}))
        if (spec.view) need.push(spec.view.title, ...spec.view.columns.map((c) => c.label));
    for (const k of need) {
      expect(en[k], k).toBeDefined();
      expect(zh[k], k).toBeDefined();
    }
  });
  it('Chinese uses the domain words', () => {
    const all = Object.values(zh).join('');
    for (const w of ['幂等', '对账', '通知', '重试', '最大努力通知', '本地事务']) expect(all).toContain(w);
  });
});
