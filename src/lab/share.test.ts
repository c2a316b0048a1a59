import { describe, expect, it } from 'vitest';
import { defaultLabConfig } from './config';
import { packJobs, unpackJobs } from './share';
import { labJobs } from './sweep';

describe('the jobs posted to a lab Web Worker, packed as columns', () => {
  it('come back as the same jobs in the same order (their canonical indexes), through a structured clone', () => {
    const config = { ...defaultLabConfig(), runs: 7, sweep: { key: 'loss' as const, values: [0, 0.05, 0.1] } };
    const jobs = labJobs(config, null);
    expect(new Set(jobs.map((j) => j.pattern)).size).toBeGreaterThan(1);
    expect(unpackJobs(structuredClone(packJobs(jobs)))).toEqual(jobs);
  });

  it('keep seeds that do not fit 32 bits, and an empty list', () => {
    const jobs = [
      { pattern: 'tcc', point: 2, seed: 2 ** 40 + 3 },
      { pattern: 'saga', point: 0, seed: 0 },
    ];
    expect(unpackJobs(packJobs(jobs))).toEqual(jobs);
    expect(unpackJobs(packJobs([]))).toEqual([]);
  });
});
