/**
 * The lab's one business workload, mapped by each pattern onto its own topology, is like for like: under the healthy
 * fault profile (no loss, no crashes) and no business failures, every pattern gets (nearly) every transaction
 * through. A mapping that leaves its accounts short (TCC / Saga once gave Bob 100 for 100 transfers of 30: ~97 %
 * aborted) fails here, not silently in the charts.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_PRESETS, type LabConfig } from './config';
import { jobScenario } from './runs';
import { runLabSync, summarize } from './sweep';
import { patterns } from '../patterns/registry';

const config: LabConfig = {
  patterns: [],
  workload: { transactions: 100, perSecond: 2, failureRate: 0 },
  faults: FAULT_PRESETS.healthy,
  runs: 2,
  seed: 1,
};

describe('the lab workload on every pattern', () => {
  const withWorkload = patterns.filter(
    (p) => jobScenario(p, config, { pattern: p.id, point: 0, seed: 1 }).workload.length > 0,
  );
  it('covers the registered patterns', () => {
    expect(withWorkload.length).toBeGreaterThan(0);
  });
  for (const p of withWorkload) {
    it(`${p.id}: a healthy profile commits ≥ 95 % of its 100 transactions`, () => {
      const [a] = summarize(runLabSync({ ...config, patterns: [p.id] }));
      expect(a.transactions).toBe(config.runs * config.workload.transactions);
      const through = (a.outcomes.committed?.count ?? 0) + (a.outcomes.delivered?.count ?? 0);
      expect(through / a.transactions).toBeGreaterThanOrEqual(0.95);
    });
  }
});
