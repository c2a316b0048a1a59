import { describe, expect, it } from 'vitest';
import { InvariantChecker, type Recheck } from './checkers';
import type { InvariantDef, World } from './pattern';

/** One per-key invariant broken once the key's deadline (`deadline[key]`) has come; it asks to be re-checked then. */
function setup() {
  const deadline: Record<string, number> = {};
  let checks = 0;
  const def: InvariantDef = {
    id: 'by-deadline',
    kind: 'always',
    watch: {
      by: 'key',
      tables: ['locks'],
      keyOf: (c) => c.key,
      check(w, key) {
        checks++;
        const due = deadline[key];
        if (due === undefined) return true;
        return w.t >= due ? false : { ok: true, recheckAt: due };
      },
    },
    reference: () => true,
  };
  const world = { t: 0, states: {}, up: {}, params: {}, db: () => null, nodesOf: () => [] } as unknown as World;
  const queued: { at: number; r: Recheck }[] = [];
  const checker = new InvariantChecker([def], world, (at, r) => queued.push({ at, r }));
  const change = (t: number, key: string, due: number) => {
    deadline[key] = due;
    checker.change('n', 'locks', key, undefined, {});
    checker.flush(t, t);
  };
  return { checker, queued, change, checks: () => checks };
}

describe('InvariantChecker re-checks', () => {
  it('keeps one re-check per key, the earliest: a later one for the same key is not queued, a superseded one is dead', () => {
    const { checker, queued, change, checks } = setup();
    change(0, 'row', 100);
    expect(queued.map((q) => q.at)).toEqual([100]);
    // The lock taken again with the same start, then held by the next transaction (later deadline): the re-check at
    // 100 covers both.
    change(10, 'row', 100);
    change(20, 'row', 150);
    expect(queued.map((q) => q.at)).toEqual([100]);
    // Another key has its own.
    change(20, 'other', 130);
    expect(queued.map((q) => q.at)).toEqual([100, 130]);
    // At 100 the holder's deadline is 150: nothing changes, and it asks for 150.
    expect(checker.recheckWould(queued[0].r, 100)).toBe('none');
    expect(queued.map((q) => q.at)).toEqual([100, 130, 150]);
    // An earlier deadline for the key (a new lock): queued although 150 is, and 150 is then superseded.
    change(110, 'row', 120);
    expect(queued.map((q) => q.at)).toEqual([100, 130, 150, 120]);
    expect(checker.recheckWould(queued[3].r, 120)).toBe('change');
    checker.recheck(queued[3].r, 120, 5);
    expect(checker.results(200, 9)[0].broken[0]).toMatchObject({ from: 120, fromSeq: 5 });
    const before = checks();
    expect(checker.recheckWould(queued[2].r, 150)).toBe('none');
    expect(checks()).toBe(before); // dead without a check
  });
});
