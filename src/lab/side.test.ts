/** Side by side: every registered pattern yields a scenario of the plan; the shared clock gives each trace's cursor. */
import { describe, expect, it } from 'vitest';
import { indexTrace, simulate, type PatternDef } from '../engine';
import { patterns } from '../patterns/registry';
import { parseSchedule } from './side.testkit';
import { cursorAt, DEFAULT_PLAN, parseSidePlan, roleNode, sharedEnd, sideScenario } from './side';

describe('side-by-side mapping', () => {
  it.each(patterns.map((p) => [p.id, p] as const))('%s maps the plan onto its own services', (_, p: PatternDef) => {
    const { scenario, target } = sideScenario(p, DEFAULT_PLAN);
    expect(scenario.pattern).toBe(p.id);
    const ids = p.topology(scenario.params).nodes.map((n) => n.id);
    // "The service that holds the money" is one of its nodes: crashed at 200 ms, back at 5 s.
    expect(target).not.toBeNull();
    expect(ids).toContain(target);
    expect(parseSchedule(scenario.faults)).toEqual([
      { at: 200, crash: target },
      { at: 5_000, recover: target },
    ]);
    // One business transaction, on the lab's healthy network (the fault is the only difference).
    const r = simulate(p, scenario, { record: false });
    expect(r.outcomes).toHaveLength(1);
    expect(r.stoppedBy).not.toBe('maxEvents');
  });

  it('a pattern without lab roles falls back to its crashable nodes; none crashes nothing', () => {
    const p = patterns[0];
    const bare: PatternDef = { ...p, lab: undefined };
    const sc = sideScenario(bare, DEFAULT_PLAN).scenario;
    const crashable = p.surface(sc.params).crashable;
    expect(roleNode(bare, sc, 'money')).toBe(crashable[0]);
    expect(roleNode(bare, sc, 'receiver')).toBe(crashable[crashable.length - 1]);
    const none = sideScenario(p, { ...DEFAULT_PLAN, target: 'none' });
    expect(none.target).toBeNull();
    expect(none.scenario.faults.filter((f) => f.id.startsWith('side-'))).toEqual([]);
    const stays = sideScenario(p, { ...DEFAULT_PLAN, recoverAt: null });
    expect(stays.scenario.faults.map((f) => f.id)).toEqual(['side-crash']);
  });

  it('the shared clock gives each trace the cursor of every event at or before it, clamped to its end', () => {
    const p = patterns[0];
    const ix = indexTrace(simulate(p, sideScenario(p, DEFAULT_PLAN).scenario));
    const ev = ix.events;
    expect(cursorAt(ix, -5)).toEqual({ pos: ev.filter((e) => e.t <= 0).length, t: 0 });
    const mid = ev[Math.floor(ev.length / 2)];
    const c = cursorAt(ix, mid.t);
    expect(c.t).toBe(mid.t);
    expect(ev[c.pos - 1].t).toBeLessThanOrEqual(mid.t);
    if (c.pos < ev.length) expect(ev[c.pos].t).toBeGreaterThan(mid.t);
    expect(cursorAt(ix, ix.endTime + 1_000)).toEqual({ pos: ev.length, t: ix.endTime });
    // Two traces on one clock: each its own position at the same time.
    const q = patterns[1];
    const iy = indexTrace(simulate(q, sideScenario(q, DEFAULT_PLAN).scenario));
    const t = 300;
    expect(cursorAt(iy, t).t).toBe(Math.min(t, iy.endTime));
    expect(cursorAt(iy, t).pos).toBe(iy.events.filter((e) => e.t <= t).length);
    expect(sharedEnd([ix.endTime, iy.endTime])).toBe(Math.max(ix.endTime, iy.endTime));
  });

  it('plans from links are checked', () => {
    expect(parseSidePlan(DEFAULT_PLAN)).toEqual({ ok: true, plan: DEFAULT_PLAN });
    const bad = parseSidePlan({ ...DEFAULT_PLAN, target: 'everyone' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^target:/);
  });
});
