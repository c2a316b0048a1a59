/** Every key the 2PC pattern can show exists in English and Chinese, and the two files have the same keys. */
import { describe, expect, it } from 'vitest';
import strings from './strings';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { dbAt, indexTrace } from '../../engine/trace';
import { twoPC } from './index';

const en = strings.en;
const zh = strings.zh;
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });

function viewKeys(): Set<string> {
  const keys = new Set<string>();
  for (const ns of twoPC.scenarios) {
    const r = simulate(twoPC, namedScenario(twoPC, ns));
    const ix = indexTrace(r);
    const roleOf = Object.fromEntries(r.topology.nodes.map((n) => [n.id, n.role]));
    for (const e of r.events) {
      if (e.kind === 'note') keys.add(e.key);
      if ('state' in e) {
        const v = twoPC.view(e.node, roleOf[e.node], e.state, true, dbAt(ix, e.node, e.seq + 1));
        keys.add(v.statusKey);
        for (const row of [...v.durable, ...v.volatile]) {
          if (row.valueKey) keys.add(row.valueKey);
          if (row.label.startsWith('2pc.')) keys.add(row.label);
        }
      }
    }
  }
  return keys;
}

describe('2PC strings', () => {
  it('en and zh have exactly the same keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) expect(v.trim(), k).not.toBe('');
  });
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/note\('([A-Za-z0-9]+)'/g)) keys.add('2pc.note.' + m[1]);
      for (const m of src.matchAll(/'(2pc\.note\.[A-Za-z0-9]+)'/g)) keys.add(m[1]);
    }
    expect(keys.size).toBeGreaterThan(30);
    for (const k of keys) expect(en[k], k).toBeDefined();
  });
  it('every key a run emits (notes, statuses, row labels and values) exists', () => {
    for (const k of viewKeys()) expect(en[k], k).toBeDefined();
  });
  it('pattern, roles, nodes, scenarios, params, guards and invariants are all named', () => {
    const need = ['pattern.2pc.name', 'pattern.2pc.desc'];
    for (const r of Object.keys(twoPC.roles)) need.push('role.2pc.' + r);
    for (const n of twoPC.topology({
      ...Object.fromEntries(twoPC.params.map((p) => [p.key, p.default])),
      participants: 5,
    }).nodes)
      need.push(n.label);
    for (const s of twoPC.scenarios) need.push(`scenario.2pc.${s.id}.title`, `scenario.2pc.${s.id}.desc`);
    for (const p of twoPC.params) need.push(`param.2pc.${p.key}`, `param.2pc.${p.key}.help`);
    for (const g of twoPC.guards) need.push(`guard.2pc.${g.key}`, `guard.2pc.${g.key}.desc`);
    for (const i of [...twoPC.invariants.map((x) => x.id), 'bounded-blocking']) need.push(`inv.${i}`, `inv.${i}.desc`);
    for (const k of need) expect(en[k], k).toBeDefined();
  });
  it('Chinese uses the seed’s domain words', () => {
    const all = Object.values(zh).join('');
    for (const w of ['阻塞', '协调者', '参与者', '预提交', '两阶段提交', '三阶段提交']) expect(all).toContain(w);
  });
});

describe('2PC table views', () => {
  it('every table title and column label is translated', () => {
    for (const role of Object.values(twoPC.roles)) {
      for (const spec of Object.values(role.tables ?? {})) {
        if (!spec.view) continue;
        for (const k of [spec.view.title, ...spec.view.columns.map((c) => c.label)]) {
          if (k.startsWith('2pc.')) {
            expect(en[k], k).toBeDefined();
            expect(zh[k], k).toBeDefined();
          }
        }
      }
    }
  });
});
