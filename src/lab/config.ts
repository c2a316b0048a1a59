/**
 * A comparison-lab configuration: which patterns, one business workload, one fault profile, how many seeded runs,
 * and optionally a sweep of one fault or workload figure. Plain data: the page, the CLI and the shards read the same.
 */
import type { Dist, LabWorkload } from '../engine';

export interface FaultProfile {
  /** Probability a message is lost / duplicated, on every link. */
  loss: number;
  duplicate: number;
  latency: Dist;
  /** Crashes per crashable node per minute of virtual time (a Poisson process). */
  crashRate: number;
  /** How long a crashed node stays down (ms). */
  recoveryTime: number;
}

/** A figure the sweep varies: one fault-profile or workload number. */
export type SweepKey = 'loss' | 'duplicate' | 'crashRate' | 'recoveryTime' | 'failureRate' | 'perSecond';

export interface LabConfig {
  /** Pattern ids; empty: every registered pattern. */
  patterns: string[];
  workload: LabWorkload;
  faults: FaultProfile;
  /** Seeded runs per pattern (per sweep point). */
  runs: number;
  /** The first seed; run i uses seed + i. */
  seed: number;
  sweep?: { key: SweepKey; values: number[] };
  /** Event budget per run. */
  maxEvents?: number;
}

export const FAULT_PRESETS: Record<'healthy' | 'flaky' | 'bad-day', FaultProfile> = {
  healthy: {
    loss: 0,
    duplicate: 0,
    latency: { kind: 'uniform', min: 20, max: 60 },
    crashRate: 0,
    recoveryTime: 5_000,
  },
  flaky: {
    loss: 0.01,
    duplicate: 0.01,
    latency: { kind: 'exponential', mean: 40, min: 5 },
    crashRate: 0.05,
    recoveryTime: 5_000,
  },
  'bad-day': {
    loss: 0.05,
    duplicate: 0.05,
    latency: { kind: 'exponential', mean: 120, min: 10 },
    crashRate: 0.3,
    recoveryTime: 15_000,
  },
};

export function defaultLabConfig(): LabConfig {
  return {
    patterns: [],
    workload: { transactions: 100, perSecond: 2, failureRate: 0 },
    faults: FAULT_PRESETS.flaky,
    runs: 100,
    seed: 1,
  };
}

/** The config of one sweep point (the sweep's key set to `value`). */
export function atSweepPoint(c: LabConfig, value: number | undefined): { workload: LabWorkload; faults: FaultProfile } {
  if (!c.sweep || value === undefined) return { workload: c.workload, faults: c.faults };
  const k = c.sweep.key;
  if (k === 'failureRate' || k === 'perSecond') return { workload: { ...c.workload, [k]: value }, faults: c.faults };
  return { workload: c.workload, faults: { ...c.faults, [k]: value } };
}
