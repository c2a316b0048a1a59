/**
 * 2PC's own string checks: note keys named in its sources, the labels of a five-participant topology, and the seed's
 * words (src/i18n/i18n.test.ts checks every key its runs show, for every registered pattern).
 */
import { describe, expect, it } from 'vitest';
import strings from './strings';
import { twoPC } from './index';

const en = strings.en;
const zh = strings.zh;
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('2PC strings', () => {
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/note\('([A-Za-z0-9]+)'/g)) keys.add('2pc.note.' + m[1]);
      for (const m of src.matchAll(/'(2pc\.note\.[A-Za-z0-9]+)'/g)) keys.add(m[1]);
    }
    expect(keys.size).toBeGreaterThan(30);
    for (const k of keys) expect(en[k], k).toBeDefined();
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
