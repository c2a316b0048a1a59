/**
 * `npx tsx bench/golden.ts [pattern…]`: one digest line per pattern of everything its runs produce — for a
 * refactor or an optimisation that must not change behaviour, run it before and after and diff the output.
 * Per pattern it hashes, in order:
 * - every named scenario, recorded: every trace event with its node state (JSON), outcomes, invariant results,
 *   lock intervals and stats;
 * - the same scenario at 500 transactions where the pattern has a txCount parameter (the scale path);
 * - 40 lab runs (seeds 1…40) under the "flaky" and "bad-day" fault profiles, batch mode: their full metrics.
 * The hash is cyrb53 (the trace hash's), printed with the counts it covers.
 */
import { cyrb53 } from '../src/engine/hash';
import { namedScenario, simulate, type SimResult } from '../src/engine';
import { FAULT_PRESETS, type LabConfig } from '../src/lab/config';
import { runJob } from '../src/lab/runs';
import { patterns } from '../src/patterns/registry';
import { withTxCount } from '../src/engine/testing/scale';

const only = process.argv.slice(2);

class Digest {
  private h: [number, number] = [0xdeadbeef, 0x41c6ce57];
  items = 0;
  add(x: unknown): void {
    this.h = cyrb53(typeof x === 'string' ? x : JSON.stringify(x), ...this.h);
    this.items++;
  }
  get hex(): string {
    return this.h[1].toString(16).padStart(8, '0') + this.h[0].toString(16).padStart(8, '0');
  }
}

function addRun(d: Digest, r: SimResult): void {
  for (const ev of r.events) d.add(ev);
  d.add(r.initial);
  d.add([r.endTime, r.stoppedBy, r.outcomes, r.invariants, r.locks, r.stats]);
}

for (const p of patterns) {
  if (only.length && !only.includes(p.id)) continue;
  const d = new Digest();
  let events = 0;
  for (const s of p.scenarios) {
    const r = simulate(p, namedScenario(p, s), { referenceCheck: true });
    if (r.referenceMismatches.length) throw new Error(`${p.id}/${s.id}: ${r.referenceMismatches[0]}`);
    addRun(d, r);
    events += r.events.length;
  }
  if (p.params.some((x) => x.key === 'txCount')) {
    const r = simulate(p, withTxCount(p, 500));
    addRun(d, r);
    events += r.events.length;
  }
  let labEvents = 0;
  for (const preset of ['flaky', 'bad-day'] as const) {
    const config: LabConfig = {
      patterns: [p.id],
      workload: { transactions: 100, perSecond: 2, failureRate: 0.05 },
      faults: FAULT_PRESETS[preset],
      runs: 40,
      seed: 1,
    };
    for (let seed = 1; seed <= 40; seed++) {
      const m = runJob(p, config, { pattern: p.id, point: 0, seed });
      d.add(m);
      labEvents += m.events;
    }
  }
  console.log(
    `${p.id.padEnd(12)} ${d.hex}  (${p.scenarios.length} scenarios, ${events} recorded events, 80 lab runs, ${labEvents} lab events)`,
  );
}
