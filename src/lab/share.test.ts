import { describe, expect, it } from 'vitest';
import { defaultLabConfig } from './config';
import { packShare, unpackShare } from './share';
import { labJobs } from './sweep';

describe('a worker’s share of the jobs, packed as columns', () => {
  it('comes back as the same jobs with the same canonical indexes, through a structured clone', () => {
    const config = { ...defaultLabConfig(), runs: 7, sweep: { key: 'loss' as const, values: [0, 0.05, 0.1] } };
    const jobs = labJobs(config, null);
    expect(new Set(jobs.map((j) => j.pattern)).size).toBeGreaterThan(1);
    const indexed = jobs.map((j, i) => [i, j] as [number, typeof j]);
    for (const share of [indexed, indexed.filter((_, i) => i % 3 === 1), indexed.slice(2, 5)]) {
      const packed = structuredClone(packShare(share));
      expect(unpackShare(packed)).toEqual(share);
    }
  });

  it('keeps seeds that do not fit 32 bits, and an empty share', () => {
    const share: [number, { pattern: string; point: number; seed: number }][] = [
      [5, { pattern: 'tcc', point: 2, seed: 2 ** 40 + 3 }],
      [9, { pattern: 'saga', point: 0, seed: 0 }],
    ];
    expect(unpackShare(packShare(share))).toEqual(share);
    expect(unpackShare(packShare([]))).toEqual([]);
  });
});
