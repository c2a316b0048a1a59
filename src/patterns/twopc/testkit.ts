/** Test helpers for the 2PC pattern: run a named scenario, check an Expectation, query the trace. */
import type { Expectation, NamedScenario } from '../../engine/pattern';
import { namedScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario } from '../../engine/types';
import { twoPC } from './index';

export function scenarioById(id: string): NamedScenario {
  const s = twoPC.scenarios.find((x) => x.id === id);
  if (!s) throw new Error('no scenario ' + id);
  return s;
}

export function runNamed(id: string, patch: Partial<Scenario> = {}): SimResult {
  return simulate(twoPC, { ...namedScenario(twoPC, scenarioById(id)), ...patch });
}

function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Every mismatch between a run and an expectation, as readable lines (empty: all met). */
export function mismatches(r: SimResult, e: Expectation): string[] {
  const out: string[] = [];
  for (const [tx, o] of Object.entries(e.outcomes ?? {})) {
    const got = r.outcomes.find((x) => x.tx === tx);
    if (got?.outcome !== o) out.push(`outcome ${tx}: want ${o}, got ${got?.outcome} ${JSON.stringify(got?.at)}`);
  }
  for (const [id, v] of Object.entries(e.invariants ?? {})) {
    const got = r.invariants.find((i) => i.id === id);
    if (got?.final !== v) out.push(`invariant ${id}: want ${v}, got ${got?.final}`);
  }
  for (const id of e.breaks ?? []) {
    if (!r.invariants.find((i) => i.id === id)?.broken.length) out.push(`invariant ${id} should break`);
  }
  for (const id of e.neverBreaks ?? []) {
    if (r.invariants.find((i) => i.id === id)?.broken.length) out.push(`invariant ${id} should never break`);
  }
  for (const [node, checks] of Object.entries(e.durable ?? {})) {
    for (const [path, v] of Object.entries(checks)) {
      const got = at(r.final.states[node]?.durable, path);
      if (JSON.stringify(got) !== JSON.stringify(v))
        out.push(`${node}.${path}: want ${JSON.stringify(v)}, got ${JSON.stringify(got)}`);
    }
  }
  return out;
}
