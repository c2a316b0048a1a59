/** Test helpers for best-effort notification: the shared kit (engine/testing/kit.ts) made for it, and attempt instants. */
import { patternKit } from '../../engine/testing/kit';
import type { SimResult } from '../../engine/simulator';
import type { TraceEvent } from '../../engine/types';
import { notify } from './index';

export const { scenarioById, scenarioOf, runNamed, mismatches, evs, notes, inv } = patternKit(notify, 'notify.note');

type Send = Extract<TraceEvent, { kind: 'send' }>;

/** The platform's NOTIFY sends for an order, in order: one per attempt (duplicates made by the network not included). */
export function notifySends(r: SimResult, tx = 'O1'): Send[] {
  return r.events.filter((e): e is Send => e.kind === 'send' && e.msg.type === 'NOTIFY' && e.msg.tx === tx);
}
