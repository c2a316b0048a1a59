/**
 * Writing a scenario as JSON (the file format src/scenario/schema.ts reads). A module of its own, without the
 * schema: the address bar's link (encode.ts) writes a scenario at every start and needs neither valibot nor every
 * pattern's definition, which the schema imports to check a file. [issue 15: Lighthouse, total blocking time]
 */
import type { Expectation } from '../engine/pattern';
import type { Scenario } from '../engine/types';

/** Stable, pretty JSON of a scenario: fixed field order, params and guards sorted by key. */
export function scenarioToJson(s: Scenario, expect?: Expectation): string {
  const sorted = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]] as const),
    );
  const out: Record<string, unknown> = { version: s.version, pattern: s.pattern };
  if (s.name !== undefined) out.name = s.name;
  if (s.title !== undefined) out.title = s.title;
  out.seed = s.seed;
  out.horizon = s.horizon;
  out.params = sorted(s.params);
  out.guards = sorted(s.guards);
  out.network = s.network;
  out.workload = s.workload;
  out.faults = s.faults;
  if (expect !== undefined) out.expect = expect;
  return JSON.stringify(out, null, 2) + '\n';
}
