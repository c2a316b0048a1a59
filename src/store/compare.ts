/**
 * The Compare view's store (zustand 5): the form (raw text per field, so a half-typed number is kept and named in
 * its error), the config it stands for, the running state with progress and ETA, the streamed aggregates, the final
 * runs and errors. Runs go to the Web Worker pool (src/lab/web-pool.ts); aggregation is incremental and throttled
 * (src/lab/web-aggregate.ts), so the page never blocks while results stream in.
 */
import { create } from 'zustand';
import type { Dist } from '../engine';
import { defaultLabConfig, FAULT_PRESETS, type FaultProfile, type LabConfig, type SweepKey } from '../lab/config';
import type { PatternAggregate } from '../lab/aggregate';
import type { RunMetrics } from '../lab/runs';
import { labJobs } from '../lab/sweep';
import { LabCancelled, runLabWeb, type PoolHandle, type Progress, type WorkerLike } from '../lab/web-pool';
import { StreamingAggregator, throttle } from '../lab/web-aggregate';

export type Preset = keyof typeof FAULT_PRESETS | 'custom';
export const PRESETS: Preset[] = ['healthy', 'flaky', 'bad-day', 'custom'];
export const SWEEP_KEYS: SweepKey[] = ['loss', 'duplicate', 'crashRate', 'recoveryTime', 'failureRate', 'perSecond'];

/** The form as typed: numbers are kept as text until they validate. */
export interface CompareForm {
  /** Selected pattern ids (every registered pattern by default). */
  patterns: string[];
  transactions: string;
  perSecond: string;
  failureRate: string;
  preset: Preset;
  loss: string;
  duplicate: string;
  /** Mean message latency (ms); the distribution's shape comes from the preset (custom: exponential). */
  latencyMean: string;
  latency: Dist;
  crashRate: string;
  recoveryTime: string;
  runs: string;
  seed: string;
  /** '' = no sweep. */
  sweepKey: SweepKey | '';
  sweepValues: string;
}

export type FormField = Exclude<keyof CompareForm, 'latency'>;

/** A validation message: the field it is about and an i18n key (+ params). */
export interface FieldError {
  field: FormField;
  key: string;
  params?: Record<string, string | number>;
}

export function meanOf(d: Dist): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    default:
      return d.mean;
  }
}

export function presetOf(f: FaultProfile): Preset {
  for (const p of PRESETS) if (p !== 'custom' && JSON.stringify(FAULT_PRESETS[p]) === JSON.stringify(f)) return p;
  return 'custom';
}

const str = (x: number) => String(x);

export function configToForm(c: LabConfig, allPatterns: readonly string[]): CompareForm {
  return {
    patterns: c.patterns.length ? [...c.patterns] : [...allPatterns],
    transactions: str(c.workload.transactions),
    perSecond: str(c.workload.perSecond),
    failureRate: str(c.workload.failureRate),
    preset: presetOf(c.faults),
    loss: str(c.faults.loss),
    duplicate: str(c.faults.duplicate),
    latencyMean: str(meanOf(c.faults.latency)),
    latency: c.faults.latency,
    crashRate: str(c.faults.crashRate),
    recoveryTime: str(c.faults.recoveryTime),
    runs: str(c.runs),
    seed: str(c.seed),
    sweepKey: c.sweep?.key ?? '',
    sweepValues: c.sweep ? c.sweep.values.join(', ') : '',
  };
}

/** Choosing a preset fills the fault fields with its figures (custom keeps what is there, to edit). */
export function applyPreset(f: CompareForm, preset: Preset): CompareForm {
  if (preset === 'custom') return { ...f, preset };
  const p = FAULT_PRESETS[preset];
  return {
    ...f,
    preset,
    loss: str(p.loss),
    duplicate: str(p.duplicate),
    latency: p.latency,
    latencyMean: str(meanOf(p.latency)),
    crashRate: str(p.crashRate),
    recoveryTime: str(p.recoveryTime),
  };
}

type Rule = { min: number; max: number; int?: boolean; minExclusive?: boolean };
const RULES: Record<
  | 'transactions'
  | 'perSecond'
  | 'failureRate'
  | 'loss'
  | 'duplicate'
  | 'latencyMean'
  | 'crashRate'
  | 'recoveryTime'
  | 'runs'
  | 'seed',
  Rule
> = {
  transactions: { min: 1, max: 20_000, int: true },
  perSecond: { min: 0, max: 10_000, minExclusive: true },
  failureRate: { min: 0, max: 1 },
  loss: { min: 0, max: 1 },
  duplicate: { min: 0, max: 1 },
  latencyMean: { min: 0, max: 600_000 },
  crashRate: { min: 0, max: 1_000 },
  recoveryTime: { min: 0, max: 86_400_000 },
  runs: { min: 1, max: 100_000, int: true },
  seed: { min: 0, max: 2 ** 31 - 1, int: true },
};

/** The bounds of each sweep key (the same as its field's). */
const SWEEP_RULE: Record<SweepKey, Rule> = {
  loss: RULES.loss,
  duplicate: RULES.duplicate,
  crashRate: RULES.crashRate,
  recoveryTime: RULES.recoveryTime,
  failureRate: RULES.failureRate,
  perSecond: RULES.perSecond,
};

function checkNumber(text: string, r: Rule): { value: number } | { key: string; params?: Record<string, number> } {
  const t = text.trim();
  if (!t) return { key: 'compare.err.required' };
  const x = Number(t);
  if (!Number.isFinite(x)) return { key: 'compare.err.number' };
  if (r.int && !Number.isInteger(x)) return { key: 'compare.err.integer' };
  if (r.minExclusive ? x <= r.min : x < r.min)
    return { key: r.minExclusive ? 'compare.err.above' : 'compare.err.min', params: { min: r.min } };
  if (x > r.max) return { key: 'compare.err.max', params: { max: r.max } };
  return { value: x };
}

export type FormResult = { ok: true; config: LabConfig } | { ok: false; errors: FieldError[] };

/** The config a form stands for, or every field's error (each names its field). */
export function formToConfig(f: CompareForm, allPatterns: readonly string[]): FormResult {
  const errors: FieldError[] = [];
  const num = (field: keyof typeof RULES): number => {
    const r = checkNumber(f[field], RULES[field]);
    if ('value' in r) return r.value;
    errors.push({ field, key: r.key, params: r.params });
    return NaN;
  };
  if (!f.patterns.length) errors.push({ field: 'patterns', key: 'compare.err.noPattern' });
  const workload = { transactions: num('transactions'), perSecond: num('perSecond'), failureRate: num('failureRate') };
  let faults: FaultProfile;
  if (f.preset !== 'custom') faults = FAULT_PRESETS[f.preset];
  else {
    const mean = num('latencyMean');
    const latency: Dist =
      Number.isFinite(mean) && mean === meanOf(f.latency)
        ? f.latency
        : { kind: 'exponential', mean, min: Math.min(5, mean) };
    faults = {
      loss: num('loss'),
      duplicate: num('duplicate'),
      latency,
      crashRate: num('crashRate'),
      recoveryTime: num('recoveryTime'),
    };
  }
  const runs = num('runs');
  const seed = num('seed');
  let sweep: LabConfig['sweep'];
  if (f.sweepKey) {
    const parts = f.sweepValues
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!parts.length) errors.push({ field: 'sweepValues', key: 'compare.err.sweepEmpty' });
    else if (parts.length > 100) errors.push({ field: 'sweepValues', key: 'compare.err.sweepMany' });
    else {
      const values: number[] = [];
      for (const p of parts) {
        const r = checkNumber(p, SWEEP_RULE[f.sweepKey]);
        if ('value' in r) values.push(r.value);
        else {
          errors.push({ field: 'sweepValues', key: 'compare.err.sweepValue', params: { value: p } });
          break;
        }
      }
      sweep = { key: f.sweepKey, values };
    }
  }
  if (errors.length) return { ok: false, errors };
  // Every registered pattern, in registry order, is written as [] ("all"), so a later pattern joins old links.
  const all = allPatterns.length === f.patterns.length && allPatterns.every((p) => f.patterns.includes(p));
  const patterns = all ? [] : allPatterns.filter((p) => f.patterns.includes(p));
  const config: LabConfig = { patterns, workload, faults, runs, seed };
  if (sweep) config.sweep = sweep;
  return { ok: true, config };
}

export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface CompareState {
  /** The registered pattern ids (registry order), given by the page. */
  allPatterns: string[];
  form: CompareForm;
  status: RunState;
  progress: Progress | null;
  /** The config of the results on screen (the one that ran). */
  ranConfig: LabConfig | null;
  ranPatterns: string[];
  aggregates: PatternAggregate[];
  /** Every run, canonical order (when the run finished). */
  runs: RunMetrics[];
  error: string | null;

  init(allPatterns: string[], config?: LabConfig): void;
  setField<K extends FormField>(field: K, value: CompareForm[K]): void;
  setPreset(p: Preset): void;
  togglePattern(id: string): void;
  /** Start a run of the form's config; false (and nothing starts) when the form is invalid. */
  run(opts?: { makeWorker?: () => WorkerLike; workers?: number; throttleMs?: number }): boolean;
  cancel(): void;
}

let handle: PoolHandle | null = null;
let stopThrottle: (() => void) | null = null;

export const useCompare = create<CompareState>()((set, get) => ({
  allPatterns: [],
  form: configToForm(defaultLabConfig(), []),
  status: 'idle',
  progress: null,
  ranConfig: null,
  ranPatterns: [],
  aggregates: [],
  runs: [],
  error: null,

  init(allPatterns, config) {
    const c = config ?? {
      ...defaultLabConfig(),
      runs: 20,
      workload: { ...defaultLabConfig().workload, transactions: 20 },
    };
    set({ allPatterns, form: configToForm(c, allPatterns) });
  },

  setField(field, value) {
    set({ form: { ...get().form, [field]: value } });
  },

  setPreset(p) {
    set({ form: applyPreset(get().form, p) });
  },

  togglePattern(id) {
    const f = get().form;
    const patterns = f.patterns.includes(id) ? f.patterns.filter((p) => p !== id) : [...f.patterns, id];
    set({ form: { ...f, patterns: get().allPatterns.filter((p) => patterns.includes(p)) } });
  },

  run(opts = {}) {
    if (get().status === 'running') return false;
    const r = formToConfig(get().form, get().allPatterns);
    if (!r.ok) return false;
    const config = r.config;
    let jobs;
    let ranPatterns: string[];
    try {
      jobs = labJobs(config, null);
      ranPatterns = config.patterns.length ? config.patterns : get().allPatterns;
    } catch (e) {
      set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
      return false;
    }
    const agg = new StreamingAggregator(jobs);
    const base = opts.throttleMs ?? 1000;
    // New figures (and so a redraw of the charts) at most once a second, backing off to 8× the cost of the last
    // aggregation when that grows; the charts then take them one per task (ComparePage's staggered slots), so no
    // single task folds runs and redraws every Recharts chart at once. Progress has its own, faster beat.
    const flush = throttle(() => {
      const t0 = performance.now();
      set({ aggregates: agg.flush() });
      flush.setInterval(Math.max(base, 8 * (performance.now() - t0)));
    }, base);
    let latest: Progress | null = null;
    const showProgress = throttle(() => set({ progress: latest }), Math.min(base, 200));
    stopThrottle = () => {
      flush.cancel();
      showProgress.cancel();
    };
    set({
      status: 'running',
      ranConfig: config,
      ranPatterns,
      aggregates: [],
      runs: [],
      error: null,
      progress: { done: 0, total: jobs.length, elapsed: 0, eta: null },
    });
    const h = runLabWeb(config, jobs, {
      workers: opts.workers,
      makeWorker: opts.makeWorker,
      onRun: (i, m) => {
        agg.add(i, m);
        flush.request();
      },
      onProgress: (p) => {
        latest = p;
        showProgress.request();
      },
    });
    handle = h;
    h.done.then(
      (runs) => {
        if (handle !== h) return;
        handle = null;
        stopThrottle?.();
        set({ status: 'done', runs, aggregates: agg.flush(), progress: latest });
      },
      (e: Error) => {
        if (handle !== h) return;
        handle = null;
        stopThrottle?.();
        const progress = latest ?? get().progress;
        // Cancelled: keep what came in (the charts show the partial result), so nothing seen vanishes.
        if (e instanceof LabCancelled)
          set({ status: 'cancelled', runs: agg.runs(), aggregates: agg.flush(), progress });
        else set({ status: 'failed', error: e.message, runs: agg.runs(), aggregates: agg.flush(), progress });
      },
    );
    return true;
  },

  cancel() {
    handle?.cancel();
    stopThrottle?.();
  },
}));

/** The form's current validation errors (none while the form is valid). */
const NO_ERRORS: FieldError[] = [];
const errorCache = new WeakMap<CompareForm, FieldError[]>();
/** Cached per form object, so selectors get the same array (and error objects) until the form changes. */
export function formErrors(s: Pick<CompareState, 'form' | 'allPatterns'>): FieldError[] {
  let e = errorCache.get(s.form);
  if (!e) {
    const r = formToConfig(s.form, s.allPatterns);
    e = r.ok ? NO_ERRORS : r.errors;
    errorCache.set(s.form, e);
  }
  return e;
}
