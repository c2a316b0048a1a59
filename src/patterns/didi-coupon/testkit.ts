/** Test helpers for the Didi order + coupon flow: run a named scenario, check an Expectation, query the trace. */
import type { Expectation, NamedScenario } from '../../engine/pattern';
import { buildReport, checkExpectation } from '../../engine/report';
import { namedScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario, TraceEvent } from '../../engine/types';
import { didiCoupon as pattern } from './index';

export function scenarioById(id: string): NamedScenario {
  const s = pattern.scenarios.find((x) => x.id === id);
  if (!s) throw new Error('no scenario ' + id);
  return s;
}

export function runNamed(id: string, patch: Partial<Scenario> = {}, referenceCheck = false): SimResult {
  return simulate(pattern, { ...namedScenario(pattern, scenarioById(id)), ...patch }, { referenceCheck });
}

export function mismatches(r: SimResult, e: Expectation): string[] {
  return checkExpectation(buildReport(r), e);
}

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

export const evs = <K extends TraceEvent['kind']>(
  r: SimResult,
  kind: K,
  f: (e: Ev<K>) => boolean = () => true,
): Ev<K>[] => r.events.filter((e): e is Ev<K> => e.kind === kind).filter(f);

/** Narration events of one didi.note key. */
export const notes = (r: SimResult, key: string) => evs(r, 'note', (e) => e.key === 'didi.note.' + key);

export const inv = (r: SimResult, id: string) => {
  const i = r.invariants.find((x) => x.id === id);
  if (!i) throw new Error('no invariant ' + id);
  return i;
};
