/** Workloads shared by the benchmarks: a pattern's scenario scaled to many transactions. */
import type { PatternDef } from '../src/engine/pattern';
import { baseScenario } from '../src/engine/scenario';
import type { Scenario, WorkloadItem } from '../src/engine/types';

/**
 * The pattern's default scenario with `n` transactions: the first transaction request of its default workload,
 * repeated every `gap` ms (the pattern's `txGap` parameter if it has one, else 600 ms) with ids T1…Tn.
 * The workload is explicit in the scenario, so this works past any `txCount`-like parameter maximum.
 */
export function manyTransactions(p: PatternDef, n: number, seed = 1): Scenario {
  const base = baseScenario(p, seed);
  const first = base.workload.find((w) => w.request.tx !== undefined) ?? base.workload[0];
  if (!first) throw new Error(`${p.id}: its default workload is empty`);
  const gapParam = base.params.txGap;
  const gap = typeof gapParam === 'number' && gapParam > 0 ? gapParam : 600;
  const workload: WorkloadItem[] = Array.from({ length: n }, (_, i) => ({
    at: first.at + i * gap,
    node: first.node,
    request: { ...first.request, tx: 'T' + (i + 1) },
  }));
  return { ...base, workload, horizon: first.at + n * gap + p.defaultHorizon };
}
