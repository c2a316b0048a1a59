/**
 * The lab-config file format (examples/lab/*.json): a valibot schema whose errors name the field
 * (`faults.loss: must be a probability in 0..1`).
 */
import * as v from 'valibot';
import { DistSchema } from '../scenario/schema';
import type { LabConfig, SweepKey } from './config';

const prob = (what = 'a probability in 0..1') =>
  v.pipe(
    v.number(`expected ${what}`),
    v.finite(`expected ${what}`),
    v.minValue(0, `must be ${what}`),
    v.maxValue(1, `must be ${what}`),
  );
const pos = (max: number, what: string) =>
  v.pipe(
    v.number(`expected ${what}`),
    v.finite(`expected ${what}`),
    v.minValue(0, `must be ≥ 0`),
    v.maxValue(max, `must be ≤ ${max}`),
  );
const int = (min: number, max: number) =>
  v.pipe(
    v.number('expected a whole number'),
    v.integer('expected a whole number'),
    v.minValue(min, `must be ≥ ${min}`),
    v.maxValue(max, `must be ≤ ${max}`),
  );

const SWEEP_KEYS: SweepKey[] = ['loss', 'duplicate', 'crashRate', 'recoveryTime', 'failureRate', 'perSecond'];

export const LabConfigSchema = v.strictObject(
  {
    patterns: v.pipe(
      v.array(v.pipe(v.string('expected a pattern id'), v.maxLength(100)), 'expected a list of pattern ids'),
      v.maxLength(100),
    ),
    workload: v.strictObject(
      {
        transactions: int(1, 20_000),
        perSecond: v.pipe(pos(10_000, 'transactions per second'), v.minValue(0.001, 'must be > 0')),
        failureRate: prob(),
      },
      (i) => (i.expected === 'never' ? 'unknown field' : 'expected { transactions, perSecond, failureRate }'),
    ),
    faults: v.strictObject(
      {
        loss: prob(),
        duplicate: prob(),
        latency: DistSchema,
        crashRate: pos(1_000, 'crashes per node per minute'),
        recoveryTime: pos(86_400_000, 'a time in ms'),
      },
      (i) =>
        i.expected === 'never' ? 'unknown field' : 'expected { loss, duplicate, latency, crashRate, recoveryTime }',
    ),
    runs: int(1, 100_000),
    seed: int(0, 2 ** 31 - 1),
    sweep: v.optional(
      v.strictObject({
        key: v.picklist(SWEEP_KEYS, `expected one of: ${SWEEP_KEYS.join(', ')}`),
        values: v.pipe(
          v.array(v.pipe(v.number('expected a number'), v.finite('expected a finite number'))),
          v.minLength(1),
          v.maxLength(100),
        ),
      }),
    ),
    maxEvents: v.optional(int(1_000, 50_000_000)),
  },
  (i) => (i.expected === 'never' ? 'unknown field' : 'a lab config must be a JSON object'),
);

export type LabParse = { ok: true; config: LabConfig } | { ok: false; error: string };

export function parseLabConfig(value: unknown): LabParse {
  const r = v.safeParse(LabConfigSchema, value);
  if (r.success) return { ok: true, config: r.output as LabConfig };
  const issue = r.issues[0];
  const path = v.getDotPath(issue) ?? '(file)';
  const missing = issue.input === undefined && issue.kind === 'schema';
  return { ok: false, error: `${path}: ${missing ? 'missing' : issue.message}` };
}
