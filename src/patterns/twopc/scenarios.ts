/**
 * Named scenarios: each seed claim (SEED-EN.md, S-2PC-1 … 4) as a replayable run. Faults are triggered by trace
 * events ("the coordinator's 1st COMMIT send"), not clock times, so they stay right when latencies change.
 */
import type { NamedScenario } from '../../engine/pattern';
import type { Fault } from '../../engine/types';

/** The coordinator crashes as the last vote arrives: it has decided (and, with the log, logged COMMIT) but sent nothing. */
const crashOnLastVote = (n = 3): Fault => ({
  id: 'crash-C-after-votes',
  when: { on: { kind: 'deliver', node: 'C', type: 'VOTE' }, nth: n },
  do: { crash: 'C' },
});

/** The coordinator crashes right after its first COMMIT leaves (to P1): the other COMMITs are never sent. */
const crashAfterFirstCommit: Fault = {
  id: 'crash-C-after-1st-commit',
  when: { on: { kind: 'send', node: 'C', type: 'COMMIT' }, nth: 1 },
  do: { crash: 'C' },
};

export const scenarios: NamedScenario[] = [
  {
    id: 's-2pc-happy',
    claims: [],
    expect: {
      outcomes: { T1: 'committed' },
      invariants: {
        atomicity: 'holds',
        'consistent-now': 'holds',
        termination: 'holds',
        'no-leak': 'holds',
        'bounded-blocking': 'holds',
      },
      neverBreaks: ['atomicity', 'bounded-blocking'],
      durable: { P1: { 'data.x': 1 }, P2: { 'data.x': 1 }, P3: { 'data.x': 1 } },
    },
  },
  {
    id: 's-2pc-abort',
    claims: [],
    workload: [{ at: 10, node: 'app', request: { type: 'BEGIN', tx: 'T1', voteNo: 'P2' } }],
    expect: {
      outcomes: { T1: 'aborted' },
      invariants: { atomicity: 'holds', termination: 'holds', 'no-leak': 'holds' },
      neverBreaks: ['atomicity', 'consistent-now'],
      durable: {
        P1: { 'data.x': 0, 'txs.T1.st': 'aborted' },
        P2: { 'data.x': 0 },
        P3: { 'data.x': 0 },
        C: { log: {} },
      },
    },
  },
  {
    id: 's-2pc-1',
    claims: ['S-2PC-1'],
    // The third party asks for P1's row while T1 is executing there (T1 locks it within ~70 ms of the start).
    params: { thirdPartyAt: 100 },
    expect: {
      outcomes: { T1: 'committed' },
      invariants: { atomicity: 'holds', termination: 'holds', 'no-leak': 'holds', 'bounded-blocking': 'holds' },
      neverBreaks: ['atomicity'],
    },
  },
  {
    id: 's-2pc-2',
    claims: ['S-2PC-2'],
    faults: [crashOnLastVote()],
    expect: {
      outcomes: { T1: 'blocked' },
      invariants: {
        atomicity: 'holds',
        'consistent-now': 'holds',
        termination: 'violated',
        'no-leak': 'violated',
        'bounded-blocking': 'violated',
      },
      neverBreaks: ['atomicity', 'consistent-now'],
      breaks: ['bounded-blocking'],
      durable: {
        C: { 'log.T1.rec': 'COMMIT' },
        P1: { 'txs.T1.st': 'prepared' },
        P2: { 'txs.T1.st': 'prepared' },
        P3: { 'txs.T1.st': 'prepared' },
        C2: { decisions: {} },
      },
    },
  },
  {
    id: 's-2pc-3',
    claims: ['S-2PC-3'],
    // Recovery comes back before the standby's takeover timeout, so it is the coordinator's log that closes the inconsistency.
    faults: [
      crashAfterFirstCommit,
      {
        id: 'recover-C',
        when: { on: { kind: 'send', node: 'C', type: 'COMMIT' }, nth: 1, delay: 600 },
        do: { recover: 'C' },
      },
    ],
    expect: {
      outcomes: { T1: 'committed' },
      invariants: { atomicity: 'holds', 'consistent-now': 'holds', termination: 'holds', 'no-leak': 'holds' },
      breaks: ['consistent-now'],
      neverBreaks: ['atomicity'],
      durable: { P1: { 'data.x': 1 }, P2: { 'data.x': 1 }, P3: { 'data.x': 1 } },
    },
  },
  {
    id: 's-2pc-3-no-recovery',
    claims: ['S-2PC-3'],
    // Nobody else can finish it: the coordinator never returns and no standby is elected.
    // Participants keep asking the dead coordinator (participant timeouts on): nobody answers.
    guards: { reElection: false, participantTimeout: true },
    faults: [crashAfterFirstCommit],
    expect: {
      outcomes: { T1: 'blocked' },
      invariants: { atomicity: 'holds', 'consistent-now': 'violated', termination: 'violated', 'no-leak': 'violated' },
      breaks: ['consistent-now', 'bounded-blocking'],
      durable: {
        P1: { 'data.x': 1, 'txs.T1.st': 'committed' },
        P2: { 'data.x': 0, 'txs.T1.st': 'prepared' },
        P3: { 'data.x': 0, 'txs.T1.st': 'prepared' },
      },
    },
  },
  {
    id: 's-2pc-4',
    claims: ['S-2PC-4'],
    guards: { participantTimeout: true, cooperativeTermination: true },
    faults: [
      crashAfterFirstCommit,
      {
        id: 'crash-P1-after-commit',
        when: { on: { kind: 'deliver', node: 'P1', type: 'COMMIT' }, nth: 1 },
        do: { crash: 'P1' },
      },
    ],
    expect: {
      outcomes: { T1: 'blocked' },
      invariants: { atomicity: 'holds', 'consistent-now': 'violated', termination: 'violated', 'no-leak': 'violated' },
      breaks: ['consistent-now', 'bounded-blocking'],
      durable: {
        P1: { 'txs.T1.st': 'committed' },
        P2: { 'txs.T1.st': 'prepared' },
        P3: { 'txs.T1.st': 'prepared' },
        C2: { decisions: {} },
      },
    },
  },
  {
    id: 's-3pc-coordinator-crash',
    claims: ['S-2PC-2'],
    guards: { threePC: true, participantTimeout: true },
    faults: [crashOnLastVote()],
    expect: {
      outcomes: { T1: 'aborted' },
      invariants: {
        atomicity: 'holds',
        'consistent-now': 'holds',
        termination: 'holds',
        'no-leak': 'holds',
        'bounded-blocking': 'holds',
      },
      neverBreaks: ['atomicity', 'consistent-now', 'bounded-blocking'],
      durable: { P1: { 'txs.T1.st': 'aborted' }, P2: { 'txs.T1.st': 'aborted' }, P3: { 'txs.T1.st': 'aborted' } },
    },
  },
  {
    id: 's-3pc-partition',
    claims: [],
    guards: { threePC: true, participantTimeout: true },
    faults: [
      {
        id: 'isolate-P1',
        when: { on: { kind: 'deliver', node: 'P1', type: 'PRECOMMIT' }, nth: 1 },
        do: { partition: { a: ['P1'], b: ['app', 'C', 'C2', 'P2', 'P3'] } },
      },
    ],
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { atomicity: 'violated', termination: 'holds', 'no-leak': 'holds' },
      breaks: ['atomicity'],
      durable: {
        P1: { 'txs.T1.st': 'committed', 'data.x': 1 },
        P2: { 'txs.T1.st': 'aborted' },
        P3: { 'txs.T1.st': 'aborted' },
      },
    },
  },
];
