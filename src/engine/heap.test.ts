import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './heap';

type Op = { kind: 'push'; t: number } | { kind: 'pop' } | { kind: 'preload'; ts: number[] };

/** Drain a queue driven by ops, returning the labels in pop order. */
function drive(ops: Op[], usePreload: boolean): string[] {
  const q = new EventQueue<string>();
  const out: string[] = [];
  let label = 0;
  for (const op of ops) {
    if (op.kind === 'push') q.push(op.t, `${label++}@${op.t}`);
    else if (op.kind === 'pop') {
      const x = q.pop();
      if (x !== undefined) out.push(`${x}/${q.poppedTime}`);
    } else {
      const items = op.ts.map((t) => `${label++}@${t}`);
      if (usePreload) q.preload(op.ts, items);
      else op.ts.forEach((t, i) => q.push(t, items[i]));
    }
  }
  while (q.size) out.push(`${q.pop()}/${q.poppedTime}`);
  return out;
}

describe('EventQueue', () => {
  it('pops by time, ties in insertion order', () => {
    const q = new EventQueue<string>();
    q.push(5, 'a');
    q.push(1, 'b');
    q.push(5, 'c');
    q.push(1, 'd');
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual(['b', 'd', 'a', 'c', undefined]);
  });

  it('a preloaded run pops in the same order as the same items pushed one by one', () => {
    const time = fc.integer({ min: 0, max: 20 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), t: time }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('preload' as const), ts: fc.array(time, { maxLength: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        expect(drive(ops, true)).toEqual(drive(ops, false));
      }),
      { numRuns: 500 },
    );
  });

  it('size, peekTime and poppedTime count the run', () => {
    const q = new EventQueue<string>();
    q.preload([3, 1, 2], ['x', 'y', 'z']);
    q.push(2, 'w');
    expect(q.size).toBe(4);
    expect(q.peekTime()).toBe(1);
    const popped: [string | undefined, number][] = [];
    for (let i = 0; i < 4; i++) popped.push([q.pop(), q.poppedTime]);
    expect(popped).toEqual([
      ['y', 1],
      ['z', 2],
      ['w', 2],
      ['x', 3],
    ]);
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
  });
});
