/**
 * Each seed claim asserted precisely: who commits, who blocks holding which lock, which invariant breaks, and when
 * relative to the event that triggers it. Plus guard on/off comparisons on the same faults.
 */
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../engine/simulator';
import type { Fault, TraceEvent } from '../../engine/types';
import { baseScenario } from '../../engine/scenario';
import { twoPC } from './index';
import { evs, inv, notes, runNamed, scenarioById } from './testkit';
import { CT, PT, ST, type PState, type PTxRec } from './types';

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

const first = <K extends TraceEvent['kind']>(r: SimResult, kind: K, f: (e: Ev<K>) => boolean = () => true): Ev<K> => {
  const e = evs(r, kind, f)[0];
  if (!e) throw new Error('no ' + kind);
  return e;
};
const st = (r: SimResult, p: string, tx = 'T1') => r.final.db(p).get<PTxRec & Record<string, unknown>>(PT.txs, tx)?.st;
/** The coordinator's log records in the order they were forced (its `log` table's writes in the trace). */
const cLog = (r: SimResult) =>
  r.events.flatMap((e) =>
    e.node === 'C' && 'writes' in e && e.writes
      ? e.writes.filter((w) => w.table === CT.log && w.row).map((w) => ({ tx: w.key, ...w.row }))
      : [],
  );
const c2Decisions = (r: SimResult) => r.final.db('C2').size(ST.decisions);
const heldAtEnd = (r: SimResult) =>
  r.locks
    .filter((l) => l.to === null)
    .map((l) => l.node)
    .sort();
const commitAt = (r: SimResult, p: string) =>
  first(r, 'note', (e) => e.node === p && (e.key === '2pc.note.commit' || e.key.includes('Commit')));
const faultsOf = (id: string): Fault[] => scenarioById(id).faults ?? [];

describe('happy path', () => {
  const r = runNamed('s-2pc-happy');
  it('everyone votes yes, then commits; the coordinator logs COMMIT before the first COMMIT leaves', () => {
    for (const p of ['P1', 'P2', 'P3']) expect(st(r, p)).toBe('committed');
    const logged = first(r, 'note', (e) => e.key === '2pc.note.logCommit');
    const firstCommit = first(r, 'send', (e) => e.msg.type === 'COMMIT');
    expect(logged.seq).toBeLessThan(firstCommit.seq);
    expect(cLog(r)).toEqual([
      { tx: 'T1', rec: 'COMMIT', parts: ['P1', 'P2', 'P3'] },
      { tx: 'T1', rec: 'END', parts: ['P1', 'P2', 'P3'] },
    ]);
  });
  it('each row is locked from its execution until its commit', () => {
    for (const p of ['P1', 'P2', 'P3']) {
      const lock = r.locks.find((l) => l.node === p);
      expect(lock?.from).toBe(first(r, 'deliver', (e) => e.node === p && e.msg.type === 'EXEC').t);
      expect(lock?.to).toBe(commitAt(r, p).t);
    }
  });
  it('consistent-now is broken only while the COMMITs travel: from the first commit to the last', () => {
    const b = inv(r, 'consistent-now').broken;
    expect(b).toHaveLength(1);
    const commits = ['P1', 'P2', 'P3'].map((p) => commitAt(r, p).t).sort((a, b) => a - b);
    expect(b[0].from).toBe(commits[0]);
    expect(b[0].to).toBe(commits[2]);
    expect(inv(r, 'atomicity').broken).toHaveLength(0);
  });
});

describe('S-2PC-1 synchronous blocking', () => {
  const r = runNamed('s-2pc-1');
  it('the third party waits on P1’s lock until T1 commits there, then gets the row', () => {
    const asked = first(r, 'deliver', (e) => e.node === 'P1' && e.msg.type === 'LOCK');
    const lock = r.locks.find((l) => l.node === 'P1');
    expect(lock && asked.t > lock.from && asked.t < (lock.to ?? Infinity)).toBe(true);
    expect(notes(r, 'thirdPartyWaits').map((e) => e.node)).toEqual(['P1']);
    const granted = first(r, 'send', (e) => e.msg.type === 'LOCKED');
    expect(granted.t).toBe(commitAt(r, 'P1').t);
    expect(granted.msg.waited).toBeCloseTo(commitAt(r, 'P1').t - asked.t, 6);
    expect(Number(granted.msg.waited)).toBeGreaterThan(0);
  });
});

describe('S-2PC-2 coordinator crash in phase 2', () => {
  const r = runNamed('s-2pc-2');
  it('C crashes as the last vote arrives, having logged COMMIT but sent none', () => {
    const votes = evs(r, 'deliver', (e) => e.node === 'C' && e.msg.type === 'VOTE');
    expect(first(r, 'crash', (e) => e.node === 'C').t).toBe(votes[2].t);
    expect(evs(r, 'send', (e) => e.msg.type === 'COMMIT')).toHaveLength(0);
    expect(cLog(r)).toEqual([{ tx: 'T1', rec: 'COMMIT', parts: ['P1', 'P2', 'P3'] }]);
  });
  it('every participant stays prepared holding its lock to the end; C2 takes over and cannot decide', () => {
    for (const p of ['P1', 'P2', 'P3']) expect(st(r, p)).toBe('prepared');
    expect(heldAtEnd(r)).toEqual(['P1', 'P2', 'P3']);
    const crash = first(r, 'crash', (e) => e.node === 'C');
    const takeover = notes(r, 'takeover')[0];
    expect(takeover.t).toBeGreaterThan(crash.t);
    expect(takeover.t - crash.t).toBeLessThanOrEqual(1_000);
    expect(notes(r, 'c2CannotDecide').map((e) => e.node)).toEqual(['C2']);
    expect(c2Decisions(r)).toBe(0);
  });
  it('bounded-blocking breaks lockBound ms after the first lock and is never restored', () => {
    const b = inv(r, 'bounded-blocking');
    const firstLock = Math.min(...r.locks.map((l) => l.from));
    expect(b.firstBreak).toBe(firstLock + 3_000);
    expect(b.final).toBe('violated');
    expect(r.outcomes[0]).toMatchObject({
      tx: 'T1',
      outcome: 'blocked',
      at: { P1: 'prepared', P2: 'prepared', P3: 'prepared' },
    });
  });
  it('the blocking spreads: a later transaction queues behind T1’s locks and blocks too', () => {
    const params = { ...baseScenario(twoPC).params, txCount: 2, txGap: 600 };
    const r2 = runNamed('s-2pc-2', { params, workload: twoPC.workload(params) });
    expect(r2.outcomes.map((o) => [o.tx, o.outcome])).toEqual([
      ['T1', 'blocked'],
      ['T2', 'blocked'],
    ]);
    expect(r2.outcomes[1].at).toMatchObject({ P1: 'waiting', P2: 'waiting', P3: 'waiting' });
    expect(new Set(notes(r2, 'lockWait').map((e) => e.node))).toEqual(new Set(['P1', 'P2', 'P3']));
    expect(heldAtEnd(r2)).toEqual(['P1', 'P2', 'P3']);
  });
  it('participant timeouts and cooperative termination do not help: all are prepared', () => {
    const r2 = runNamed('s-2pc-2', {
      guards: {
        ...scenarioById('s-2pc-2').guards,
        decisionLog: true,
        reElection: true,
        participantTimeout: true,
        cooperativeTermination: true,
        threePC: false,
      },
    });
    expect(r2.outcomes[0].outcome).toBe('blocked');
    expect(heldAtEnd(r2)).toEqual(['P1', 'P2', 'P3']);
    expect(notes(r2, 'coopPeerInDoubt').length).toBeGreaterThan(0);
  });
  it('only C itself can unblock them: recovered with its log it commits everywhere', () => {
    const crash = faultsOf('s-2pc-2')[0];
    if (!('on' in crash.when)) throw new Error('trigger');
    const rec: Fault = { id: 'recover-C', when: { ...crash.when, delay: 5_000 }, do: { recover: 'C' } };
    const r2 = runNamed('s-2pc-2', { faults: [crash, rec] });
    expect(r2.outcomes[0].outcome).toBe('committed');
    expect(notes(r2, 'recoverResend').map((e) => e.t)).toEqual([first(r2, 'recover', (e) => e.node === 'C').t]);
    // Without the log the restarted coordinator knows nothing: presumed abort, everyone aborts (safely).
    const r3 = runNamed('s-2pc-2', {
      faults: [crash, rec],
      guards: {
        decisionLog: false,
        reElection: true,
        participantTimeout: true,
        cooperativeTermination: false,
        threePC: false,
      },
    });
    expect(r3.outcomes[0].outcome).toBe('aborted');
    expect(notes(r3, 'presumedAbort').length).toBeGreaterThan(0);
    expect(inv(r3, 'atomicity').broken).toHaveLength(0);
  });
});

describe('S-2PC-3 COMMIT reaches only some participants', () => {
  const r = runNamed('s-2pc-3');
  it('P1 commits, P2 and P3 cannot: consistent-now breaks at P1’s commit and is restored by C’s recovery', () => {
    const crash = first(r, 'crash', (e) => e.node === 'C');
    const p1 = commitAt(r, 'P1');
    const b = inv(r, 'consistent-now').broken;
    expect(b).toHaveLength(1);
    expect(b[0].from).toBe(p1.t);
    expect(p1.t).toBeGreaterThan(crash.t);
    const recover = first(r, 'recover', (e) => e.node === 'C');
    expect(recover.t - crash.t).toBe(600);
    const last = Math.max(commitAt(r, 'P2').t, commitAt(r, 'P3').t);
    expect(b[0].to).toBe(last);
    expect(last).toBeGreaterThan(recover.t);
    expect(inv(r, 'atomicity').broken).toHaveLength(0);
    // The resent COMMITs come from C's log, not from the standby (it never took over).
    expect(notes(r, 'takeover')).toHaveLength(0);
  });
  it('with the log off the restarted coordinator presumes abort: atomicity breaks for good', () => {
    const r2 = runNamed('s-2pc-3', {
      guards: {
        decisionLog: false,
        reElection: false,
        participantTimeout: true,
        cooperativeTermination: false,
        threePC: false,
      },
    });
    expect(st(r2, 'P1')).toBe('committed');
    expect(st(r2, 'P2')).toBe('aborted');
    expect(st(r2, 'P3')).toBe('aborted');
    expect(r2.outcomes[0].outcome).toBe('inconsistent');
    const a = inv(r2, 'atomicity');
    expect(a.final).toBe('violated');
    const firstAbort = Math.min(
      ...['P2', 'P3'].map((p) => first(r2, 'note', (e) => e.node === p && e.key === '2pc.note.abort').t),
    );
    expect(a.firstBreak).toBe(firstAbort);
    expect(notes(r2, 'recoverAmnesia')).toHaveLength(1);
  });
});

describe('S-2PC-3 without recovery', () => {
  const r = runNamed('s-2pc-3-no-recovery');
  it('P1 committed, P2 and P3 in doubt holding locks until the end; consistent-now never restored', () => {
    expect(r.outcomes[0]).toMatchObject({
      outcome: 'blocked',
      at: { P1: 'committed', P2: 'prepared', P3: 'prepared' },
    });
    expect(heldAtEnd(r)).toEqual(['P2', 'P3']);
    const b = inv(r, 'consistent-now').broken;
    expect(b).toEqual([expect.objectContaining({ from: commitAt(r, 'P1').t, to: null })]);
    expect(r.stoppedBy).toBe('horizon');
    expect(
      notes(r, 'inDoubt')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P2', 'P3']);
  });
  it('with a standby, re-election does finish it here: C2 learns from P1 that T1 committed', () => {
    const r2 = runNamed('s-2pc-3-no-recovery', {
      guards: {
        decisionLog: true,
        reElection: true,
        participantTimeout: true,
        cooperativeTermination: false,
        threePC: false,
      },
    });
    expect(r2.outcomes[0].outcome).toBe('committed');
    expect(notes(r2, 'c2Commit').map((e) => e.node)).toEqual(['C2']);
  });
  it('so does cooperative termination without a standby: P2 asks P1', () => {
    const r3 = runNamed('s-2pc-3-no-recovery', {
      guards: {
        decisionLog: true,
        reElection: false,
        participantTimeout: true,
        cooperativeTermination: true,
        threePC: false,
      },
    });
    expect(r3.outcomes[0].outcome).toBe('committed');
    expect(notes(r3, 'coopLearnedCommit').length).toBeGreaterThan(0);
  });
});

describe('S-2PC-4 coordinator and the only informed participant crash', () => {
  const r = runNamed('s-2pc-4');
  it('P1 committed and crashed; P2, P3 stay prepared holding locks despite C2 and cooperative termination', () => {
    expect(st(r, 'P1')).toBe('committed');
    expect(r.final.up.P1).toBe(false);
    expect(st(r, 'P2')).toBe('prepared');
    expect(st(r, 'P3')).toBe('prepared');
    expect(heldAtEnd(r)).toEqual(['P2', 'P3']);
    expect(notes(r, 'takeover')).toHaveLength(1);
    expect(notes(r, 'c2CannotDecide')).toHaveLength(1);
    expect(new Set(notes(r, 'coopPeerInDoubt').map((e) => e.node))).toEqual(new Set(['P2', 'P3']));
    expect(c2Decisions(r)).toBe(0);
    expect(r.outcomes[0].outcome).toBe('blocked');
    // P1 crashed on the delivery of the one COMMIT that was sent.
    const commitSends = evs(r, 'send', (e) => e.msg.type === 'COMMIT');
    expect(commitSends.map((e) => e.to)).toEqual(['P1']);
    expect(first(r, 'crash', (e) => e.node === 'P1').t).toBe(commitSends[0].copies[0].deliverAt);
  });
  it('if P1 comes back, the survivors learn it committed', () => {
    const faults: Fault[] = [...faultsOf('s-2pc-4'), { id: 'recover-P1', when: { at: 6_000 }, do: { recover: 'P1' } }];
    const r2 = runNamed('s-2pc-4', { faults });
    expect(r2.outcomes[0].outcome).toBe('committed');
    expect(inv(r2, 'atomicity').broken).toHaveLength(0);
  });
});

describe('3PC', () => {
  it('coordinator crash (the S-2PC-2 fault): survivors time out before PreCommit and abort, releasing their locks', () => {
    const r = runNamed('s-3pc-coordinator-crash');
    for (const p of ['P1', 'P2', 'P3']) expect(st(r, p)).toBe('aborted');
    expect(heldAtEnd(r)).toEqual([]);
    expect(notes(r, 'timeoutAbort3pc')).toHaveLength(3);
    expect(inv(r, 'bounded-blocking').broken).toHaveLength(0);
    // The same fault under 2PC blocks.
    const two = runNamed('s-2pc-2');
    expect(two.outcomes[0].outcome).toBe('blocked');
    expect(r.outcomes[0].outcome).toBe('aborted');
  });
  it('coordinator crash after every PreCommit was acknowledged: survivors time out and commit', () => {
    const r = runNamed('s-3pc-coordinator-crash', {
      faults: [
        {
          id: 'crash-C',
          when: { on: { kind: 'deliver', node: 'C', type: 'PRECOMMIT_ACK' }, nth: 3 },
          do: { crash: 'C' },
        },
      ],
    });
    for (const p of ['P1', 'P2', 'P3']) expect(st(r, p)).toBe('committed');
    expect(notes(r, 'timeoutCommit3pc')).toHaveLength(3);
    expect(r.outcomes[0].outcome).toBe('committed');
  });
  it('the S-2PC-4 fault under 3PC: C crashes after its first DoCommit, P1 commits and crashes — survivors commit', () => {
    const faults: Fault[] = [
      { id: 'crash-C', when: { on: { kind: 'send', node: 'C', type: 'DOCOMMIT' }, nth: 1 }, do: { crash: 'C' } },
      { id: 'crash-P1', when: { on: { kind: 'deliver', node: 'P1', type: 'DOCOMMIT' }, nth: 1 }, do: { crash: 'P1' } },
    ];
    const r = runNamed('s-3pc-coordinator-crash', { faults });
    expect(r.final.up.P1).toBe(false);
    for (const p of ['P1', 'P2', 'P3']) expect(st(r, p)).toBe('committed');
    expect(heldAtEnd(r)).toEqual([]);
    expect(inv(r, 'atomicity').broken).toHaveLength(0);
    expect(r.outcomes[0].outcome).toBe('committed');
  });
  it('partition: P1 commits on its timeout while the coordinator aborts the others — atomicity breaks at P1’s commit', () => {
    const r = runNamed('s-3pc-partition');
    expect(st(r, 'P1')).toBe('committed');
    expect(st(r, 'P2')).toBe('aborted');
    expect(st(r, 'P3')).toBe('aborted');
    const cut = first(r, 'fault', (e) => 'partition' in e.action);
    expect(cut.t).toBe(first(r, 'deliver', (e) => e.node === 'P1' && e.msg.type === 'PRECOMMIT').t);
    const p1 = first(r, 'note', (e) => e.node === 'P1' && e.key === '2pc.note.timeoutCommit3pc');
    expect(inv(r, 'atomicity').firstBreak).toBe(p1.t);
    expect(p1.t).toBeGreaterThan(first(r, 'note', (e) => e.key === '2pc.note.decideAbortPrecommitTimeout').t);
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
});

describe('guards', () => {
  it('participantTimeout: a branch never asked to prepare aborts on its own and frees its lock', () => {
    // The application crashes right after its branches executed: nobody ever asks the coordinator to commit.
    const faults: Fault[] = [
      {
        id: 'crash-app',
        when: { on: { kind: 'deliver', node: 'app', type: 'EXEC_OK' }, nth: 1 },
        do: { crash: 'app' },
      },
    ];
    const off = runNamed('s-2pc-happy', { faults });
    expect(heldAtEnd(off)).toEqual(['P1', 'P2', 'P3']);
    expect(inv(off, 'no-leak').final).toBe('violated');
    const on = runNamed('s-2pc-happy', {
      faults,
      guards: {
        decisionLog: true,
        reElection: true,
        participantTimeout: true,
        cooperativeTermination: false,
        threePC: false,
      },
    });
    expect(heldAtEnd(on)).toEqual([]);
    expect(notes(on, 'timeoutAbort')).toHaveLength(3);
    expect(on.outcomes[0].outcome).toBe('aborted');
  });
  it('the vote timeout aborts when a participant is down during phase 1', () => {
    const faults: Fault[] = [
      { id: 'crash-P3', when: { on: { kind: 'deliver', node: 'C', type: 'COMMIT_REQ' } }, do: { crash: 'P3' } },
    ];
    const r = runNamed('s-2pc-happy', { faults });
    expect(notes(r, 'decideAbortTimeout')).toHaveLength(1);
    expect(st(r, 'P1')).toBe('aborted');
    expect(st(r, 'P2')).toBe('aborted');
  });
  it('contention: a second transaction waits for the first one’s lock', () => {
    const params = { ...baseScenario(twoPC).params, txCount: 2, txGap: 20 };
    const r = runNamed('s-2pc-happy', { params, workload: twoPC.workload(params) });
    expect(r.outcomes.map((o) => o.outcome)).toEqual(['committed', 'committed']);
    expect(notes(r, 'lockWait').length).toBeGreaterThan(0);
    expect((r.final.states.P1 as PState).durable.data.x).toBe(2);
  });
});
