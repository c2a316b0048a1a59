import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pingPong } from '../engine/testing/pingpong';
import { baseScenario } from '../engine/scenario';
import { simulate } from '../engine/simulator';
import { role, type PatternDef, type RoleDef } from '../engine/pattern';
import { buildReport, checkExpectation, formatReport, getPath } from './report';

const server = pingPong.roles.server as unknown as RoleDef;
const locking: PatternDef = {
  ...pingPong,
  roles: {
    ...pingPong.roles,
    // the server takes a lock (an effect) on its first PING and keeps it, so lock reporting has something to report
    server: role({
      init: server.init,
      step(s, input, ctx) {
        const r = server.step(s, input, ctx);
        return input.kind === 'deliver' ? { ...r, effects: [...r.effects, { kind: 'lock', resource: 'row' }] } : r;
      },
    }),
  },
};

describe('run report', () => {
  const sc = { ...baseScenario(locking, 3), faults: [{ id: 'd', when: { at: 0 }, do: { drop: { type: 'PING' } } }] };
  const res = simulate(locking, sc);
  const rep = buildReport(res);

  it('carries the documented fields', () => {
    expect(Object.keys(rep).sort()).toEqual(
      [
        'durable',
        'endTime',
        'events',
        'invariants',
        'locks',
        'messages',
        'pattern',
        'scenario',
        'stopReason',
        'transactions',
        'traceHash',
        'up',
      ].sort(),
    );
    expect(rep.pattern).toBe('pingpong');
    expect(rep.traceHash).toBe(res.hash);
    expect(rep.traceHash).not.toBe('');
    expect(rep.messages.byType.PING.dropped).toBe(1);
    expect(rep.messages.byType.PING.sent).toBe(4); // 3 + 1 retry of the dropped one
    expect(rep.durable.server).toEqual({ seen: 3 });
    const srv = rep.locks.find((l) => l.node === 'server');
    expect(srv?.count).toBe(1);
    expect(srv?.heldAtEnd).toEqual(['row']);
    expect(srv?.max).toBe(srv?.total);
    expect(rep.invariants.map((i) => [i.id, i.verdict])).toEqual([
      ['all-acked', 'holds'],
      ['server-not-ahead', 'holds'],
    ]);
  });

  it('checks expectations field by field', () => {
    expect(
      checkExpectation(rep, {
        invariants: { 'all-acked': 'holds' },
        neverBreaks: ['server-not-ahead'],
        durable: { client: { acked: 3 } },
      }),
    ).toEqual([]);
    expect(
      checkExpectation(rep, {
        outcomes: { T1: 'committed' },
        invariants: { 'all-acked': 'violated' },
        breaks: ['server-not-ahead', 'nope'],
        durable: { client: { acked: 2 } },
      }),
    ).toEqual([
      'transaction T1: expected committed, got no such transaction',
      'invariant all-acked: expected violated, got holds',
      'invariant server-not-ahead: expected to break at some time, but it never broke',
      'invariant nope: expected to break, but there is no such invariant',
      'durable client.acked: expected 2, got 3',
    ]);
  });

  it('formats a human summary with every section', () => {
    const text = formatReport(rep);
    for (const s of [
      'pattern   pingpong',
      'transactions',
      'invariants',
      'messages',
      'lock holds',
      'final durable state',
      `trace hash ${rep.traceHash}`,
    ])
      expect(text).toContain(s);
  });

  it('reads dotted paths', () => {
    expect(getPath({ a: { b: [5, { c: 1 }] } }, 'a.b.1.c')).toBe(1);
    expect(getPath({ a: 1 }, 'a.b')).toBeUndefined();
  });
});

describe('CLI', () => {
  it('exits 2 with a message naming the field for an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtx-'));
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ ...baseScenario(pingPong), seed: -1 }));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', f], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('seed: must be ≥ 0');
  }, 30_000); // a child process that loads tsx: seconds on a busy machine
});
