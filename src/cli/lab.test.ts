/** The headless lab: worker_threads give the numbers of the single-threaded run, for any worker count. */
import { describe, expect, it } from 'vitest';
import { defaultLabConfig, FAULT_PRESETS, type LabConfig } from '../lab/config';
import { runLabSync } from '../lab/sweep';
import { runLabNode } from './lab-pool';

describe('lab worker pool (Node)', () => {
  const config: LabConfig = {
    ...defaultLabConfig(),
    patterns: ['2pc'],
    workload: { transactions: 4, perSecond: 4, failureRate: 0 },
    faults: FAULT_PRESETS.flaky,
    runs: 5,
    seed: 3,
  };
  it('1 and 2 workers give exactly the in-process result', async () => {
    const ref = runLabSync(config);
    const one = await runLabNode(config, { workers: 1 });
    const two = await runLabNode(config, { workers: 2 });
    expect(one.runs).toEqual(ref.runs);
    expect(two.runs).toEqual(ref.runs);
  }, 60_000);
});
