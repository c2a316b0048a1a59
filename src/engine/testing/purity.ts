/**
 * The purity check every pattern's tests use: the same pattern with every reducer fed deep-frozen state and rows
 * (a reducer that mutates its input throws in strict mode), so "same trace with frozen inputs" proves purity.
 */
import type { PatternDef, RoleDef } from '../pattern';
import type { Db, NodeState } from '../types';

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** A step's database whose rows come out deep-frozen. */
export function frozenDb(db: Db): Db {
  return {
    get: (t, k) => deepFreeze(db.get(t, k)),
    has: (t, k) => db.has(t, k),
    size: (t) => db.size(t),
    keys: (t) => db.keys(t),
    newest: (t, n) => db.newest(t, n),
    put: (t, k, row) => db.put(t, k, row),
    del: (t, k) => db.del(t, k),
  };
}

/** The pattern with every reducer fed a deep-frozen copy of its state and frozen rows. */
export function frozenPattern(p: PatternDef): PatternDef {
  return {
    ...p,
    roles: Object.fromEntries(
      Object.entries(p.roles).map(([k, r]) => {
        const role = r as unknown as RoleDef<unknown, unknown>;
        const wrapped: RoleDef<unknown, unknown> = {
          ...role,
          step: (s: NodeState<unknown, unknown>, input, ctx) =>
            role.step(deepFreeze(structuredClone(s)), input, { ...ctx, db: frozenDb(ctx.db) }),
        };
        return [k, wrapped as unknown as RoleDef<never, never>];
      }),
    ),
  };
}
