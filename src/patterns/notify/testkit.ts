/** Test helpers for best-effort notification: run a named scenario, check an Expectation, read attempt instants. */
import type { Expectation, NamedScenario } from '../../engine/pattern';
import { buildReport, checkExpectation } from '../../engine/report';
import { namedScenario } from '../../engine/scenario';
import { simulate, type SimResult, type RunOptions } from '../../engine/simulator';
import type { Scenario, TraceEvent } from '../../engine/types';
import { notify } from './index';

export function scenarioById(id: string): NamedScenario {
  const s = notify.scenarios.find((x) => x.id === id);
  if (!s) throw new Error('no scenario ' + id);
  return s;
}

export function scenarioOf(id: string, patch: Partial<Scenario> = {}): Scenario {
  return { ...namedScenario(notify, scenarioById(id)), ...patch };
}

export function runNamed(id: string, patch: Partial<Scenario> = {}, opts: RunOptions = {}): SimResult {
  return simulate(notify, scenarioOf(id, patch), opts);
}

export function mismatches(r: SimResult, e: Expectation): string[] {
  return checkExpectation(buildReport(r), e);
}

type Send = Extract<TraceEvent, { kind: 'send' }>;

/** The platform's NOTIFY sends for an order, in order: one per attempt (duplicates made by the network not included). */
export function notifySends(r: SimResult, tx = 'O1'): Send[] {
  return r.events.filter((e): e is Send => e.kind === 'send' && e.msg.type === 'NOTIFY' && e.msg.tx === tx);
}
