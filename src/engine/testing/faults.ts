/**
 * Random fault schedules for the messaging patterns' property tests (Vitest only), drawn from the pattern's own fault
 * surface: crashes of its crashable nodes (each followed by a recovery), drops or duplicates of a message type on one
 * of its channels, and loss / duplication on every channel it names. One harness instead of the same scenario
 * builder in every pattern's property.test.ts. (The compensation patterns use compensation/faultgen.ts, which also
 * delays and reorders.)
 */
import fc from 'fast-check';
import type { PatternDef } from '../pattern';
import { baseScenario } from '../scenario';
import type { Fault, LinkOverride, Params, Scenario, Time } from '../types';

export interface CrashPick {
  pick: number;
  at: Time;
  down: Time;
}
export interface MsgPick {
  pick: number;
  at: Time;
  dup: boolean;
  count: number;
}

/** Up to `max` crashes between 0 and `maxAt`, each down for 1 … `maxDown` ms. */
export const crashesArb = (maxAt: Time, maxDown: Time, max: number): fc.Arbitrary<CrashPick[]> =>
  fc.array(
    fc.record({ pick: fc.nat(), at: fc.integer({ min: 0, max: maxAt }), down: fc.integer({ min: 1, max: maxDown }) }),
    { maxLength: max },
  );

/** Up to `max` drops or duplicates (of 1 … `maxCount` messages each), armed between 0 and `maxAt`. */
export const msgFaultsArb = (maxAt: Time, maxCount: number, max: number): fc.Arbitrary<MsgPick[]> =>
  fc.array(
    fc.record({
      pick: fc.nat(),
      at: fc.integer({ min: 0, max: maxAt }),
      dup: fc.boolean(),
      count: fc.integer({ min: 1, max: maxCount }),
    }),
    { maxLength: max },
  );

export interface RandomWorld {
  seed: number;
  loss: number;
  duplicate: number;
  crashes: CrashPick[];
  msgFaults: MsgPick[];
}

/**
 * The pattern's base scenario with `params` over its defaults, its own workload for them, `guards` over its
 * defaults, and the world's faults mapped onto the surface those parameters give.
 */
export function randomScenario(
  p: PatternDef,
  w: RandomWorld,
  params: Params,
  opts: { guards?: Record<string, boolean>; horizon: Time },
): Scenario {
  const base = baseScenario(p, w.seed);
  const all = { ...base.params, ...params };
  const surf = p.surface(all);
  const faults: Fault[] = [];
  w.crashes.forEach((c, i) => {
    const node = surf.crashable[c.pick % surf.crashable.length];
    faults.push({ id: `crash-${i}`, when: { at: c.at }, do: { crash: node } });
    faults.push({ id: `recover-${i}`, when: { at: c.at + c.down }, do: { recover: node } });
  });
  w.msgFaults.forEach((m, i) => {
    const ch = surf.channels[m.pick % surf.channels.length];
    const type = ch.types[m.pick % ch.types.length];
    const matcher = { from: ch.from, to: ch.to, type, count: m.count };
    faults.push({ id: `msg-${i}`, when: { at: m.at }, do: m.dup ? { duplicate: matcher } : { drop: matcher } });
  });
  const links: LinkOverride[] = surf.channels.map((ch) => ({
    from: ch.from,
    to: ch.to,
    loss: w.loss,
    duplicate: w.duplicate,
  }));
  return {
    ...base,
    params: all,
    guards: { ...base.guards, ...opts.guards },
    network: { default: base.network.default, links },
    workload: p.workload(all),
    faults,
    horizon: opts.horizon,
  };
}
