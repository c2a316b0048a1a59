/**
 * The scenario file format (docs/scenario-format.md) as a valibot schema, plus the checks only the pattern registry
 * can make (pattern exists, nodes exist in its topology, params and guards are known and in range).
 *
 * Used by everything that reads a scenario from outside: the CLI, file import, deep links, the examples test.
 * A bad input gives one error naming the field: `faults[2].do.crash: unknown node "P9" (nodes: C, P1, P2, P3)`.
 */
import * as v from 'valibot';
import type { Expectation, PatternDef, TxOutcome } from '../engine/pattern';
import type { Scenario } from '../engine/types';
import { defaultParams } from '../engine/simulator';
import { patterns } from '../patterns/registry';

// ---------------------------------------------------------------- bounds

/** 30 days of virtual time (ms): the longest retry ladders (payment notifications, 24 h+) fit with room. */
export const MAX_TIME = 30 * 24 * 3600 * 1000;
export const LIMITS = {
  workload: 200_000,
  faults: 1_000,
  links: 1_000,
  group: 1_000,
  params: 200,
  guards: 200,
  id: 200,
  text: 2_000,
  count: 1_000_000,
} as const;

const str = (max: number = LIMITS.id) =>
  v.pipe(v.string('expected a string'), v.maxLength(max, `at most ${max} characters`));
const nodeRef = () => v.pipe(str(), v.minLength(1, 'must not be empty'));
const time = () =>
  v.pipe(
    v.number('expected a number (ms)'),
    v.finite('must be a finite number'),
    v.minValue(0, 'must be ≥ 0 (ms)'),
    v.maxValue(MAX_TIME, `must be ≤ ${MAX_TIME} ms (30 days)`),
  );
const prob = () =>
  v.pipe(
    v.number('expected a number'),
    v.finite('must be a finite number'),
    v.minValue(0, 'must be a probability in 0..1'),
    v.maxValue(1, 'must be a probability in 0..1'),
  );
const positiveInt = (max: number) =>
  v.pipe(
    v.number('expected an integer'),
    v.integer('must be an integer'),
    v.minValue(1, 'must be ≥ 1'),
    v.maxValue(max, `must be ≤ ${max}`),
  );
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, 'expected an array'), v.maxLength(max, `at most ${max} entries`));
const obj = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? 'unknown field' : `expected an object, got ${issue.received}`,
  );
const record = <T extends v.GenericSchema>(value: T, max: number) =>
  v.pipe(v.record(str(), value, 'expected an object'), v.maxEntries(max, `at most ${max} entries`));

/** Picks the schema by which key is present (clearer errors than a plain union). */
function keyed<const O extends Record<string, v.GenericSchema>>(options: O, what: string) {
  const keys = Object.keys(options) as (keyof O & string)[];
  const none = v.never(`expected ${what}: an object with one of: ${keys.join(', ')}`);
  return v.lazy((input): O[keyof O] | typeof none => {
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      for (const k of keys) if (k in input) return options[k];
    }
    return none;
  });
}

// ---------------------------------------------------------------- pieces

export const DistSchema = v.variant(
  'kind',
  [
    obj({ kind: v.literal('constant'), value: time() }),
    v.pipe(
      obj({ kind: v.literal('uniform'), min: time(), max: time() }),
      v.forward(
        v.check((d) => d.max >= d.min, 'must be ≥ min'),
        ['max'],
      ),
    ),
    obj({ kind: v.literal('exponential'), mean: time(), min: v.optional(time()) }),
    obj({ kind: v.literal('normal'), mean: time(), sd: time(), min: v.optional(time()) }),
  ],
  (issue) =>
    issue.expected === 'Object' || (issue.type === 'variant' && issue.received !== 'undefined')
      ? `unknown distribution ${issue.received} (kinds: constant, uniform, exponential, normal)`
      : 'expected a distribution { kind: constant | uniform | exponential | normal, … }',
);

const LinkSpecSchema = obj({ latency: DistSchema, loss: prob(), duplicate: prob(), reorder: prob() });

const LinkOverrideSchema = obj({
  from: nodeRef(),
  to: nodeRef(),
  both: v.optional(v.boolean('expected true or false')),
  latency: v.optional(DistSchema),
  loss: v.optional(prob()),
  duplicate: v.optional(prob()),
  reorder: v.optional(prob()),
});

export const NetworkSchema = obj({
  default: LinkSpecSchema,
  links: v.optional(list(LinkOverrideSchema, LIMITS.links)),
});

const EVENT_KINDS = ['send', 'deliver', 'timer', 'note', 'crash', 'recover', 'request', 'drop'] as const;

const EventMatcherSchema = obj({
  kind: v.picklist(EVENT_KINDS, `expected one of: ${EVENT_KINDS.join(', ')}`),
  node: v.optional(nodeRef()),
  to: v.optional(nodeRef()),
  from: v.optional(nodeRef()),
  type: v.optional(str()),
  tx: v.optional(str()),
});

export const TriggerSchema = keyed(
  {
    at: obj({ at: time() }),
    on: obj({ on: EventMatcherSchema, nth: v.optional(positiveInt(LIMITS.count)), delay: v.optional(time()) }),
  },
  'a trigger',
);

const MsgMatcherSchema = obj({
  from: v.optional(nodeRef()),
  to: v.optional(nodeRef()),
  type: v.optional(str()),
  count: v.optional(positiveInt(LIMITS.count)),
});

export const FaultActionSchema = keyed(
  {
    crash: obj({ crash: nodeRef() }),
    recover: obj({ recover: nodeRef() }),
    partition: obj({
      partition: obj({
        a: list(nodeRef(), LIMITS.group),
        b: list(nodeRef(), LIMITS.group),
        oneWay: v.optional(v.boolean('expected true or false')),
      }),
    }),
    heal: obj({ heal: v.literal(true, 'expected true') }),
    drop: obj({ drop: MsgMatcherSchema }),
    delay: obj({ delay: MsgMatcherSchema, by: time() }),
    duplicate: obj({ duplicate: MsgMatcherSchema }),
  },
  'a fault action',
);

export const FaultSchema = obj({
  id: v.pipe(str(), v.minLength(1, 'must not be empty')),
  when: TriggerSchema,
  do: FaultActionSchema,
});

const MsgSchema = v.looseObject({ type: str(), tx: v.optional(str()) }, 'expected a message object { type, … }');

const WorkloadItemSchema = obj({ at: time(), node: nodeRef(), request: MsgSchema });

const ParamValueSchema = v.union(
  [v.pipe(v.number(), v.finite()), v.string(), v.boolean()],
  'expected a number, string or boolean',
);

// Every TxOutcome (src/engine/pattern.ts), the messaging patterns' words included.
const TX_OUTCOMES = [
  'committed',
  'aborted',
  'blocked',
  'inconsistent',
  'pending',
  'delivered',
  'given-up',
  'half',
  'dead-lettered',
  'repaired',
] as const satisfies readonly TxOutcome[];
const VERDICTS = ['holds', 'violated', 'undecided'] as const;

/** The expected outcome an example file may carry (ignored by the engine; see docs/scenario-format.md). */
export const ExpectationSchema = obj({
  outcomes: v.optional(record(v.picklist(TX_OUTCOMES, `expected one of: ${TX_OUTCOMES.join(', ')}`), 100_000)),
  invariants: v.optional(record(v.picklist(VERDICTS, `expected one of: ${VERDICTS.join(', ')}`), 200)),
  breaks: v.optional(list(str(), 200)),
  neverBreaks: v.optional(list(str(), 200)),
  durable: v.optional(record(record(v.unknown(), 1_000), 1_000)),
});

export const ScenarioSchema = obj({
  version: v.literal(1, 'expected 1 (the only format version)'),
  pattern: v.pipe(str(), v.minLength(1, 'must not be empty')),
  name: v.optional(str()),
  title: v.optional(str(LIMITS.text)),
  seed: v.pipe(
    v.number('expected an integer'),
    v.integer('must be an integer'),
    v.minValue(0, 'must be ≥ 0'),
    v.maxValue(0xffffffff, 'must be ≤ 4294967295 (32 bits)'),
  ),
  params: record(ParamValueSchema, LIMITS.params),
  guards: record(v.boolean('expected true or false'), LIMITS.guards),
  network: NetworkSchema,
  workload: list(WorkloadItemSchema, LIMITS.workload),
  faults: list(FaultSchema, LIMITS.faults),
  horizon: v.pipe(
    v.number('expected a number (ms)'),
    v.finite('must be a finite number'),
    v.minValue(1, 'must be > 0 (ms)'),
    v.maxValue(MAX_TIME, `must be ≤ ${MAX_TIME} ms (30 days)`),
  ),
  /** Event budget (default 2,000,000): the run stops after this many events. */
  maxEvents: v.optional(positiveInt(20_000_000)),
  /** Optional expected outcome (example files); never read by the engine. */
  expect: v.optional(ExpectationSchema),
});

// ---------------------------------------------------------------- parse

export interface ScenarioError {
  /** Dotted path with indices, e.g. `faults[2].do.crash`; '' for the whole input. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario; expect?: Expectation } | { ok: false; error: ScenarioError };

export function formatPath(keys: readonly unknown[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += (out ? '.' : '') + String(k);
  }
  return out;
}

const fail = (path: string, message: string): ParseResult => ({ ok: false, error: { path, message } });

/** Error text for humans: `path: message`. */
export function formatError(e: ScenarioError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

export interface ParseOptions {
  /** Patterns to check against (default: the registry). Tests pass their own. */
  patterns?: readonly PatternDef[];
}

/**
 * Parse and validate a scenario: a JSON string or an already-parsed value. Never throws.
 * On success the scenario is plain data (no `expect`); an example file's `expect` is returned beside it.
 */
export function parseScenario(input: string | unknown, opts: ParseOptions = {}): ParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return fail('', `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const r = v.safeParse(ScenarioSchema, value, { abortEarly: true });
  if (!r.success) {
    const issue = r.issues[0];
    const keys = (issue.path ?? []).map((p) => p.key);
    return fail(formatPath(keys), issue.message);
  }
  const { expect, ...rest } = r.output;
  const scenario: Scenario = rest;
  const err = checkAgainstRegistry(scenario, expect, opts.patterns ?? patterns);
  if (err) return { ok: false, error: err };
  return expect ? { ok: true, scenario, expect } : { ok: true, scenario };
}

function checkAgainstRegistry(
  s: Scenario,
  expect: Expectation | undefined,
  registry: readonly PatternDef[],
): ScenarioError | null {
  const pattern = registry.find((p) => p.id === s.pattern);
  if (!pattern) {
    const known = registry.map((p) => p.id).join(', ') || 'none registered';
    return { path: 'pattern', message: `unknown pattern "${s.pattern}" (patterns: ${known})` };
  }
  const perr = checkParams(pattern, s);
  if (perr) return perr;
  for (const key of Object.keys(s.guards)) {
    if (!pattern.guards.some((g) => g.key === key)) {
      const known = pattern.guards.map((g) => g.key).join(', ') || 'none';
      return { path: `guards.${key}`, message: `unknown guard "${key}" for ${pattern.id} (guards: ${known})` };
    }
  }
  let nodeIds: string[];
  try {
    nodeIds = pattern.topology({ ...defaultParams(pattern), ...s.params }).nodes.map((n) => n.id);
  } catch (e) {
    return { path: 'params', message: `the pattern cannot build a topology: ${e instanceof Error ? e.message : e}` };
  }
  const nodes = new Set(nodeIds);
  const unknownNode = (path: string, id: string | undefined): ScenarioError | null =>
    id === undefined || nodes.has(id) ? null : { path, message: `unknown node "${id}" (nodes: ${nodeIds.join(', ')})` };
  const first = (...errs: (ScenarioError | null)[]) => errs.find((e) => e !== null) ?? null;

  for (const [i, l] of (s.network.links ?? []).entries()) {
    const e = first(unknownNode(`network.links[${i}].from`, l.from), unknownNode(`network.links[${i}].to`, l.to));
    if (e) return e;
  }
  for (const [i, w] of s.workload.entries()) {
    const e = unknownNode(`workload[${i}].node`, w.node);
    if (e) return e;
  }
  const ids = new Set<string>();
  for (const [i, f] of s.faults.entries()) {
    const p = `faults[${i}]`;
    if (ids.has(f.id)) return { path: `${p}.id`, message: `duplicate fault id "${f.id}"` };
    ids.add(f.id);
    if ('on' in f.when) {
      const on = f.when.on;
      const e = first(
        unknownNode(`${p}.when.on.node`, on.node),
        unknownNode(`${p}.when.on.to`, on.to),
        unknownNode(`${p}.when.on.from`, on.from),
      );
      if (e) return e;
    }
    const a = f.do;
    let e: ScenarioError | null = null;
    if ('crash' in a) e = unknownNode(`${p}.do.crash`, a.crash);
    else if ('recover' in a) e = unknownNode(`${p}.do.recover`, a.recover);
    else if ('partition' in a) {
      e = first(
        ...a.partition.a.map((n, j) => unknownNode(`${p}.do.partition.a[${j}]`, n)),
        ...a.partition.b.map((n, j) => unknownNode(`${p}.do.partition.b[${j}]`, n)),
      );
    } else if ('drop' in a || 'delay' in a || 'duplicate' in a) {
      const key = 'drop' in a ? 'drop' : 'delay' in a ? 'delay' : 'duplicate';
      const m = 'drop' in a ? a.drop : 'delay' in a ? a.delay : a.duplicate;
      e = first(unknownNode(`${p}.do.${key}.from`, m.from), unknownNode(`${p}.do.${key}.to`, m.to));
    }
    if (e) return e;
  }
  if (expect?.durable) {
    for (const n of Object.keys(expect.durable)) {
      const e = unknownNode(`expect.durable.${n}`, n);
      if (e) return e;
    }
  }
  return null;
}

function checkParams(pattern: PatternDef, s: Scenario): ScenarioError | null {
  for (const [key, value] of Object.entries(s.params)) {
    const path = `params.${key}`;
    const def = pattern.params.find((d) => d.key === key);
    if (!def) {
      const known = pattern.params.map((d) => d.key).join(', ') || 'none';
      return { path, message: `unknown parameter "${key}" for ${pattern.id} (parameters: ${known})` };
    }
    switch (def.kind) {
      case 'bool':
        if (typeof value !== 'boolean') return { path, message: 'expected true or false' };
        break;
      case 'enum':
        if (typeof value !== 'string' || !(def.options ?? []).includes(value))
          return { path, message: `expected one of: ${(def.options ?? []).join(', ')}` };
        break;
      case 'int':
      case 'ms':
      case 'prob': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return { path, message: 'expected a number' };
        if (def.kind === 'int' && !Number.isInteger(value)) return { path, message: 'must be an integer' };
        const min = def.min ?? (def.kind === 'int' ? -Infinity : 0);
        const max = def.max ?? (def.kind === 'prob' ? 1 : def.kind === 'ms' ? MAX_TIME : Infinity);
        if (value < min || value > max) {
          const range = `${Number.isFinite(min) ? min : '…'}..${Number.isFinite(max) ? max : '…'}`;
          return { path, message: `${value} is out of range ${range}` };
        }
        break;
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------- write

/** Stable, pretty JSON of a scenario: fixed field order, params and guards sorted by key. */
export function scenarioToJson(s: Scenario, expect?: Expectation): string {
  const sorted = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]] as const),
    );
  const out: Record<string, unknown> = { version: s.version, pattern: s.pattern };
  if (s.name !== undefined) out.name = s.name;
  if (s.title !== undefined) out.title = s.title;
  out.seed = s.seed;
  out.horizon = s.horizon;
  out.params = sorted(s.params);
  out.guards = sorted(s.guards);
  out.network = s.network;
  out.workload = s.workload;
  out.faults = s.faults;
  if (expect !== undefined) out.expect = expect;
  return JSON.stringify(out, null, 2) + '\n';
}
