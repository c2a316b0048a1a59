/**
 * Every registered pattern ships a guided tour (src/engine/tour.ts), and every step of it points at something real:
 * a named scenario of the pattern, a cursor predicate that matches an event of that scenario's trace, nodes of its
 * topology, messages that exist — and captions and chapter titles with text in both languages. A pattern added
 * later fails here until its folder has a tour.ts.
 */
import { describe, expect, it } from 'vitest';
import { indexTrace, namedScenario, resolveTourStep, simulate, tourSteps, type TraceIndex } from '../engine';
import { mergedResources } from '../i18n/resources';
import { patterns } from './registry';

const strings = mergedResources();

describe('guided tours', () => {
  it('every registered pattern has a tour with at least one chapter of steps', () => {
    const without = patterns.filter((p) => !p.tour || !tourSteps(p.tour).length).map((p) => p.id);
    expect(without, 'patterns without a tour (add src/patterns/<folder>/tour.ts)').toEqual([]);
  });

  for (const p of patterns) {
    if (!p.tour) continue;
    const tour = p.tour;
    describe(p.id, () => {
      const traces = new Map<string, TraceIndex>();
      const traceOf = (id: string) => {
        let ix = traces.get(id);
        if (!ix) {
          const ns = p.scenarios.find((s) => s.id === id)!;
          ix = indexTrace(simulate(p, namedScenario(p, ns), { record: true }));
          traces.set(id, ix);
        }
        return ix;
      };

      it('chapter ids are unique and titles have text in both languages', () => {
        const ids = tour.chapters.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of tour.chapters) {
          expect(strings.en[c.title], `en ${c.title}`).toBeTruthy();
          expect(strings.zh[c.title], `zh ${c.title}`).toBeTruthy();
        }
      });

      tourSteps(tour).forEach(({ index, step }) => {
        it(`step ${index + 1} (${step.caption}) resolves in ${step.scenario}`, () => {
          const known = p.scenarios.map((s) => s.id);
          expect(known, `unknown scenario id ${step.scenario}`).toContain(step.scenario);
          expect(strings.en[step.caption], `en ${step.caption}`).toBeTruthy();
          expect(strings.zh[step.caption], `zh ${step.caption}`).toBeTruthy();
          const ix = traceOf(step.scenario);
          const r = resolveTourStep(step, ix);
          if (!r.ok) throw new Error(`${p.id} tour step ${index + 1}: ${r.problem}`);
          expect(r.pos).toBeGreaterThan(0);
          expect(r.pos).toBeLessThanOrEqual(ix.events.length);
          for (const s of r.sends) expect(ix.events[s]?.kind).toBe('send');
          expect(r.sends.length).toBe(new Set(r.sends).size);
        });
      });
    });
  }
});

describe('resolveTourStep', () => {
  const p = patterns.find((x) => x.id === '2pc')!;
  const ix = indexTrace(
    simulate(
      p,
      namedScenario(
        p,
        p.scenarios.find((s) => s.id === 's-2pc-happy')!,
      ),
    ),
  );
  const vote = { kind: 'send' as const, type: 'VOTE' };

  it('stops just after the nth match (negative: from the end) and names each message by its send', () => {
    const first = resolveTourStep({ scenario: 's', caption: 'c', at: { on: vote } }, ix);
    const last = resolveTourStep({ scenario: 's', caption: 'c', at: { on: vote, nth: -1 } }, ix);
    if (!first.ok || !last.ok) throw new Error('no VOTE');
    expect(ix.events[first.seq]).toMatchObject({ kind: 'send', msg: { type: 'VOTE' } });
    expect(first.pos).toBe(first.seq + 1);
    expect(last.seq).toBeGreaterThan(first.seq);
    // A message without nth: the latest match at or before the cursor; a deliver names its send.
    const r = resolveTourStep(
      {
        scenario: 's',
        caption: 'c',
        at: { on: vote, nth: 2 },
        messages: [{ on: vote }, { on: { kind: 'deliver', type: 'EXEC' }, nth: 1 }],
      },
      ix,
    );
    if (!r.ok) throw new Error(r.problem);
    expect(r.sends[0]).toBe(r.seq);
    const deliver = ix.events.find((e) => e.kind === 'deliver' && e.msg.type === 'EXEC');
    expect(r.sends[1]).toBe(deliver?.kind === 'deliver' ? deliver.sendSeq : -1);
  });

  it('fails on a predicate that matches nothing, an unknown node, or a message predicate that is not a message', () => {
    const base = { scenario: 's', caption: 'c' };
    expect(resolveTourStep({ ...base, at: { on: { kind: 'send', type: 'NOPE' } } }, ix).ok).toBe(false);
    expect(resolveTourStep({ ...base, at: { on: vote, nth: 99 } }, ix).ok).toBe(false);
    expect(resolveTourStep({ ...base, at: { on: vote, nth: 0 } }, ix).ok).toBe(false);
    expect(resolveTourStep({ ...base, at: { on: vote }, nodes: ['P9'] }, ix)).toMatchObject({ ok: false });
    expect(resolveTourStep({ ...base, at: { on: { kind: 'send', node: 'X' } } }, ix).ok).toBe(false);
    expect(resolveTourStep({ ...base, at: { on: vote }, messages: [{ on: { kind: 'note' } }] }, ix).ok).toBe(false);
    expect(
      resolveTourStep({ ...base, at: { on: vote }, messages: [{ on: { kind: 'send', type: 'NO' } }] }, ix).ok,
    ).toBe(false);
  });
});
