/** Test helper: a fault list as { at, crash | recover } for the side-by-side plan's own faults. */
import type { Fault } from '../engine';

export function parseSchedule(faults: readonly Fault[]) {
  return faults
    .filter((f) => f.id.startsWith('side-'))
    .map((f) => {
      const at = 'at' in f.when ? f.when.at : NaN;
      const act = f.do as { crash?: string; recover?: string };
      return act.crash !== undefined ? { at, crash: act.crash } : { at, recover: act.recover };
    });
}
