/**
 * The framework presets against the numbers of the code they cite (frameworks.ts): when a stuck Try is rolled back,
 * the instants of every retry, the order of phase two, which guard rows exist at the end, and what each framework
 * does with the hanging Try.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Params } from '../../engine/types';
import { saga } from '../saga';
import { tcc } from '../tcc';
import { FRAMEWORKS, presetParams, TCC_FRAMEWORKS, type FrameworkId } from './frameworks';
import { rowsOf, runNamed, scenarioOf } from './testkit';

const sendTimes = (r: SimResult, to: string, type: string) =>
  r.events.filter((e) => e.kind === 'send' && e.node === 'TM' && e.to === to && e.msg.type === type).map((e) => e.t);
const gaps = (t: number[]) => t.slice(1).map((x, i) => Math.round(x - t[i]));
const beginAt = (r: SimResult) => {
  const b = r.events.find((e) => e.kind === 'deliver' && e.node === 'TM' && e.msg.type === 'BEGIN');
  if (!b) throw new Error('no BEGIN');
  return b.t;
};
const noteAt = (r: SimResult, key: string) => r.events.find((e) => e.kind === 'note' && e.key === key)?.t;
const inv = (r: SimResult, id: string) => r.invariants.find((i) => i.id === id);

/** A TCC named scenario with other params (e.g. a framework preset), the barrier on. */
function runWith(id: string, params: Params, guards: Record<string, boolean> = {}, horizon?: number): SimResult {
  const sc = scenarioOf(tcc, id, true);
  return simulate(tcc, {
    ...sc,
    params: { ...sc.params, ...params },
    guards: { ...sc.guards, ...guards },
    horizon: horizon ?? sc.horizon,
  });
}

/** From each failed answer at the TM to the next request it sends that branch (dtm re-arms at the failure). */
function afterFailures(r: SimResult, from: string, type: string): number[] {
  const fails = r.events.filter(
    (e) => e.kind === 'deliver' && e.node === 'TM' && e.from === from && e.msg.type === `${type}_FAIL`,
  );
  const sends = sendTimes(r, from, type);
  return fails.map((f) => Math.round((sends.find((t) => t > f.t) ?? NaN) - f.t));
}

describe('every preset cites where its defaults come from', () => {
  it('each timing default names a file or document of its framework', () => {
    for (const id of TCC_FRAMEWORKS)
      for (const d of Object.values(FRAMEWORKS[id].defaults)) expect(d.source.length).toBeGreaterThan(10);
    expect(FRAMEWORKS.dtm.defaults.tryTimeout).toEqual({
      value: 35_000,
      source: expect.stringContaining('dtmsvr/config/config.go TimeoutToFail') as unknown as string,
    });
    expect(FRAMEWORKS.dtm.defaults.retryInterval.value).toBe(10_000);
    expect(FRAMEWORKS.seata.defaults.retryInterval.value).toBe(1_000);
    expect(FRAMEWORKS.hmily.defaults.maxRetries.value).toBe(10);
    expect(FRAMEWORKS['tcc-transaction'].defaults.maxRetries.value).toBe(30);
  });
  it('the parameters carry the presets the panel shows, per framework', () => {
    const p = tcc.params.find((x) => x.key === 'tryTimeout');
    expect(p?.presets?.by).toBe('framework');
    expect(Object.keys(p?.presets?.values ?? {})).toEqual([...TCC_FRAMEWORKS]);
    expect(p?.presets?.values.seata.source).toMatch(/^Seata: /);
    expect(saga.params.find((x) => x.key === 'framework')?.options).toEqual(['generic', 'dtm', 'seata']);
  });
});

describe('dtm', () => {
  it('a stuck TCC is rolled back at the first cron pick-up at or after TimeoutToFail: 40 s, not 35 s', () => {
    const r = runNamed(tcc, 'tcc-dtm-stuck-try');
    expect(noteAt(r, 'tcc.note.decideCancelTimeout')).toBe(beginAt(r) + 40_000);
    // the generic model tests the timeout exactly
    const g = runWith('tcc-dtm-stuck-try', presetParams('generic'));
    expect(noteAt(g, 'tcc.note.decideCancelTimeout')).toBe(beginAt(g) + 35_000);
  });
  it('the barrier’s insert-ignore rows: Smith’s try row written by the cancel (empty rollback), Bob’s by his try', () => {
    const r = runNamed(tcc, 'tcc-dtm-stuck-try');
    expect(rowsOf(r, 'smith', 'barrier')).toEqual([
      { gid: 'g1', branch: 'smith', op: 'try', reason: 'cancel' },
      { gid: 'g1', branch: 'smith', op: 'cancel', reason: 'cancel' },
    ]);
    expect(rowsOf(r, 'bob', 'barrier')).toEqual([
      { gid: 'g1', branch: 'bob', op: 'try', reason: 'try' },
      { gid: 'g1', branch: 'bob', op: 'cancel', reason: 'cancel' },
    ]);
  });
  it('failed retries alternate 20 s / 10 s (cronBackoff resets once the interval exceeds RetryInterval)', () => {
    const r = runNamed(tcc, 'tcc-dtm-cancel-order');
    // next_cron_time = the failed call's end + NextCronInterval
    expect(afterFailures(r, 'smith', 'CANCEL')).toEqual([20_000, 10_000, 20_000]);
  });
  it('branches are cancelled in reverse order, stopping at the first failure: Bob stays frozen meanwhile', () => {
    const r = runNamed(tcc, 'tcc-dtm-cancel-order');
    const smith = sendTimes(r, 'smith', 'CANCEL');
    const bob = sendTimes(r, 'bob', 'CANCEL');
    expect(bob).toHaveLength(1);
    const lastOk = r.events.filter((e) => e.kind === 'deliver' && e.node === 'TM' && e.msg.type === 'CANCEL_OK');
    // Bob's Cancel goes out only once Smith's (the last branch) answered ok
    expect(bob[0]).toBeGreaterThan(smith[smith.length - 1]);
    expect(bob[0]).toBe(lastOk[0].t);
    const frozen = r.locks.find((l) => l.node === 'bob' && l.resource === 'frozen:g1');
    expect(frozen && frozen.to !== null && frozen.to > smith[smith.length - 1]).toBe(true);
    // the generic model cancels every branch at once
    const g = runWith('tcc-dtm-cancel-order', presetParams('generic'));
    expect(sendTimes(g, 'bob', 'CANCEL')[0]).toBe(sendTimes(g, 'smith', 'CANCEL')[0]);
  });
  it('Saga: a failing compensation retried 20 s, 10 s, 20 s apart', () => {
    const r = runNamed(saga, 'saga-dtm-compensate-retry');
    expect(afterFailures(r, 'bob', 'COMPENSATE')).toEqual([20_000, 10_000, 20_000]);
  });
});

describe('Seata', () => {
  it('a rollback with no fence row writes `suspended`; the late Try is refused on the primary key', () => {
    const r = runNamed(tcc, 'tcc-seata-fence');
    expect(rowsOf(r, 'smith', 'tcc_fence_log')).toEqual([
      { xid: 'g1', branch_id: 'smith', action_name: 'smithAction', status: 'suspended' },
    ]);
    expect(rowsOf(r, 'bob', 'tcc_fence_log')).toEqual([
      { xid: 'g1', branch_id: 'bob', action_name: 'bobAction', status: 'rollbacked' },
    ]);
    const refused = r.events.find((e) => e.kind === 'note' && e.key === 'tcc.note.fence.refused');
    const lateTry = r.events.find((e) => e.kind === 'deliver' && e.node === 'smith' && e.msg.type === 'TRY');
    expect(refused?.seq).toBe(lateTry && lateTry.seq + 1);
    expect(r.locks.every((l) => l.to !== null)).toBe(true);
    expect(rowsOf(r, 'smith', 'barrier')).toEqual([]);
  });
  it('the global transaction times out at 60 s (checked every 1 s)', () => {
    const r = runNamed(tcc, 'tcc-seata-fence');
    expect(noteAt(r, 'tcc.note.decideCancelTimeout')).toBe(beginAt(r) + 60_000);
  });
  it('phase two is retried every 1 s; the fence rows go tried → committed', () => {
    const r = runNamed(tcc, 'tcc-seata-confirm-retry');
    expect(gaps(sendTimes(r, 'smith', 'CONFIRM'))).toEqual([1_000, 1_000, 1_000]);
    expect(rowsOf(r, 'smith', 'tcc_fence_log').map((x) => x.status)).toEqual(['committed']);
  });
  it('the four statuses: tried while phase one is done, then committed / rollbacked / suspended', () => {
    const r = runNamed(tcc, 'tcc-seata-confirm-retry');
    const seen = new Set<string>();
    for (const e of r.events)
      if ('writes' in e)
        for (const w of e.writes ?? []) if (w.table === 'tcc_fence_log') seen.add(String(w.row?.status));
    const f = runNamed(tcc, 'tcc-seata-fence');
    for (const e of f.events)
      if ('writes' in e)
        for (const w of e.writes ?? []) if (w.table === 'tcc_fence_log') seen.add(String(w.row?.status));
    expect([...seen].sort()).toEqual(['committed', 'rollbacked', 'suspended', 'tried']);
  });
  it('Saga on Seata has no fence: the empty compensation runs the naive code; retries every 1 s', () => {
    const r = runNamed(saga, 'saga-seata-empty-compensation');
    expect(gaps(sendTimes(r, 'bob', 'COMPENSATE'))).toEqual([1_000, 1_000]);
    expect(rowsOf(r, 'smith', 'tcc_fence_log')).toEqual([]);
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
});

describe('ByteTCC, Hmily, tcc-transaction: recovery periods and caps', () => {
  it('ByteTCC: recovery k at start + 60 s × 2^k (TransactionRecoveryImpl.timingRecover)', () => {
    const r = runWith('s-tcc-1', { ...presetParams('bytetcc'), transientBranch: 'smith', confirmFailures: 3 });
    const t = sendTimes(r, 'smith', 'CONFIRM');
    const start = beginAt(r);
    expect(t.slice(1).map((x) => Math.round(x - start))).toEqual([60_000, 120_000, 240_000]);
    expect(r.outcomes[0].outcome).toBe('committed');
  });
  it('Hmily: every 60 s, 10 retries, then the participant is given up', () => {
    const r = runNamed(tcc, 'tcc-hmily-gives-up');
    const t = sendTimes(r, 'smith', 'CONFIRM');
    expect(t).toHaveLength(11);
    expect(new Set(gaps(t))).toEqual(new Set([60_000]));
    expect(r.events.some((e) => e.kind === 'note' && e.key === 'tcc.note.gaveUp')).toBe(true);
    expect(r.outcomes[0].outcome).toBe('given-up');
  });
  it('tcc-transaction: every 30 s, at most 30 retries', () => {
    const r = runWith(
      's-tcc-1',
      { ...presetParams('tcc-transaction'), transientBranch: 'smith', confirmFailures: 40 },
      {},
      1_200_000,
    );
    const t = sendTimes(r, 'smith', 'CONFIRM');
    expect(t).toHaveLength(31);
    expect(new Set(gaps(t))).toEqual(new Set([30_000]));
    expect(r.outcomes[0].outcome).toBe('given-up');
  });
});

describe('the hanging scenario (no per-link tweak) under each framework, guard on', () => {
  const leaks = (fw: FrameworkId) => {
    const r = runWith('tcc-hanging', presetParams(fw));
    return { r, leak: inv(r, 'no-leak')?.final === 'violated' };
  };
  it('dtm and Seata refuse the late Try', () => {
    for (const fw of ['dtm', 'seata', 'generic'] as const) {
      const { r, leak } = leaks(fw);
      expect(leak).toBe(false);
      expect(r.outcomes[0].outcome).toBe('aborted');
    }
  });
  it('Hmily leaves it to the business: the reservation leaks; with the business guard it is refused', () => {
    expect(leaks('hmily').leak).toBe(true);
    const r = runWith('tcc-hanging', presetParams('hmily'), { business: true });
    expect(inv(r, 'no-leak')?.final).toBe('holds');
    expect(r.events.some((e) => e.kind === 'note' && e.key === 'tcc.note.business.refused')).toBe(true);
  });
  it('ByteTCC and tcc-transaction: the late Try runs, the recovery job cancels that branch again', () => {
    for (const fw of ['bytetcc', 'tcc-transaction'] as const) {
      const { r, leak } = leaks(fw);
      expect(leak).toBe(false);
      const pending = r.locks.find((l) => l.node === 'smith' && l.resource === 'pending:g1');
      expect(pending?.to).not.toBeNull();
      expect(r.events.some((e) => e.kind === 'note' && e.key === 'tcc.note.hangingRecovery')).toBe(true);
      expect(sendTimes(r, 'smith', 'CANCEL').length).toBeGreaterThanOrEqual(2);
    }
  });
});
