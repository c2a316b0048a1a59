/** The Compare store: form ↔ config, validation naming the field, the #lab link, and a run through the pool. */
import { describe, expect, it } from 'vitest';
import { defaultLabConfig, FAULT_PRESETS, type LabConfig } from '../lab/config';
import { aggregateAll } from '../lab/aggregate';
import { runLabSync } from '../lab/sweep';
import { FakeLabWorker } from '../lab/web-testkit';
import { applyPreset, configToForm, formErrors, formToConfig, presetOf, useCompare } from './compare';
import { decodeLabLink, encodeLabLink, isLabHash } from './compare-link';

const ALL = ['2pc', 'tcc', 'saga'];

const sweepConfig: LabConfig = {
  patterns: ['2pc', 'saga'],
  workload: { transactions: 50, perSecond: 5, failureRate: 0.1 },
  faults: { ...FAULT_PRESETS['bad-day'], latency: { kind: 'uniform', min: 10, max: 30 }, loss: 0.02 },
  runs: 30,
  seed: 9,
  sweep: { key: 'loss', values: [0, 0.05, 0.1] },
};

describe('compare form', () => {
  it('every pattern is chosen by default and written as [] (all)', () => {
    const f = configToForm(defaultLabConfig(), ALL);
    expect(f.patterns).toEqual(ALL);
    const r = formToConfig(f, ALL);
    expect(r.ok && r.config).toEqual(defaultLabConfig());
  });

  it('config → form → config is the identity (sweep, custom faults, a subset of patterns)', () => {
    const f = configToForm(sweepConfig, ALL);
    expect(f.preset).toBe('custom');
    expect(f.sweepValues).toBe('0, 0.05, 0.1');
    const r = formToConfig(f, ALL);
    expect(r.ok && r.config).toEqual(sweepConfig);
  });

  it('presets fill the fault fields; the form then stands for the preset', () => {
    const f = applyPreset(configToForm(defaultLabConfig(), ALL), 'bad-day');
    expect(f.loss).toBe('0.05');
    const r = formToConfig(f, ALL);
    expect(r.ok && r.config.faults).toEqual(FAULT_PRESETS['bad-day']);
    expect(presetOf(FAULT_PRESETS.healthy)).toBe('healthy');
  });

  it('a custom latency mean becomes an exponential distribution with that mean', () => {
    const f = { ...applyPreset(configToForm(defaultLabConfig(), ALL), 'custom'), latencyMean: '80' };
    const r = formToConfig(f, ALL);
    expect(r.ok && r.config.faults.latency).toEqual({ kind: 'exponential', mean: 80, min: 5 });
  });

  it('invalid fields each give an error naming the field', () => {
    const f = {
      ...applyPreset(configToForm(defaultLabConfig(), ALL), 'custom'),
      patterns: [],
      runs: '2.5',
      loss: '1.5',
      perSecond: '0',
      seed: '',
      transactions: 'many',
      sweepKey: 'failureRate' as const,
      sweepValues: '0, 2',
    };
    const errors = formErrors({ form: f, allPatterns: ALL });
    expect(errors.map((e) => [e.field, e.key])).toEqual([
      ['patterns', 'compare.err.noPattern'],
      ['transactions', 'compare.err.number'],
      ['perSecond', 'compare.err.above'],
      ['loss', 'compare.err.max'],
      ['runs', 'compare.err.integer'],
      ['seed', 'compare.err.required'],
      ['sweepValues', 'compare.err.sweepValue'],
    ]);
    expect(errors.find((e) => e.field === 'sweepValues')?.params).toEqual({ value: '2' });
    // Cached per form object (stable for zustand selectors).
    expect(formErrors({ form: f, allPatterns: ALL })).toBe(errors);
  });
});

describe('compare link', () => {
  it('config → #lab=1.… → the same config', () => {
    for (const c of [defaultLabConfig(), sweepConfig]) {
      const h = encodeLabLink(c);
      expect(h.startsWith('#lab=1.')).toBe(true);
      expect(isLabHash(h)).toBe(true);
      expect(decodeLabLink(h)).toEqual({ ok: true, config: c });
    }
    expect(isLabHash('#lab')).toBe(true);
    expect(isLabHash('#s=1.abc')).toBe(false);
    expect(isLabHash('#label')).toBe(false);
  });

  it('a damaged, foreign, future or invalid link says what is wrong', () => {
    expect(decodeLabLink('#lab=1.%%%')).toMatchObject({ ok: false });
    expect(decodeLabLink('#s=1.abc')).toEqual({ ok: false, error: expect.stringContaining('expected #lab=1.') });
    expect(decodeLabLink('#lab=9.abc')).toEqual({ ok: false, error: expect.stringContaining('version 9') });
    const bad = encodeLabLink({ ...defaultLabConfig(), faults: { ...FAULT_PRESETS.flaky, loss: 3 } });
    expect(decodeLabLink(bad)).toEqual({ ok: false, error: expect.stringMatching(/^faults\.loss: /) });
  });
});

describe('compare store run', () => {
  const small = {
    ...defaultLabConfig(),
    patterns: ['2pc'],
    runs: 4,
    seed: 5,
    workload: { transactions: 3, perSecond: 4, failureRate: 0.2 },
  };

  it('runs the form config in workers and ends with the CLI numbers', async () => {
    useCompare.getState().init(ALL, small);
    expect(useCompare.getState().run({ makeWorker: () => new FakeLabWorker(), workers: 2, throttleMs: 0 })).toBe(true);
    expect(useCompare.getState().status).toBe('running');
    expect(useCompare.getState().progress).toMatchObject({ done: 0, total: 4 });
    await new Promise<void>((resolve) => {
      const un = useCompare.subscribe((s) => s.status !== 'running' && (un(), resolve()));
    });
    const s = useCompare.getState();
    const ref = runLabSync(small).runs;
    expect(s.status).toBe('done');
    expect(s.runs).toEqual(ref);
    expect(s.aggregates).toEqual(aggregateAll(ref));
    expect(s.progress).toMatchObject({ done: 4, total: 4, eta: 0 });
  });

  it('an invalid form does not start; cancel keeps the runs that came in', async () => {
    useCompare.getState().init(ALL, small);
    useCompare.getState().setField('runs', '0');
    expect(useCompare.getState().run({ makeWorker: () => new FakeLabWorker() })).toBe(false);
    expect(useCompare.getState().status).not.toBe('running');
    useCompare.getState().setField('runs', '40');
    useCompare.getState().run({ makeWorker: () => new FakeLabWorker(), workers: 2, throttleMs: 0 });
    await new Promise<void>((resolve) => {
      const un = useCompare.subscribe((s) => {
        if ((s.progress?.done ?? 0) >= 3) {
          un();
          resolve();
        }
      });
    });
    useCompare.getState().cancel();
    await new Promise((r) => setTimeout(r, 0));
    const s = useCompare.getState();
    expect(s.status).toBe('cancelled');
    expect(s.runs.length).toBeGreaterThanOrEqual(3);
    expect(s.runs.length).toBeLessThan(40);
    expect(s.aggregates[0].runs).toBe(s.runs.length);
  });
});
