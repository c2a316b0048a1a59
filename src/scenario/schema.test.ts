import { describe, expect, it } from 'vitest';
import { pingPong } from '../engine/testing/pingpong';
import type { PatternDef } from '../engine/pattern';
import { baseScenario } from '../engine/scenario';
import type { Scenario } from '../engine/types';
import { parseScenario, scenarioToJson, formatError } from './schema';
import { decodeLink, encodeLink } from './link';

/** pingpong with a few params and a guard, so every registry check has something to check. */
const tp: PatternDef = {
  ...pingPong,
  id: 'tp',
  params: [
    ...pingPong.params,
    { key: 'n', kind: 'int', default: 2, min: 1, max: 8 },
    { key: 'p', kind: 'prob', default: 0.1 },
    { key: 'mode', kind: 'enum', default: 'a', options: ['a', 'b'] },
  ],
  guards: [{ key: 'dedupe', default: true }],
};
const opts = { patterns: [tp] };

function good(): Scenario {
  return {
    ...baseScenario(tp, 7),
    faults: [
      { id: 'f1', when: { at: 15 }, do: { crash: 'server' } },
      {
        id: 'f2',
        when: { on: { kind: 'send', node: 'client', type: 'PING' }, nth: 2, delay: 1 },
        do: { recover: 'server' },
      },
      { id: 'f3', when: { at: 0 }, do: { partition: { a: ['client'], b: ['server'], oneWay: true } } },
      { id: 'f4', when: { at: 50 }, do: { heal: true } },
      { id: 'f5', when: { at: 0 }, do: { drop: { from: 'client', type: 'PING', count: 2 } } },
      { id: 'f6', when: { at: 0 }, do: { delay: { to: 'server' }, by: 100 } },
      { id: 'f7', when: { at: 0 }, do: { duplicate: { type: 'PONG' } } },
    ],
  };
}
const err = (input: unknown) => {
  const r = parseScenario(input, opts);
  if (r.ok) throw new Error('expected an error');
  return formatError(r.error);
};
const mutate = (f: (s: Record<string, unknown> & Scenario) => void) => {
  const s = JSON.parse(JSON.stringify(good()));
  f(s);
  return s;
};

describe('parseScenario', () => {
  it('accepts a good scenario, as a value and as JSON text, and round-trips through scenarioToJson', () => {
    const s = good();
    const a = parseScenario(s, opts);
    expect(a).toEqual({ ok: true, scenario: s });
    const b = parseScenario(scenarioToJson(s), opts);
    expect(b.ok && b.scenario).toEqual(s);
    expect(scenarioToJson(s)).toBe(scenarioToJson(JSON.parse(scenarioToJson(s))));
  });

  it('accepts every latency distribution and link overrides', () => {
    for (const latency of [
      { kind: 'constant', value: 3 },
      { kind: 'uniform', min: 1, max: 2 },
      { kind: 'exponential', mean: 5, min: 1 },
      { kind: 'normal', mean: 5, sd: 2 },
    ]) {
      const s = mutate((x) => {
        x.network = {
          default: { ...x.network.default },
          links: [{ from: 'client', to: 'server', both: true, latency } as never],
        };
      });
      expect(parseScenario(s, opts).ok).toBe(true);
    }
  });

  it('returns an example file’s expect beside the scenario', () => {
    const r = parseScenario({ ...good(), expect: { outcomes: { T1: 'committed' }, breaks: ['x'] } }, opts);
    expect(r.ok && r.expect).toEqual({ outcomes: { T1: 'committed' }, breaks: ['x'] });
    expect(r.ok && 'expect' in r.scenario).toBe(false);
  });

  it('names the field of a wrong type', () => {
    expect(err(mutate((s) => (s.seed = 'x' as never)))).toBe('seed: expected a whole number');
    expect(err(mutate((s) => (s.seed = 1.5)))).toBe('seed: must be a whole number');
    expect(err(mutate((s) => (s.workload[1].at = -1)))).toBe('workload[1].at: must be ≥ 0 (ms)');
    expect(err(mutate((s) => (s.horizon = 1e12)))).toMatch(/^horizon: must be ≤ 2592000000 ms/);
    expect(err(mutate((s) => (s.version = 2 as never)))).toMatch(/^version: expected 1/);
    expect(err(mutate((s) => (s.extra = 1)))).toBe('extra: unknown field');
    expect(err(mutate((s) => delete (s as Partial<Scenario>).network))).toMatch(/^network: /);
    expect(err([1, 2])).toBe('the file must be a JSON object, not an array');
  });

  it('rejects an unknown pattern, listing the known ones', () => {
    expect(err(mutate((s) => (s.pattern = 'nope')))).toBe('pattern: unknown pattern "nope" (patterns: tp)');
  });

  it('rejects unknown nodes wherever a node is named', () => {
    expect(err(mutate((s) => (s.faults[0].do = { crash: 'P9' })))).toBe(
      'faults[0].do.crash: unknown node "P9" (nodes: client, server)',
    );
    expect(err(mutate((s) => (s.faults[2].do = { partition: { a: ['client'], b: ['server', 'X'] } })))).toBe(
      'faults[2].do.partition.b[1]: unknown node "X" (nodes: client, server)',
    );
    expect(err(mutate((s) => (s.faults[1].when = { on: { kind: 'deliver', from: 'Q' } })))).toMatch(
      /^faults\[1\]\.when\.on\.from: unknown node "Q"/,
    );
    expect(err(mutate((s) => (s.workload[0].node = 'Z')))).toMatch(/^workload\[0\]\.node: unknown node "Z"/);
    expect(err(mutate((s) => (s.faults[5].do = { delay: { to: 'Y' }, by: 3 })))).toMatch(
      /^faults\[5\]\.do\.delay\.to: unknown node "Y"/,
    );
  });

  it('rejects malformed triggers and actions', () => {
    expect(err(mutate((s) => (s.faults[0].do = { explode: 'server' } as never)))).toMatch(
      /^faults\[0\]\.do: expected a fault action: an object with one of: crash, recover, partition/,
    );
    expect(err(mutate((s) => (s.faults[0].when = { on: { kind: 'teleport' } } as never)))).toMatch(
      /^faults\[0\]\.when\.on\.kind: expected one of: send, deliver/,
    );
    expect(err(mutate((s) => (s.faults[1].when = { on: { kind: 'send' }, nth: 0 })))).toBe(
      'faults[1].when.nth: must be ≥ 1',
    );
    expect(err(mutate((s) => (s.faults[3].id = 'f1')))).toBe('faults[3].id: duplicate fault id "f1"');
  });

  it('rejects out-of-range probabilities and bad distributions', () => {
    expect(err(mutate((s) => (s.network.default.loss = 1.5)))).toBe(
      'network.default.loss: must be a probability in 0..1',
    );
    expect(err(mutate((s) => (s.network.default.latency = { kind: 'uniform', min: 5, max: 1 })))).toBe(
      'network.default.latency.max: must be ≥ min',
    );
    expect(err(mutate((s) => (s.network.default.latency = { kind: 'pareto' } as never)))).toMatch(
      /^network\.default\.latency\.kind: unknown distribution/,
    );
  });

  it('checks params and guards against the pattern', () => {
    expect(err(mutate((s) => (s.params.n = 9)))).toBe('params.n: 9 is out of range 1..8');
    expect(err(mutate((s) => (s.params.n = 2.5)))).toBe('params.n: must be a whole number');
    expect(err(mutate((s) => (s.params.p = 2)))).toBe('params.p: 2 is out of range 0..1');
    expect(err(mutate((s) => (s.params.mode = 'c')))).toBe('params.mode: expected one of: a, b');
    expect(err(mutate((s) => (s.params.zzz = 1)))).toMatch(/^params\.zzz: unknown parameter "zzz" for tp/);
    expect(err(mutate((s) => (s.guards.nope = true)))).toBe(
      'guards.nope: unknown guard "nope" for tp (guards: dedupe)',
    );
  });

  it('reports truncated JSON', () => {
    const text = scenarioToJson(good());
    expect(err(text.slice(0, text.length / 2))).toMatch(/^not valid JSON/);
  });
});

describe('deep links', () => {
  it('round-trips a scenario', () => {
    const s = good();
    const link = encodeLink(s);
    expect(link.startsWith('#s=1.')).toBe(true);
    expect(decodeLink(link, opts)).toEqual({ ok: true, scenario: s });
    expect(decodeLink(link.slice(1), opts).ok).toBe(true);
  });

  it('rejects tampered, truncated, foreign and future links clearly', () => {
    const link = encodeLink(good());
    const mid = Math.floor(link.length / 2);
    const tampered = link.slice(0, mid) + (link[mid] === 'A' ? 'B' : 'A') + link.slice(mid + 1);
    const r1 = decodeLink(tampered, opts);
    expect(r1.ok).toBe(false);
    const r2 = decodeLink(link.slice(0, mid), opts);
    expect(!r2.ok && r2.error.message).toMatch(/damaged|in the link/);
    const r3 = decodeLink('#foo=bar', opts);
    expect(!r3.ok && r3.error.message).toMatch(/not a dtx-lab scenario link/);
    const r4 = decodeLink(link.replace('s=1.', 's=9.'), opts);
    expect(!r4.ok && r4.error.message).toMatch(/unsupported link version 9/);
  });
});

describe('link kinds and message ids', () => {
  it('a link override may say it is an rpc link or a stream; fault matchers may name a message id', async () => {
    const { parseScenario: parse } = await import('./schema');
    const { baseScenario } = await import('../engine/scenario');
    const { getPattern } = await import('../patterns/registry');
    const p = getPattern('tcc');
    if (!p) throw new Error('no tcc');
    const s = {
      ...baseScenario(p),
      network: { ...baseScenario(p).network, links: [{ from: 'TM', to: 'smith', kind: 'rpc' }] },
      faults: [
        { id: 'f1', when: { on: { kind: 'deliver', mid: 'm1' }, nth: 3 }, do: { drop: { mid: 'm1', count: 1 } } },
      ],
    };
    expect(parse(JSON.parse(JSON.stringify(s))).ok).toBe(true);
    const bad = { ...s, network: { ...s.network, links: [{ from: 'TM', to: 'smith', kind: 'tcp' }] } };
    const r = parse(JSON.parse(JSON.stringify(bad)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('network.links[0].kind');
  });
});
