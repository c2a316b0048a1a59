/** Strings of the two-phase commit pattern (src/patterns/twopc). Chinese keeps the seed's domain words. (English; loaded only when this language is shown.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.2pc.name': meta.name.en,
  'pattern.2pc.desc':
    'A coordinator asks every participant to prepare (vote), then commits only if all voted yes. Prepared participants hold their locks until they learn the outcome — and block if the coordinator is gone. A 3PC variant adds a pre-commit round.',

  'role.2pc.client': 'Application',
  'role.2pc.coordinator': 'Coordinator',
  'role.2pc.standby': 'Standby coordinator',
  'role.2pc.participant': 'Participant',
  'node.2pc.app': 'App / third party',
  'node.2pc.C': 'Coordinator C',
  'node.2pc.C2': 'Standby C2',
  'node.2pc.P1': 'Participant P1',
  'node.2pc.P2': 'Participant P2',
  'node.2pc.P3': 'Participant P3',
  'node.2pc.P4': 'Participant P4',
  'node.2pc.P5': 'Participant P5',

  'scenario.2pc.s-2pc-happy.title': 'Happy path',
  'scenario.2pc.s-2pc-happy.desc':
    'All three participants execute, vote yes, and commit. Watch the locks: each row stays locked from its SQL until COMMIT arrives; consistent-now breaks for a few ms while the COMMITs travel.',
  'scenario.2pc.s-2pc-abort.title': 'One participant votes no',
  'scenario.2pc.s-2pc-abort.desc':
    'P2 fails its prepare-time check and votes no; the coordinator aborts everywhere (presumed abort: nothing logged). Atomicity holds.',
  'scenario.2pc.s-2pc-1.title': 'S-2PC-1 Synchronous blocking',
  'scenario.2pc.s-2pc-1.desc':
    'A third party wants the row T1 holds on P1. Its request waits on the lock until T1 commits (S-2PC-1): every participant is blocked for the whole protocol.',
  'scenario.2pc.s-2pc-2.title': 'S-2PC-2 Coordinator crashes in phase 2',
  'scenario.2pc.s-2pc-2.desc':
    'The coordinator logs COMMIT and crashes before sending it. Participants stay prepared holding locks; the standby C2 takes over but, without C’s log, finds them all prepared and cannot decide (S-2PC-2).',
  'scenario.2pc.s-2pc-3.title': 'S-2PC-3 COMMIT reaches only some participants',
  'scenario.2pc.s-2pc-3.desc':
    'The coordinator crashes right after its first COMMIT: P1 commits, P2 and P3 cannot — consistent-now is broken (S-2PC-3). When C recovers it reads COMMIT from its log, re-sends it and closes the window.',
  'scenario.2pc.s-2pc-3-no-recovery.title': 'S-2PC-3 without recovery',
  'scenario.2pc.s-2pc-3-no-recovery.desc':
    'Same fault, but the coordinator never comes back and no standby is elected: P1 has committed, P2 and P3 stay in doubt holding locks — the data stays inconsistent (S-2PC-3).',
  'scenario.2pc.s-2pc-4.title': 'S-2PC-4 What 2PC cannot solve',
  'scenario.2pc.s-2pc-4.desc':
    'The coordinator crashes right after sending COMMIT to P1 alone, and P1 crashes too. C2 takes over and P2, P3 ask each other (cooperative termination): all are prepared, nobody knows whether T1 committed (S-2PC-4).',
  'scenario.2pc.s-3pc-coordinator-crash.title': '3PC: coordinator crash',
  'scenario.2pc.s-3pc-coordinator-crash.desc':
    'The S-2PC-2 crash under 3PC: participants waiting for PreCommit time out and abort, so survivors decide and release their locks — 3PC fixes this blocking case (no partitions).',
  'scenario.2pc.s-3pc-partition.title': '3PC: network partition',
  'scenario.2pc.s-3pc-partition.desc':
    'P1 receives PreCommit and is then cut off: it times out and commits, while the coordinator, missing P1’s ack, aborts P2 and P3. Atomicity breaks — 3PC is not safe under partitions.',

  'param.2pc.participants': 'Participants',
  'param.2pc.participants.help': 'Number of participants (resource managers), each with its own database.',
  'param.2pc.txCount': 'Transactions',
  'param.2pc.txCount.help': 'How many global transactions the application starts; they all update the same row.',
  'param.2pc.txGap': 'Gap between transactions',
  'param.2pc.txGap.help': 'Virtual time between two transactions’ starts.',
  'param.2pc.workTime': 'Local work time',
  'param.2pc.workTime.help':
    'Time a participant needs to execute the transaction’s SQL (it holds the row lock from the start).',
  'param.2pc.voteTimeout': 'Vote timeout',
  'param.2pc.voteTimeout.help':
    'How long the coordinator waits for all votes (and the application for all branches) before aborting.',
  'param.2pc.participantTimeout': 'Participant timeout',
  'param.2pc.participantTimeout.help':
    'How long a participant waits for PREPARE before aborting on its own, and for the outcome before it considers itself in doubt.',
  'param.2pc.queryInterval': 'Query / retry interval',
  'param.2pc.queryInterval.help':
    'First interval of outcome queries and decision re-sends; doubled after each try, up to 8×.',
  'param.2pc.takeoverTimeout': 'Takeover timeout',
  'param.2pc.takeoverTimeout.help': 'Silence of the coordinator’s heartbeats after which the standby takes over.',
  'param.2pc.lockBound': 'Lock bound',
  'param.2pc.lockBound.help': 'Longest acceptable lock hold; longer breaks “bounded blocking”.',
  'param.2pc.thirdPartyAt': 'Third-party request at',
  'param.2pc.thirdPartyAt.help': 'When a third party asks P1 for the row (0 = no third party).',
  'param.2pc.voteNoProb': 'Vote-no probability',
  'param.2pc.voteNoProb.help': 'Chance that a branch fails its prepare-time checks and votes no.',

  'guard.2pc.decisionLog': 'Coordinator decision log',
  'guard.2pc.decisionLog.desc':
    'Force-write COMMIT to the coordinator’s log before sending it; a restarted coordinator re-sends it and answers queries. Off: a restarted coordinator knows nothing and presumes abort.',
  'guard.2pc.reElection': 'Standby coordinator (re-election)',
  'guard.2pc.reElection.desc':
    'A standby coordinator watches C’s heartbeats and takes over when they stop. It has no access to C’s log: it can only ask the participants what they know.',
  'guard.2pc.participantTimeout': 'Participant timeouts',
  'guard.2pc.participantTimeout.desc':
    'A participant that has not voted aborts after a timeout; a prepared one keeps asking the coordinator for the outcome.',
  'guard.2pc.cooperativeTermination': 'Cooperative termination',
  'guard.2pc.cooperativeTermination.desc':
    'A participant in doubt asks the other participants: if one has committed or aborted, or has not voted, the question is settled; if all are prepared it stays blocked.',
  'guard.2pc.threePC': 'Three-phase commit (3PC)',
  'guard.2pc.threePC.desc':
    'CanCommit / PreCommit / DoCommit. Timeout before PreCommit → abort, after → commit. Fixes blocking on a coordinator crash; unsafe under partitions.',

  'inv.atomicity': 'Atomicity',
  'inv.atomicity.desc': 'No participant committed a transaction another participant aborted (TCConsistent).',
  'inv.consistent-now': 'Consistent now',
  'inv.consistent-now.desc':
    'At this instant no participant has committed a transaction that another has not (yet): every read sees all or none of it.',
  'inv.termination': 'Termination',
  'inv.termination.desc': 'Eventually every participant has decided every transaction.',
  'inv.no-leak': 'No leaked lock',
  'inv.no-leak.desc': 'Eventually no participant holds a lock.',
  'inv.bounded-blocking': 'Bounded blocking',
  'inv.bounded-blocking.desc': 'No lock is held longer than the lock bound.',

  '2pc.status.idle': 'idle',
  '2pc.status.working': 'working',
  '2pc.status.executing': 'executing',
  '2pc.status.executed': 'executed, not voted',
  '2pc.status.prepared': 'prepared',
  '2pc.status.precommitted': 'pre-committed',
  '2pc.status.committed': 'committed',
  '2pc.status.aborted': 'aborted',
  '2pc.status.blocked': 'blocked (in doubt)',
  '2pc.status.c.idle': 'idle',
  '2pc.status.c.voting': 'collecting votes',
  '2pc.status.c.precommit': 'pre-committing',
  '2pc.status.c.committing': 'committing',
  '2pc.status.c.aborting': 'aborting',
  '2pc.status.c.done-commit': 'committed',
  '2pc.status.c.done-abort': 'aborted',
  '2pc.status.c2.standby': 'standby',
  '2pc.status.c2.watching': 'watching C',
  '2pc.status.c2.active': 'took over',
  '2pc.status.c2.stuck': 'took over, cannot decide',
  '2pc.status.a.exec': 'running SQL',
  '2pc.status.a.commit': 'committing',
  '2pc.status.a.rollback': 'rolling back',
  '2pc.status.a.waiting': 'waiting for a lock',

  '2pc.row.more': 'older rows',
  '2pc.table.txs': 'Transaction records (durable)',
  '2pc.table.log': 'Log (durable)',
  '2pc.table.work': 'Executing (memory)',
  '2pc.table.queue': 'Lock wait queue (memory)',
  '2pc.table.clog': 'Decision log (durable)',
  '2pc.table.gtx': 'Transactions in progress (memory)',
  '2pc.table.decisions': 'Decisions after takeover (durable)',
  '2pc.table.learned': 'What participants reported (memory)',
  '2pc.table.results': 'Outcomes (durable)',
  '2pc.col.tx': 'transaction',
  '2pc.col.state': 'state',
  '2pc.col.value': 'value',
  '2pc.col.since': 'since (ms)',
  '2pc.col.record': 'record',
  '2pc.col.executed': 'executed',
  '2pc.col.kind': 'kind',
  '2pc.col.parts': 'participants',
  '2pc.col.phase': 'phase',
  '2pc.col.votes': 'votes',
  '2pc.col.acks': 'acknowledged',
  '2pc.col.decision': 'decision',
  '2pc.col.states': 'states reported',
  '2pc.col.outcome': 'outcome',
  '2pc.col.start': 'began (ms)',
  '2pc.col.end': 'ended (ms)',
  '2pc.row.data': 'data',
  '2pc.row.log': 'log',
  '2pc.row.votes': 'votes',
  '2pc.row.acks': 'acknowledged',
  '2pc.row.waiting': 'lock queue',
  '2pc.row.inDoubt': 'in doubt',
  '2pc.row.coordinator': 'coordinator',
  '2pc.row.thirdParty': 'third party waits on',

  '2pc.note.begin': 'The application starts {{tx}} and runs its SQL on every participant.',
  '2pc.note.lockAcquired': '{{tx}} locks row {{row}} and executes.',
  '2pc.note.lockWait': '{{tx}} waits: row {{row}} is locked by {{holder}}.',
  '2pc.note.phase1': 'Phase 1: the coordinator asks {{n}} participants to prepare {{tx}}.',
  '2pc.note.voteYes': 'Votes yes on {{tx}}: prepared, logged, locks kept — it may no longer decide alone.',
  '2pc.note.voteNo': 'Votes no on {{tx}} and rolls back.',
  '2pc.note.logCommit': 'Force-writes COMMIT {{tx}} to its log before sending it.',
  '2pc.note.decideCommit': 'All voted yes: the coordinator decides COMMIT for {{tx}}.',
  '2pc.note.decideAbortNo': 'A participant voted no: the coordinator decides ABORT for {{tx}}.',
  '2pc.note.decideAbortTimeout': 'Not all votes arrived in time: the coordinator decides ABORT for {{tx}}.',
  '2pc.note.decideAbortRequested': 'The application asked to roll back {{tx}}: ABORT.',
  '2pc.note.decideAbortPrecommitTimeout': '3PC: not every PreCommit was acknowledged: the coordinator aborts {{tx}}.',
  '2pc.note.precommit3pc': '3PC: all voted yes; the coordinator sends PreCommit for {{tx}}.',
  '2pc.note.precommitted': '3PC: pre-committed {{tx}}; on a timeout from now on it will commit.',
  '2pc.note.commit': 'Commits {{tx}} and releases its locks.',
  '2pc.note.abort': 'Aborts {{tx}} and releases its locks.',
  '2pc.note.allAcked': 'Every participant acknowledged {{tx}}: the coordinator forgets it.',
  '2pc.note.presumedAbort': 'No record of {{tx}}: presumed abort, tells {{p}} ABORT.',
  '2pc.note.recoverResend': 'Recovered: its log says COMMIT {{tx}}; re-sends it.',
  '2pc.note.recoverNothing': 'Recovered: nothing unfinished in its log.',
  '2pc.note.recoverAmnesia': 'Recovered without a decision log: it remembers no transaction.',
  '2pc.note.recoverPrepared': 'Recovered: {{tx}} is still prepared in its log — in doubt, locks held.',
  '2pc.note.inDoubt': 'In doubt on {{tx}}: prepared, no outcome — blocked holding the lock on {{row}}.',
  '2pc.note.timeoutAbort': 'No PREPARE for {{tx}} in time: aborts it on its own (it has not voted yet).',
  '2pc.note.timeoutAbort3pc': '3PC timeout before PreCommit: aborts {{tx}}.',
  '2pc.note.timeoutCommit3pc': '3PC timeout after PreCommit: commits {{tx}}.',
  '2pc.note.conflictCommit':
    'Got COMMIT for {{tx}} but it already aborted it (or never prepared): the outcomes disagree!',
  '2pc.note.conflictAbort': 'Got ABORT for {{tx}} but it already committed: the outcomes disagree!',
  '2pc.note.coopAbortUnvoted': 'Asked by a peer about {{tx}}, which it has not voted on: aborts it.',
  '2pc.note.coopLearnedCommit': 'Learned from {{peer}} that {{tx}} committed: commits too.',
  '2pc.note.coopLearnedAbort': 'Learned from {{peer}} that {{tx}} aborted: aborts too.',
  '2pc.note.coopPeerInDoubt': '{{peer}} is in doubt on {{tx}} too: nobody can decide.',
  '2pc.note.takeoverAbortUnvoted': 'The new coordinator asks; {{tx}} was not voted on: aborts it.',
  '2pc.note.takeover':
    'No heartbeat from C: the standby takes over — without C’s log, it can only ask the participants.',
  '2pc.note.c2Commit': 'A participant committed {{tx}}: the standby completes the commit.',
  '2pc.note.c2Abort': 'A participant aborted {{tx}} or never voted: the standby aborts it.',
  '2pc.note.c2Commit3pc': '3PC termination: a participant pre-committed {{tx}}: commit.',
  '2pc.note.c2Abort3pc': '3PC termination: nobody pre-committed {{tx}}: abort.',
  '2pc.note.c2CannotDecide':
    'Every reachable participant is prepared on {{tx}}: the standby cannot know the outcome — blocked.',
  '2pc.note.thirdPartyAsks': 'A third party asks {{p}} for row x.',
  '2pc.note.thirdPartyWaits': 'The third party waits: row {{row}} is locked by {{holder}}.',
  '2pc.note.thirdPartyGranted': 'Row {{row}} granted to the third party after {{waited}} ms.',
  '2pc.note.thirdPartyDone': 'The third party got the row on {{p}} after waiting {{waited}} ms.',
  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.2pc.happy': 'How 2PC commits',
  'tour.2pc.happy.1': 'Phase 1: coordinator C asks P1, P2 and P3 to prepare transaction T1.',
  'tour.2pc.happy.2':
    'Each participant writes a prepare record, keeps its row lock and votes yes. From now on it may not decide alone: it must wait for C.',
  'tour.2pc.happy.3':
    'All three voted yes: C writes COMMIT to its log first (the coordinator log), then sends the decision to everyone.',
  'tour.2pc.happy.4':
    'Every participant committed and acknowledged; the locks are released. This is the only path where 2PC is cheap.',
  'tour.2pc.blocking': 'Synchronous blocking (S-2PC-1)',
  'tour.2pc.blocking.1':
    'A third party wants row x on P1, but T1 holds that lock through both phases: the third party has to wait — blocking (S-2PC-1).',
  'tour.2pc.blocking.2':
    'Only when COMMIT reaches P1 is the lock released and the third party served: it waited for the whole of both phases.',
  'tour.2pc.spof': 'The coordinator is a single point of failure (S-2PC-2)',
  'tour.2pc.spof.1':
    'C has collected all three yes votes and crashes before sending any decision. Every participant is prepared and holds its lock.',
  'tour.2pc.spof.2':
    'The coordinator has crashed; P2 voted yes and now holds its lock with no way to learn the decision — blocking. It may neither commit nor abort on its own.',
  'tour.2pc.spof.3':
    'Standby C2 takes over and asks everyone: all are prepared, none knows the decision. Electing a new coordinator does not unblock them (S-2PC-2).',
  'tour.2pc.inconsistent': 'Commit reaches only some participants (S-2PC-3)',
  'tour.2pc.inconsistent.1': 'C decided commit and sent COMMIT to P1 only — then crashed.',
  'tour.2pc.inconsistent.2':
    'P1 commits; P2 and P3 are still prepared, holding their locks. The data is inconsistent for now (S-2PC-3).',
  'tour.2pc.inconsistent.3':
    'C recovers, reads COMMIT in its log and resends it: the coordinator log repairs the damage — but only because C came back.',
  'tour.2pc.unknowable': 'What 2PC cannot solve (S-2PC-4)',
  'tour.2pc.unknowable.1':
    'C sent COMMIT to P1 alone and crashed; P1 crashed right after receiving it. The only two nodes that know the decision are down.',
  'tour.2pc.unknowable.2':
    'C2 asks around: P2 and P3 are prepared, P1 and C do not answer. Nobody alive knows whether T1 committed (S-2PC-4): P2 and P3 stay blocked.',
  'tour.2pc.3pc': 'What 3PC fixes, and what it does not',
  'tour.2pc.3pc.1':
    '3PC, same crash after the votes: nobody received PRECOMMIT, so on timeout each participant can safely abort on its own — no blocking.',
  'tour.2pc.3pc.2':
    'But 3PC does not survive a partition: P1, cut off after PRECOMMIT, times out and commits, while C aborted P2 and P3 — atomicity is broken.',
};

export default en;
