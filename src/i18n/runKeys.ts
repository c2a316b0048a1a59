/**
 * Every i18n key a pattern makes the UI show: its name, family, roles, scenarios, parameters and guards, and — by
 * running its base scenario and every named one — every node label, narration key, status word and row label its
 * trace produces through pattern.view (up, and down after a crash), invariant names and descriptions, and every table
 * title, column label and pattern word (valueKey) a table row ever held. One harness: src/i18n/i18n.test.ts runs it
 * for every registered pattern, so a new pattern's strings are checked with no test of its own.
 */
import { baseScenario, dbAt, indexTrace, namedScenario, simulate, tableHistory, type PatternDef } from '../engine';
import { invDescKey } from './inv';

/** A label is an i18n key when it looks like one (dotted words); "T1", "evt-T1" or a log position are literals. */
export const keyLike = (s: string) => /^[\w-]+(\.[\w-]+)+$/.test(s);

export function runKeys(p: PatternDef, has: (key: string) => boolean): Set<string> {
  const keys = new Set<string>([`pattern.${p.id}.name`, `pattern.${p.id}.desc`, `family.${p.family}`]);
  for (const role of Object.keys(p.roles)) keys.add(`role.${p.id}.${role}`);
  for (const ns of p.scenarios) {
    keys.add(`scenario.${p.id}.${ns.id}.title`);
    keys.add(`scenario.${p.id}.${ns.id}.desc`);
  }
  for (const prm of p.params) {
    keys.add(`param.${p.id}.${prm.key}`);
    keys.add(`param.${p.id}.${prm.key}.help`);
  }
  for (const g of p.guards) {
    keys.add(`guard.${p.id}.${g.key}`);
    keys.add(`guard.${p.id}.${g.key}.desc`);
  }
  const runs = [baseScenario(p), ...p.scenarios.map((ns) => namedScenario(p, ns))];
  for (const sc of runs) {
    const r = simulate(p, sc);
    const ix = indexTrace(r);
    for (const inv of r.invariants) {
      keys.add(`inv.${inv.id}`);
      // A pattern's own wording of a shared invariant (inv.<pattern>.<id>.desc) stands in for the shared one.
      keys.add(invDescKey(has, p.id, inv.id) ?? `inv.${inv.id}.desc`);
    }
    const roleOf = new Map(r.topology.nodes.map((n) => [n.id, n.role]));
    for (const n of r.topology.nodes) if (keyLike(n.label)) keys.add(n.label);
    for (const ev of r.events) {
      if (ev.kind === 'note') keys.add(ev.key);
      if (!('state' in ev)) continue;
      const role = roleOf.get(ev.node);
      if (!role) continue;
      for (const up of [true, false]) {
        const v = p.view(ev.node, role, ev.state, up, dbAt(ix, ev.node, ev.seq + 1));
        keys.add(v.statusKey);
        for (const row of [...v.durable, ...v.volatile]) {
          if (keyLike(row.label)) keys.add(row.label);
          if (row.valueKey) keys.add(row.valueKey);
        }
      }
    }
    // The table view: titles and column labels; for a column of pattern words, every value its rows ever held.
    for (const n of r.topology.nodes) {
      for (const [name, spec] of Object.entries(p.roles[n.role]?.tables ?? {})) {
        if (!spec.view) continue;
        if (keyLike(spec.view.title)) keys.add(spec.view.title);
        for (const c of spec.view.columns) {
          if (keyLike(c.label)) keys.add(c.label);
          if (!c.valueKey) continue;
          for (const { rows } of tableHistory(ix, n.id, name)?.byKey.values() ?? []) {
            for (const row of rows) {
              const v = row?.[c.field];
              if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                keys.add(`${c.valueKey}.${String(v)}`);
            }
          }
        }
      }
    }
  }
  return keys;
}
