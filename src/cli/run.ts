/** The CLI path shared by the CLI and the examples test: text → validated scenario → simulation → report. */
import { simulate } from '../engine/simulator';
import type { Expectation } from '../engine/pattern';
import { getPattern } from '../patterns/registry';
import { scenarioError } from '../scenario/errors';
import { parseScenario, type ScenarioError } from '../scenario/schema';
import { buildReport, type RunReport } from './report';

export type RunFileResult = { ok: true; report: RunReport; expect?: Expectation } | { ok: false; error: ScenarioError };

export function runScenarioText(text: string): RunFileResult {
  const parsed = parseScenario(text);
  if (!parsed.ok) return parsed;
  const pattern = getPattern(parsed.scenario.pattern);
  if (!pattern)
    return {
      ok: false,
      error: scenarioError('pattern', 'unknownPattern', { pattern: parsed.scenario.pattern, known: '' }),
    };
  const result = simulate(pattern, parsed.scenario, { record: true });
  const report = buildReport(result);
  return parsed.expect ? { ok: true, report, expect: parsed.expect } : { ok: true, report };
}
