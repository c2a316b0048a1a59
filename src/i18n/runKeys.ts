/**
 * Every i18n key a pattern's runs make the UI show — narration, status words, node-view row labels and values,
 * invariant names and descriptions, and the table cells that are pattern words — over its base run and every named
 * scenario. One harness for the per-pattern string tests (they add the keys their own sources name).
 */
import { baseScenario, dbAt, indexTrace, namedScenario, simulate, type PatternDef } from '../engine';
import { invDescKey } from './inv';

/** A label is an i18n key when it looks like one (dotted words); "T1", "evt-T1" or a log position are literals. */
export const keyLike = (s: string) => /^[\w-]+(\.[\w-]+)+$/.test(s);

export function runKeys(pattern: PatternDef, has: (key: string) => boolean): Set<string> {
  const keys = new Set<string>();
  const runs = [baseScenario(pattern), ...pattern.scenarios.map((ns) => namedScenario(pattern, ns))];
  for (const sc of runs) {
    const r = simulate(pattern, sc);
    const ix = indexTrace(r);
    const roleOf = Object.fromEntries(r.topology.nodes.map((n) => [n.id, n.role]));
    for (const inv of r.invariants)
      keys.add(`inv.${inv.id}`).add(invDescKey(has, pattern.id, inv.id) ?? `inv.${inv.id}.desc`);
    for (const e of r.events) {
      if (e.kind === 'note') keys.add(e.key);
      if (!('state' in e)) continue;
      for (const up of [true, false]) {
        const v = pattern.view(e.node, roleOf[e.node], e.state, up, dbAt(ix, e.node, e.seq + 1));
        keys.add(v.statusKey);
        for (const row of [...v.durable, ...v.volatile]) {
          if (row.valueKey) keys.add(row.valueKey);
          if (keyLike(row.label)) keys.add(row.label);
        }
      }
    }
    // Table cells that are pattern words, as the run ends.
    for (const node of r.topology.nodes) {
      const db = r.final.db(node.id);
      for (const [name, spec] of Object.entries(pattern.roles[node.role].tables ?? {})) {
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
