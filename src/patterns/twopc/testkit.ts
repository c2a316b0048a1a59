/** Test helpers for the 2PC pattern: run a named scenario, check an Expectation (the engine's rules), query the trace. */
import type { Expectation, NamedScenario } from '../../engine/pattern';
import { buildReport, checkExpectation } from '../../engine/report';
import { namedScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario } from '../../engine/types';
import { twoPC } from './index';

export function scenarioById(id: string): NamedScenario {
  const s = twoPC.scenarios.find((x) => x.id === id);
  if (!s) throw new Error('no scenario ' + id);
  return s;
}

export function runNamed(id: string, patch: Partial<Scenario> = {}): SimResult {
  return simulate(twoPC, { ...namedScenario(twoPC, scenarioById(id)), ...patch });
}

/** Every mismatch between a run and an expectation, as readable lines (empty: all met). */
export function mismatches(r: SimResult, e: Expectation): string[] {
  return checkExpectation(buildReport(r), e);
}
