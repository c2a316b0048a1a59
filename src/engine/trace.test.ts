/** The trace index's lists (built once, in the load's slices) agree with a walk of every event. */
import { describe, expect, it } from 'vitest';
import { baseScenario } from './scenario';
import { simulate } from './simulator';
import { pingPong } from './testing/pingpong';
import { arrivalSeqOf, INDEXED_KINDS, indexTrace } from './trace';
import type { NoteTag } from './types';

const run = () =>
  simulate(pingPong, {
    ...baseScenario(pingPong),
    faults: [
      { id: 'f1', when: { at: 0 }, do: { drop: { type: 'PING', count: 1 } } },
      { id: 'd', when: { at: 0 }, do: { duplicate: { type: 'PONG' } } },
      { id: 'f2', when: { at: 15 }, do: { crash: 'server' } },
      { id: 'f3', when: { at: 60 }, do: { recover: 'server' } },
    ],
  });

describe('trace index lists', () => {
  const r = run();
  const ix = indexTrace(r);
  const seqs = (f: (e: (typeof r.events)[number]) => boolean) => r.events.filter(f).map((e) => e.seq);

  it('per node, per kind, per note tag, the faulted sends', () => {
    for (const id of ix.nodeIds) expect(ix.nodeSeqs.get(id) ?? []).toEqual(seqs((e) => e.node === id));
    for (const k of INDEXED_KINDS) expect(ix.kindSeqs[k]).toEqual(seqs((e) => e.kind === k));
    expect(ix.kindSeqs.fault.length).toBeGreaterThan(0);
    expect(ix.kindSeqs.drop.length).toBeGreaterThan(0);
    for (const tag of Object.keys(ix.noteSeqs) as NoteTag[])
      expect(ix.noteSeqs[tag]).toEqual(seqs((e) => e.kind === 'note' && e.tag === tag));
    expect(ix.faultSends).toEqual(seqs((e) => e.kind === 'send' && !!e.faultId));
    expect(ix.faultSends.length).toBeGreaterThan(0);
  });

  it('the pairs messages went between, in the order of their first message', () => {
    const pairs: string[] = [];
    for (const e of r.events)
      if (e.kind === 'send' && !pairs.includes(`${e.node}>${e.to}`)) pairs.push(`${e.node}>${e.to}`);
    expect(ix.links.map(([a, b]) => `${a}>${b}`)).toEqual(pairs);
  });

  it('every copy of every send finds its arrival (a duplicate has two)', () => {
    const seen = new Map<number, number>();
    let dups = 0;
    for (const e of r.events) {
      if (e.kind !== 'deliver' && e.kind !== 'drop') continue;
      const k = seen.get(e.sendSeq) ?? 0;
      seen.set(e.sendSeq, k + 1);
      if (k > 0) dups++;
      expect(arrivalSeqOf(ix, e.sendSeq, k)).toBe(e.seq);
    }
    expect(dups).toBeGreaterThan(0);
    for (const e of r.events) if (e.kind === 'send') expect(arrivalSeqOf(ix, e.seq, e.copies.length)).toBeUndefined();
  });
});
