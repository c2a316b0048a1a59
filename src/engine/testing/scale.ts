/**
 * Cost counters for the "a step costs the same with 10 or 100,000 transactions behind it" tests: they count work
 * (invariant checks, state size), never time, so reintroducing a scan or a table spread fails them on any machine.
 */
import type { PatternDef } from '../pattern';
import { baseScenario } from '../scenario';
import { simulate } from '../simulator';
import type { Scenario } from '../types';

/** Count of nested own properties of a value (arrays count their elements). */
export function sizeOf(v: unknown, depth = 0): number {
  if (v === null || typeof v !== 'object' || depth > 20) return 0;
  let n = 0;
  for (const k in v as Record<string, unknown>) {
    if (!Object.hasOwn(v as object, k)) continue;
    n += 1 + sizeOf((v as Record<string, unknown>)[k], depth + 1);
  }
  return n;
}

/** The pattern's default scenario with its `txCount` parameter set to n (and the default workload for it). */
export function withTxCount(p: PatternDef, n: number, gap = 600): Scenario {
  const base = baseScenario(p, 1);
  const params = { ...base.params, txCount: n, txGap: gap };
  const workload = p.workload(params);
  const last = workload.reduce((m, w) => Math.max(m, w.at), 0);
  return { ...base, params, workload, horizon: last + p.defaultHorizon };
}

export interface CostFigures {
  events: number;
  checksPerEvent: number;
  writesPerEvent: number;
  /** The largest node state (sizeOf) any event carries. */
  maxStateSize: number;
}

export function costFigures(p: PatternDef, sc: Scenario, measureStates: boolean): CostFigures {
  const r = simulate(p, sc, { record: measureStates });
  let maxStateSize = 0;
  if (measureStates) {
    for (const e of r.events) if ('state' in e) maxStateSize = Math.max(maxStateSize, sizeOf(e.state));
  }
  return {
    events: r.stats.events,
    checksPerEvent: r.stats.invariantChecks / r.stats.events,
    writesPerEvent: r.stats.writes / r.stats.events,
    maxStateSize,
  };
}
