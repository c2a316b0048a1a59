/** Reducers are pure (frozen inputs give the same trace), states are plain JSON, and the view shows what matters. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { notify } from './index';
import { runNamed } from './testkit';

const frozen = frozenPattern(notify);

describe('notify reducers', () => {
  for (const ns of notify.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(notify, ns);
      const a = simulate(notify, sc);
      expect(simulate(frozen, sc).hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
    });
  }
});

describe('notify view', () => {
  it('given up: the platform shows the count in red and the order’s attempt row; the merchant waits', () => {
    const r = runNamed('s-ben-1-give-up');
    const p = notify.view('platform', 'platform', r.final.states.platform, true, r.final.db('platform'));
    expect(p.durable.find((d) => d.label === 'notify.row.givenUp')).toMatchObject({ value: 1, tone: 'violated' });
    expect(p.volatile).toEqual([
      { label: 'O1 #16', value: 'given-up', valueKey: 'notify.status.given-up', tone: 'violated', pin: true },
    ]);
    const m = notify.view('merchant', 'merchant', r.final.states.merchant, true, r.final.db('merchant'));
    expect(m.statusKey).toBe('notify.status.waiting');
    expect(m.durable.find((d) => d.label === 'O1')).toMatchObject({ value: 'unpaid', tone: 'working' });
  });
  it('applied twice: the merchant’s order row is red and its status says so', () => {
    const r = runNamed('ben-duplicate-no-idempotency');
    const m = notify.view('merchant', 'merchant', r.final.states.merchant, true, r.final.db('merchant'));
    expect(m.statusKey).toBe('notify.status.appliedTwice');
    expect(m.durable.find((d) => d.label === 'O1')?.tone).toBe('violated');
    expect(m.durable.find((d) => d.label === 'notify.row.applied')?.value).toBe(2);
  });
  it('many orders: the newest three rows and a count of the older ones', () => {
    const base = runNamed('ben-happy').scenario;
    const params = { ...base.params, txCount: 10 };
    const r = simulate(notify, { ...base, params, workload: notify.workload(params) });
    const p = notify.view('platform', 'platform', r.final.states.platform, true, r.final.db('platform'));
    expect(p.volatile.map((v) => v.label)).toEqual(['notify.row.more', 'O8 #1', 'O9 #1', 'O10 #1']);
    expect(p.volatile[0].value).toBe('+7');
  });
  it('the table views tone rows by state', () => {
    const tone = notify.roles.platform.tables?.notify.view?.tone;
    expect(tone?.({ st: 'delivered' }, 'O1')).toBe('committed');
    expect(tone?.({ st: 'failed' }, 'O1')).toBe('blocked');
    expect(tone?.({ st: 'given-up' }, 'O1')).toBe('violated');
    expect(notify.roles.merchant.tables?.orders.view?.tone?.({ st: 'paid', applied: 2 }, 'O1')).toBe('violated');
  });
});
