/**
 * The scenario file format (docs/scenario-format.md) as a valibot schema, plus the checks only the pattern registry
 * can make (pattern exists, nodes exist in its topology, params and guards are known and in range).
 *
 * Used by everything that reads a scenario from outside: the CLI, file import, deep links, the examples test.
 * A bad input gives one error naming the field: `faults[2].do.crash: unknown node "P9" (nodes: C, P1, P2, P3)`, as
 * data (path, message code, params: src/scenario/errors.ts) so the app can show it in the language on screen.
 */
import * as v from 'valibot';
import { TX_OUTCOMES as ENGINE_OUTCOMES, type Expectation, type PatternDef, type TxOutcome } from '../engine/pattern';
import type { FieldSpec } from '../engine/requests';
import type { Scenario, Topology, WorkloadItem } from '../engine/types';
import { scenarioError, type ErrorCode, type ErrorParams, type ScenarioError } from './errors';
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

/**
 * Every valibot message is a code with its params (src/scenario/errors.ts), packed into the message string and
 * unpacked by parseScenario; nothing of valibot's own text reaches a person.
 */
const M = (code: ErrorCode, params: ErrorParams = {}): string => JSON.stringify([code, params]);

const str = (max: number = LIMITS.id) => v.pipe(v.string(M('expectedString')), v.maxLength(max, M('tooLong', { max })));
const nodeRef = () => v.pipe(str(), v.minLength(1, M('empty')));
const time = () =>
  v.pipe(
    v.number(M('expectedMs')),
    v.finite(M('notFinite')),
    v.minValue(0, M('minMs', { min: 0 })),
    v.maxValue(MAX_TIME, M('maxMs', { max: MAX_TIME })),
  );
const prob = () =>
  v.pipe(v.number(M('expectedProb')), v.finite(M('notFinite')), v.minValue(0, M('prob')), v.maxValue(1, M('prob')));
const positiveInt = (max: number) =>
  v.pipe(
    v.number(M('expectedInt')),
    v.integer(M('notInt')),
    v.minValue(1, M('min', { min: 1 })),
    v.maxValue(max, M('max', { max })),
  );
const bool = () => v.boolean(M('expectedBool'));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, M('expectedList')), v.maxLength(max, M('tooMany', { max })));

/** Why an object is not one: a missing key (with what that key expects), an unknown key, or not an object. */
function objectMessage(entries: v.ObjectEntries) {
  return (issue: v.BaseIssue<unknown>): string => {
    const at = issue.path?.[issue.path.length - 1];
    if (issue.expected === 'never') return M('unknownField');
    if (at && issue.received === 'undefined' && typeof at.key === 'string' && issue.expected === `"${at.key}"`) {
      if (Array.isArray(at.input)) return M('expectedObjectNotArray');
      return missing(entries[at.key]);
    }
    return Array.isArray(issue.input) ? M('expectedObjectNotArray') : M('expectedObject');
  };
}

/** "missing (expected …)": what the entry's schema says about `undefined` is what it expects. */
function missing(schema: v.GenericSchema | undefined): string {
  if (!schema) return M('missing', { expected: 'expectedObject' });
  const r = v.safeParse(schema, undefined, { abortEarly: true });
  const inner = r.success ? null : unpack(r.issues[0].message);
  if (!inner || inner.code === 'missing') return M('missing', { expected: 'expectedObject' });
  return M('missing', { ...inner.params, expected: inner.code });
}

const obj = <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries, objectMessage(entries));
const record = <T extends v.GenericSchema>(value: T, max: number) =>
  v.pipe(v.record(str(), value, M('expectedObject')), v.maxEntries(max, M('tooMany', { max })));

/** Picks the schema by which key is present (clearer errors than a plain union). */
function keyed<const O extends Record<string, v.GenericSchema>>(
  options: O,
  code: 'expectedTrigger' | 'expectedAction',
) {
  const keys = Object.keys(options) as (keyof O & string)[];
  const none = v.never(M(code, { keys: keys.join(', ') }));
  return v.lazy((input): O[keyof O] | typeof none => {
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      for (const k of keys) if (Object.hasOwn(input, k)) return options[k];
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
        v.check((d) => d.max >= d.min, M('maxBelowMin')),
        ['max'],
      ),
    ),
    obj({ kind: v.literal('exponential'), mean: time(), min: v.optional(time()) }),
    obj({ kind: v.literal('normal'), mean: time(), sd: time(), min: v.optional(time()) }),
  ],
  (issue) =>
    issue.expected === 'Object' || (issue.type === 'variant' && issue.received !== 'undefined')
      ? M('unknownDist', { kind: String(issue.received).slice(0, LIMITS.id) })
      : M('expectedDist'),
);

const LINK_KINDS = ['rpc', 'stream'] as const;
const linkKind = () => v.optional(v.picklist(LINK_KINDS, M('oneOf', { options: LINK_KINDS.join(', ') })));

const LinkSpecSchema = obj({
  latency: DistSchema,
  loss: prob(),
  duplicate: prob(),
  reorder: prob(),
  kind: linkKind(),
});

const LinkOverrideSchema = obj({
  from: nodeRef(),
  to: nodeRef(),
  both: v.optional(bool()),
  latency: v.optional(DistSchema),
  loss: v.optional(prob()),
  duplicate: v.optional(prob()),
  reorder: v.optional(prob()),
  kind: linkKind(),
});

export const NetworkSchema = obj({
  default: LinkSpecSchema,
  links: v.optional(list(LinkOverrideSchema, LIMITS.links)),
});

const EVENT_KINDS = ['send', 'deliver', 'timer', 'note', 'crash', 'recover', 'request', 'drop'] as const;

const EventMatcherSchema = obj({
  kind: v.picklist(EVENT_KINDS, M('oneOf', { options: EVENT_KINDS.join(', ') })),
  node: v.optional(nodeRef()),
  to: v.optional(nodeRef()),
  from: v.optional(nodeRef()),
  type: v.optional(str()),
  tx: v.optional(str()),
  mid: v.optional(str()),
});

export const TriggerSchema = keyed(
  {
    at: obj({ at: time() }),
    on: obj({ on: EventMatcherSchema, nth: v.optional(positiveInt(LIMITS.count)), delay: v.optional(time()) }),
  },
  'expectedTrigger',
);

const MsgMatcherSchema = obj({
  from: v.optional(nodeRef()),
  to: v.optional(nodeRef()),
  type: v.optional(str()),
  mid: v.optional(str()),
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
        oneWay: v.optional(bool()),
      }),
    }),
    heal: obj({ heal: v.literal(true, M('expectedTrue')) }),
    drop: obj({ drop: MsgMatcherSchema }),
    delay: obj({ delay: MsgMatcherSchema, by: time() }),
    duplicate: obj({ duplicate: MsgMatcherSchema }),
  },
  'expectedAction',
);

export const FaultSchema = obj({
  id: v.pipe(str(), v.minLength(1, M('empty'))),
  when: TriggerSchema,
  do: FaultActionSchema,
});

/** A request's payload: only `type` here; its fields are checked against the pattern's `requests` (checkRequest). */
const MsgSchema = v.looseObject({ type: v.pipe(str(), v.minLength(1, M('empty'))) }, (issue) =>
  issue.received === 'undefined' && issue.expected === '"type"'
    ? M('missing', { expected: 'expectedString' })
    : M('expectedRequest'),
);

const WorkloadItemSchema = obj({ at: time(), node: nodeRef(), request: MsgSchema });

const ParamValueSchema = v.union(
  [
    v.pipe(v.number(), v.finite(M('notFinite'))),
    v.pipe(v.string(), v.maxLength(LIMITS.text, M('tooLong', { max: LIMITS.text }))),
    v.boolean(),
  ],
  M('paramValue'),
);

const TX_OUTCOMES = ENGINE_OUTCOMES as readonly [TxOutcome, ...TxOutcome[]];
const VERDICTS = ['holds', 'violated', 'undecided'] as const;

/** The expected outcome an example file may carry (ignored by the engine; see docs/scenario-format.md). */
export const ExpectationSchema = obj({
  outcomes: v.optional(record(v.picklist(TX_OUTCOMES, M('oneOf', { options: TX_OUTCOMES.join(', ') })), 100_000)),
  invariants: v.optional(record(v.picklist(VERDICTS, M('oneOf', { options: VERDICTS.join(', ') })), 200)),
  breaks: v.optional(list(str(), 200)),
  neverBreaks: v.optional(list(str(), 200)),
  durable: v.optional(record(record(v.unknown(), 1_000), 1_000)),
});

export const ScenarioSchema = obj({
  version: v.literal(1, M('version')),
  pattern: v.pipe(str(), v.minLength(1, M('empty'))),
  name: v.optional(str()),
  title: v.optional(str(LIMITS.text)),
  seed: v.pipe(
    v.number(M('expectedInt')),
    v.integer(M('notInt')),
    v.minValue(0, M('min', { min: 0 })),
    v.maxValue(0xffffffff, M('seedMax')),
  ),
  params: record(ParamValueSchema, LIMITS.params),
  guards: record(bool(), LIMITS.guards),
  network: NetworkSchema,
  workload: list(WorkloadItemSchema, LIMITS.workload),
  faults: list(FaultSchema, LIMITS.faults),
  horizon: v.pipe(
    v.number(M('expectedMs')),
    v.finite(M('notFinite')),
    v.minValue(1, M('positiveMs')),
    v.maxValue(MAX_TIME, M('maxMs', { max: MAX_TIME })),
  ),
  /** Event budget (default 2,000,000): the run stops after this many events. */
  maxEvents: v.optional(positiveInt(20_000_000)),
  /** Optional expected outcome (example files); never read by the engine. */
  expect: v.optional(ExpectationSchema),
});

// ---------------------------------------------------------------- parse

export type { ScenarioError } from './errors';
export { formatError } from './errors';

export type ParseResult = { ok: true; scenario: Scenario; expect?: Expectation } | { ok: false; error: ScenarioError };

export function formatPath(keys: readonly unknown[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += (out ? '.' : '') + String(k);
  }
  return out;
}

const fail = (path: string, code: ErrorCode, params: ErrorParams = {}): { ok: false; error: ScenarioError } => ({
  ok: false,
  error: scenarioError(path, code, params),
});

/** A packed valibot message back to its code and params (null: not one of ours). */
function unpack(message: string): { code: ErrorCode; params: ErrorParams } | null {
  if (!message.startsWith('["')) return null;
  try {
    const [code, params] = JSON.parse(message) as [ErrorCode, ErrorParams];
    return typeof code === 'string' && params && typeof params === 'object' ? { code, params } : null;
  } catch {
    return null;
  }
}

/** How deep a scenario file may nest (a real one reaches 6: `faults[0].when.on.kind`). */
export const MAX_DEPTH = 24;
/** How deep a request payload may nest, for a pattern that declares no request specs. */
export const MAX_PAYLOAD_DEPTH = 4;

/** The path of the first value nested deeper than `max` (arrays and objects count a level each), or null. */
function tooDeep(value: unknown, max: number, base: string): string | null {
  // An explicit stack: a 100,000-level document must not overflow the call stack here either.
  const stack: { v: unknown; d: number; path: string }[] = [{ v: value, d: 0, path: base }];
  while (stack.length) {
    const top = stack.pop();
    if (!top || typeof top.v !== 'object' || top.v === null) continue;
    if (top.d >= max) return top.path;
    if (Array.isArray(top.v)) top.v.forEach((x, i) => stack.push({ v: x, d: top.d + 1, path: `${top.path}[${i}]` }));
    else
      for (const [k, x] of Object.entries(top.v))
        stack.push({ v: x, d: top.d + 1, path: top.path ? `${top.path}.${k}` : k });
  }
  return null;
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
      if (e instanceof RangeError) return fail('', 'tooDeep', { max: MAX_DEPTH });
      const pos = /position (\d+)/.exec(e instanceof Error ? e.message : '');
      return pos ? fail('', 'notJsonAt', { pos: Number(pos[1]) }) : fail('', 'notJson');
    }
  }
  if (Array.isArray(value)) return fail('', 'topArray');
  if (typeof value !== 'object' || value === null) return fail('', 'topNotObject');
  const deep = tooDeep(value, MAX_DEPTH, '');
  if (deep !== null) return fail(deep, 'tooDeep', { max: MAX_DEPTH });
  const r = v.safeParse(ScenarioSchema, value, { abortEarly: true });
  if (!r.success) {
    const issue = r.issues[0];
    const keys = (issue.path ?? []).map((p) => p.key);
    const m = unpack(issue.message) ?? { code: 'invalid' as const, params: {} }; // a schema without our message
    return fail(formatPath(keys), m.code, m.params);
  }
  const { expect, ...rest } = r.output;
  const scenario: Scenario = rest;
  const err = checkAgainstRegistry(scenario, expect, opts.patterns ?? patterns);
  if (err) return { ok: false, error: err };
  return expect ? { ok: true, scenario, expect } : { ok: true, scenario };
}

const list_ = (xs: readonly string[]) => xs.join(', ') || 'none';

function checkAgainstRegistry(
  s: Scenario,
  expect: Expectation | undefined,
  registry: readonly PatternDef[],
): ScenarioError | null {
  const pattern = registry.find((p) => p.id === s.pattern);
  if (!pattern) {
    return scenarioError('pattern', 'unknownPattern', {
      pattern: s.pattern,
      known: list_(registry.map((p) => p.id)),
    });
  }
  const perr = checkParams(pattern, s);
  if (perr) return perr;
  for (const key of Object.keys(s.guards)) {
    if (!pattern.guards.some((g) => g.key === key)) {
      return scenarioError(`guards.${key}`, 'unknownGuard', {
        key,
        pattern: pattern.id,
        known: list_(pattern.guards.map((g) => g.key)),
      });
    }
  }
  let topology: Topology;
  try {
    topology = pattern.topology({ ...defaultParams(pattern), ...s.params });
  } catch {
    return scenarioError('params', 'topology');
  }
  const nodeIds = topology.nodes.map((n) => n.id);
  const roles = new Map(topology.nodes.map((n) => [n.id, n.role] as const));
  const unknownNode = (path: string, id: string | undefined): ScenarioError | null =>
    id === undefined || roles.has(id)
      ? null
      : scenarioError(path, 'unknownNode', { node: id, nodes: nodeIds.join(', ') });
  const first = (...errs: (ScenarioError | null)[]) => errs.find((e) => e !== null) ?? null;

  for (const [i, l] of (s.network.links ?? []).entries()) {
    const e = first(unknownNode(`network.links[${i}].from`, l.from), unknownNode(`network.links[${i}].to`, l.to));
    if (e) return e;
  }
  for (const [i, w] of s.workload.entries()) {
    const e = unknownNode(`workload[${i}].node`, w.node) ?? checkRequest(pattern, w, `workload[${i}]`, roles, nodeIds);
    if (e) return e;
  }
  const ids = new Set<string>();
  for (const [i, f] of s.faults.entries()) {
    const p = `faults[${i}]`;
    if (ids.has(f.id)) return scenarioError(`${p}.id`, 'duplicateFault', { id: f.id });
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

/** What a missing field of this kind expects (the code nested in "missing (…)"). */
const EXPECTS: Record<FieldSpec['kind'], ErrorCode> = {
  int: 'expectedInt',
  string: 'expectedString',
  node: 'expectedNode',
  enum: 'oneOf',
  bool: 'expectedBool',
};

/** A workload item's request against the pattern's declared payloads (PatternDef.requests). */
function checkRequest(
  pattern: PatternDef,
  w: WorkloadItem,
  base: string,
  roles: ReadonlyMap<string, string>,
  nodeIds: readonly string[],
): ScenarioError | null {
  const req = w.request as Record<string, unknown>;
  const path = `${base}.request`;
  const specs = pattern.requests;
  if (!specs) {
    const deep = tooDeep(req, MAX_PAYLOAD_DEPTH, path);
    return deep === null ? null : scenarioError(deep, 'tooDeep', { max: MAX_PAYLOAD_DEPTH });
  }
  const type = String(req.type);
  const spec = Object.hasOwn(specs, type) ? specs[type] : undefined;
  if (!spec) {
    return scenarioError(`${path}.type`, 'unknownRequest', {
      type,
      pattern: pattern.id,
      known: list_(Object.keys(specs)),
    });
  }
  if (spec.node && !spec.node.includes(roles.get(w.node) ?? '')) {
    const can = nodeIds.filter((n) => spec.node?.includes(roles.get(n) ?? ''));
    return scenarioError(`${base}.node`, 'requestNode', { node: w.node, type, nodes: list_(can) });
  }
  for (const key of Object.keys(req)) {
    if (key !== 'type' && !Object.hasOwn(spec.fields, key)) return scenarioError(`${path}.${key}`, 'unknownField');
  }
  for (const [key, f] of Object.entries(spec.fields)) {
    const at = `${path}.${key}`;
    if (!Object.hasOwn(req, key) || req[key] === undefined) {
      if (!f.required) continue;
      const params: ErrorParams = { expected: EXPECTS[f.kind] };
      if (f.kind === 'enum') params.options = (f.options ?? []).join(', ');
      if (f.kind === 'node') params.nodes = nodeIds.join(', ');
      return scenarioError(at, 'missing', params);
    }
    const e = checkField(req[key], f, at, roles, nodeIds);
    if (e) return e;
  }
  return null;
}

function checkField(
  x: unknown,
  f: FieldSpec,
  at: string,
  roles: ReadonlyMap<string, string>,
  nodeIds: readonly string[],
): ScenarioError | null {
  switch (f.kind) {
    case 'int':
      if (typeof x !== 'number') return scenarioError(at, 'expectedInt');
      if (!Number.isFinite(x)) return scenarioError(at, 'notFinite');
      if (!Number.isInteger(x)) return scenarioError(at, 'notInt');
      if (f.min !== undefined && x < f.min) return scenarioError(at, 'min', { min: f.min });
      if (f.max !== undefined && x > f.max) return scenarioError(at, 'max', { max: f.max });
      return null;
    case 'string':
      if (typeof x !== 'string') return scenarioError(at, 'expectedString');
      if (x.length < (f.min ?? 0)) return scenarioError(at, 'empty');
      if (x.length > (f.max ?? LIMITS.id)) return scenarioError(at, 'tooLong', { max: f.max ?? LIMITS.id });
      return null;
    case 'node':
      if (typeof x !== 'string') return scenarioError(at, 'expectedNode', { nodes: nodeIds.join(', ') });
      if (!roles.has(x))
        return scenarioError(at, 'unknownNode', { node: x.slice(0, LIMITS.id), nodes: nodeIds.join(', ') });
      return null;
    case 'enum':
      if (typeof x !== 'string' || !(f.options ?? []).includes(x))
        return scenarioError(at, 'oneOf', { options: (f.options ?? []).join(', ') });
      return null;
    case 'bool':
      return typeof x === 'boolean' ? null : scenarioError(at, 'expectedBool');
  }
}

function checkParams(pattern: PatternDef, s: Scenario): ScenarioError | null {
  for (const [key, value] of Object.entries(s.params)) {
    const path = `params.${key}`;
    const def = pattern.params.find((d) => d.key === key);
    if (!def) {
      return scenarioError(path, 'unknownParam', {
        key,
        pattern: pattern.id,
        known: list_(pattern.params.map((d) => d.key)),
      });
    }
    switch (def.kind) {
      case 'bool':
        if (typeof value !== 'boolean') return scenarioError(path, 'expectedBool');
        break;
      case 'enum':
        if (typeof value !== 'string' || !(def.options ?? []).includes(value))
          return scenarioError(path, 'oneOf', { options: (def.options ?? []).join(', ') });
        break;
      case 'int':
      case 'ms':
      case 'prob': {
        if (typeof value !== 'number') return scenarioError(path, 'expectedNumber');
        if (!Number.isFinite(value)) return scenarioError(path, 'notFinite');
        if (def.kind === 'int' && !Number.isInteger(value)) return scenarioError(path, 'notInt');
        const min = def.min ?? (def.kind === 'int' ? -Infinity : 0);
        const max = def.max ?? (def.kind === 'prob' ? 1 : def.kind === 'ms' ? MAX_TIME : Infinity);
        if (value < min || value > max) {
          const range = `${Number.isFinite(min) ? min : '…'}..${Number.isFinite(max) ? max : '…'}`;
          return scenarioError(path, 'outOfRange', { value, range });
        }
        break;
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------- write

// The writer has a module of its own (json.ts): the address bar's link needs it, not the schema and its patterns.
export { scenarioToJson } from './json';
