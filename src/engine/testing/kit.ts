/**
 * The test helpers every pattern's Vitest suites use, made for one pattern: run a named scenario (optionally patched,
 * with run options), check an Expectation with the engine's rules (the CLI's), and query the trace. A pattern's own
 * testkit.ts is one line of this plus whatever only it needs.
 */
import type { Expectation, NamedScenario, PatternDef } from '../pattern';
import { buildReport, checkExpectation } from '../report';
import { namedScenario } from '../scenario';
import { simulate, type RunOptions, type SimResult } from '../simulator';
import type { InvariantResult, Scenario, TraceEvent } from '../types';

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

/** A run's events of one kind that pass `f`. */
export const evs = <K extends TraceEvent['kind']>(
  r: SimResult,
  kind: K,
  f: (e: Ev<K>) => boolean = () => true,
): Ev<K>[] => r.events.filter((e): e is Ev<K> => e.kind === kind).filter(f);

/** Every mismatch between a run and an expectation, as readable lines (empty: all met). */
export function mismatches(r: SimResult, e: Expectation): string[] {
  return checkExpectation(buildReport(r), e);
}

/** A run's verdict for one invariant (throws for an id the pattern does not have). */
export function inv(r: SimResult, id: string): InvariantResult {
  const i = r.invariants.find((x) => x.id === id);
  if (!i) throw new Error('no invariant ' + id);
  return i;
}

export function patternKit(pattern: PatternDef, notePrefix = '') {
  const scenarioById = (id: string): NamedScenario => {
    const s = pattern.scenarios.find((x) => x.id === id);
    if (!s) throw new Error(`${pattern.id}: no scenario ${id}`);
    return s;
  };
  const scenarioOf = (id: string, patch: Partial<Scenario> = {}): Scenario => ({
    ...namedScenario(pattern, scenarioById(id)),
    ...patch,
  });
  return {
    scenarioById,
    scenarioOf,
    /** Run a named scenario; `true` as the third argument runs it with the reference (whole-world) check. */
    runNamed: (id: string, patch: Partial<Scenario> = {}, opts: RunOptions | boolean = {}): SimResult =>
      simulate(pattern, scenarioOf(id, patch), typeof opts === 'boolean' ? { referenceCheck: opts } : opts),
    mismatches,
    evs,
    inv,
    /** Narration events of one note key (under the pattern's note prefix). */
    notes: (r: SimResult, key: string) => evs(r, 'note', (e) => e.key === `${notePrefix}.${key}`),
  };
}
