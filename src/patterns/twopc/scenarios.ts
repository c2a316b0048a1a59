/**
 * Named scenarios: each seed claim (SEED-EN.md, S-2PC-1 … 4) as a replayable run. Faults are triggered by trace
 * events, not clock times, so they stay right when latencies or parameters change.
 */
import type { NamedScenario } from '../../engine/pattern';

export const scenarios: NamedScenario[] = [
  {
    id: 's-2pc-happy',
    claims: [],
    expect: {
      outcomes: { T1: 'committed' },
      invariants: { atomicity: 'holds', termination: 'holds', 'no-leak': 'holds', 'bounded-blocking': 'holds' },
      neverBreaks: ['atomicity', 'bounded-blocking'],
      durable: { P1: { 'data.x': 1 }, P2: { 'data.x': 1 }, P3: { 'data.x': 1 } },
    },
  },
];
