/**
 * fast-check generators of random fault schedules for the compensation patterns' property tests: drops (bounded in
 * number, so retries eventually get through), duplicates, long delays, reordering, and a TM crash that is always
 * followed by a recovery. Used by Vitest suites only.
 */
import fc from 'fast-check';
import type { Fault, NetworkSpec } from '../../engine/types';

export interface Schedule {
  faults: Fault[];
  network: NetworkSpec;
  seed: number;
}

const BRANCH = fc.constantFrom('bob', 'smith');

/**
 * `requests`: the request types a hub (the TM) sends to the branches, replies being `${type}_OK` / `${type}_FAIL`.
 * With `mesh` (choreography: no hub) messages are matched by type and receiver only, `requests` are all the event
 * types, and the crash hits one of `crashable` instead of the TM.
 */
export function scheduleArb(
  requests: string[],
  opts: { mesh?: boolean; crashable?: string[] } = {},
): fc.Arbitrary<Schedule> {
  const replies = opts.mesh ? requests : requests.flatMap((t) => [`${t}_OK`, `${t}_FAIL`]);
  const crashable = opts.crashable ?? ['TM'];
  const msgFault = fc.oneof(
    fc.record({
      kind: fc.constant('drop' as const),
      type: fc.constantFrom(...requests),
      peer: BRANCH,
      count: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({
      kind: fc.constant('dropReply' as const),
      type: fc.constantFrom(...replies),
      peer: BRANCH,
      count: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      type: fc.constantFrom(...requests, ...replies),
      peer: BRANCH,
      count: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({
      kind: fc.constant('delay' as const),
      type: fc.constantFrom(...requests),
      peer: BRANCH,
      by: fc.integer({ min: 0, max: 60_000 }),
    }),
  );
  const crash = fc.option(
    fc.record({
      node: fc.constantFrom(...crashable),
      at: fc.integer({ min: 0, max: 40_000 }),
      down: fc.integer({ min: 1, max: 30_000 }),
    }),
    { nil: undefined },
  );
  return fc
    .record({
      msgs: fc.array(msgFault, { maxLength: 4 }),
      crash,
      reorder: fc.constantFrom(0, 0.5, 1),
      duplicate: fc.constantFrom(0, 0.2),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map(({ msgs, crash, reorder, duplicate, seed }) => {
      const faults: Fault[] = msgs.map((m, i) => {
        const id = `f${i}`;
        const when = { at: 0 };
        const isReply = m.type.endsWith('_OK') || m.type.endsWith('_FAIL');
        const match = opts.mesh
          ? { to: m.peer, type: m.type }
          : isReply
            ? { from: m.peer, to: 'TM', type: m.type }
            : { from: 'TM', to: m.peer, type: m.type };
        switch (m.kind) {
          case 'drop':
          case 'dropReply':
            return { id, when, do: { drop: { ...match, count: m.count } } };
          case 'duplicate':
            return { id, when, do: { duplicate: { ...match, count: m.count } } };
          case 'delay':
            return { id, when, do: { delay: match, by: m.by } };
        }
      });
      if (crash) {
        faults.push({ id: 'crash', when: { at: crash.at }, do: { crash: crash.node } });
        faults.push({ id: 'recover', when: { at: crash.at + crash.down }, do: { recover: crash.node } });
      }
      return {
        faults,
        seed,
        network: { default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate, reorder } },
      };
    });
}
