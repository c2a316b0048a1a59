/**
 * fast-check generators of random fault schedules, from a pattern's fault surface (`pattern.surface(params)`): drops
 * (bounded in number, so retries eventually get through), duplicates and long delays on the channels it declares,
 * reordering and duplication by the network, and a crash of one of its crashable nodes that is always followed by a
 * recovery. Used by Vitest suites only.
 */
import fc from 'fast-check';
import type { FaultSurface } from '../../engine/pattern';
import type { Fault, NetworkSpec } from '../../engine/types';

export interface Schedule {
  faults: Fault[];
  network: NetworkSpec;
  seed: number;
}

type MsgFault =
  | { kind: 'drop' | 'duplicate'; from: string; to: string; type: string; count: number }
  | { kind: 'delay'; from: string; to: string; type: string; by: number };

export function scheduleArb(surface: FaultSurface): fc.Arbitrary<Schedule> {
  const channels = surface.channels.filter((c) => c.types.length > 0);
  const onChannel = fc
    .constantFrom(...channels)
    .chain((ch) =>
      fc.record({ from: fc.constant(ch.from), to: fc.constant(ch.to), type: fc.constantFrom(...ch.types) }),
    );
  const msgFault: fc.Arbitrary<MsgFault> = fc.oneof(
    fc
      .tuple(onChannel, fc.constantFrom('drop' as const, 'duplicate' as const), fc.integer({ min: 1, max: 2 }))
      .map(([m, kind, count]) => ({ ...m, kind, count })),
    fc.tuple(onChannel, fc.integer({ min: 0, max: 60_000 })).map(([m, by]) => ({ ...m, kind: 'delay' as const, by })),
  );
  const crash =
    surface.crashable.length === 0
      ? fc.constant(undefined)
      : fc.option(
          fc.record({
            node: fc.constantFrom(...surface.crashable),
            at: fc.integer({ min: 0, max: 40_000 }),
            down: fc.integer({ min: 1, max: 30_000 }),
          }),
          { nil: undefined },
        );
  return fc
    .record({
      msgs: channels.length ? fc.array(msgFault, { maxLength: 4 }) : fc.constant([] as MsgFault[]),
      crash,
      reorder: fc.constantFrom(0, 0.5, 1),
      duplicate: fc.constantFrom(0, 0.2),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map(({ msgs, crash, reorder, duplicate, seed }) => {
      const faults: Fault[] = msgs.map((m, i): Fault => {
        const id = `f${i}`;
        const when = { at: 0 };
        const match = { from: m.from, to: m.to, type: m.type };
        if (m.kind === 'delay') return { id, when, do: { delay: match, by: m.by } };
        if (m.kind === 'drop') return { id, when, do: { drop: { ...match, count: m.count } } };
        return { id, when, do: { duplicate: { ...match, count: m.count } } };
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
