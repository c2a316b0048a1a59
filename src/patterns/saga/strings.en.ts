/** Strings of the Saga pattern (src/patterns/saga). Chinese keeps the seed's domain words (补偿, 空补偿, 幂等…). (English; loaded only when this language is shown.) */
import { meta } from './meta';
import tcc from '../tcc/strings.en';

// The invariant names and descriptions shared with TCC.
const shared = Object.fromEntries(Object.entries(tcc).filter(([k]) => k.startsWith('inv.')));

const en: Record<string, string> = {
  'pattern.saga.name': meta.name.en,
  'pattern.saga.desc':
    'The same transfer as forward steps — T1 debit Bob, T2 credit Smith — each with a compensation. A coordinator runs the steps in order; if one fails it runs the compensations in reverse order, retrying each until it succeeds. No reservations: every step is visible to others at once (no isolation).',

  'role.saga.client': 'Client / third party',
  'role.saga.tm': 'Saga coordinator',
  'role.saga.payer': 'Payer account service',
  'role.saga.payee': 'Payee account service',
  'node.saga.client': 'Client / auditor',
  'node.saga.TM': 'Saga coordinator',
  'node.saga.bob': 'Bob’s account service',
  'node.saga.smith': 'Smith’s account service',

  'scenario.saga.saga-happy.title': 'Saga: Bob transfers to Smith',
  'scenario.saga.saga-happy.desc':
    'T1 debits Bob, then T2 credits Smith; each step commits locally at once. Watch the money in transit between the two steps.',
  'scenario.saga.saga-compensate.title': 'A step fails → compensate in reverse',
  'scenario.saga.saga-compensate.desc':
    'T2 (credit Smith) fails, so the coordinator runs C2 and then C1. C2 is an empty compensation: with the barrier it does nothing; without it, it takes 30 from Smith that he never received.',
  'scenario.saga.saga-compensation-retry.title': 'A compensation keeps failing',
  'scenario.saga.saga-compensation-retry.desc':
    'C1 (refund Bob) fails three times; the coordinator retries after 10, 20 and 40 s until it succeeds. A compensation may not give up — it must be retried, so it must be idempotent.',
  'scenario.saga.saga-dirty-read.title': 'Dirty read (no isolation)',
  'scenario.saga.saga-dirty-read.desc':
    'Steps in credit-first order; Bob cannot pay 150. The auditor reads Smith’s balance after T1 credited him: 200. Then C1 takes the money back — the value the auditor saw never really existed (no-dirty-read turns red at that compensation). Compare with TCC’s “No dirty read”.',
  'scenario.saga.saga-idempotency.title': 'Duplicate action (幂等)',
  'scenario.saga.saga-idempotency.desc':
    'The network delivers T2 to Smith twice. Without the barrier Smith is credited twice; with it the duplicate is skipped.',
  'scenario.saga.saga-tm-crash.title': 'Coordinator crashes',
  'scenario.saga.saga-tm-crash.desc':
    'The coordinator sends T2 and crashes; Smith’s reply is lost. On recovery it re-sends T2 from its log: with the barrier the repeat is skipped, without it Smith is credited twice.',

  'param.saga.amount': 'Amount',
  'param.saga.amount.help': 'How much Bob transfers to Smith.',
  'param.saga.bobBalance': 'Bob’s balance',
  'param.saga.bobBalance.help': 'Bob’s initial available balance.',
  'param.saga.smithBalance': 'Smith’s balance',
  'param.saga.smithBalance.help': 'Smith’s initial available balance.',
  'param.saga.txCount': 'Transfers',
  'param.saga.txCount.help':
    'How many transfers the client starts (g1, g2, …), one every “gap between transfers”. Thousands show the tables view and the counts.',
  'param.saga.txGap': 'Gap between transfers',
  'param.saga.txGap.help': 'Virtual time between two transfers’ starts (ms).',
  'param.saga.order': 'Step order',
  'param.saga.order.help': 'Debit Bob first (the usual advice) or credit Smith first.',
  'param.saga.retryInterval': 'Retry interval',
  'param.saga.retryInterval.help':
    'Base wait before an unanswered step is retried; how it grows is the framework’s (generic: doubles; dtm: 20 s / 10 s after failures; Seata: every 1 s).',
  'param.saga.failStep': 'Step fails at',
  'param.saga.failStep.help': 'Which account service answers FAILURE to its forward action.',
  'param.saga.transientBranch': 'Transient failures at',
  'param.saga.transientBranch.help': 'Which account service’s compensation fails transiently.',
  'param.saga.compensateFailures': 'Compensation failures',
  'param.saga.compensateFailures.help': 'How many times the compensation fails there before it succeeds.',
  'param.saga.auditAt': 'Audit at',
  'param.saga.auditAt.help': 'When a third party reads a balance (0: never).',
  'param.saga.auditTarget': 'Audited account',
  'param.saga.auditTarget.help': 'Whose balance the third party reads.',

  'guard.saga.barrier': 'Barrier',
  'guard.saga.barrier.desc':
    'dtm’s sub-transaction barrier for action / compensate: a compensation whose action never committed is an empty compensation (skipped), a duplicate is skipped, an action arriving after its compensation is refused.',

  'saga.status.idle': 'idle',
  'saga.status.working': 'working',
  'saga.status.none': 'no record',
  'saga.status.forward': 'running steps',
  'saga.status.compensating': 'compensating',
  'saga.status.succeeded': 'succeeded',
  'saga.status.aborted': 'compensated',
  'saga.status.done': 'step done',
  'saga.status.failed': 'step failed',
  'saga.status.compensated': 'compensated',
  'saga.status.emptyCompensation': 'empty compensation',
  'saga.status.refusedAction': 'late action refused',

  'saga.row.available': 'available',
  'saga.row.frozen': 'frozen',
  'saga.row.pending': 'pending credit',
  'saga.row.tx': 'step tx',
  'saga.row.barrier': 'barrier row',
  'saga.row.applied': 'handler runs',
  'saga.row.handled': 'requests handled',
  'saga.row.result': 'result',
  'saga.row.read': 'balance read',
  'saga.row.gtx': 'saga',
  'saga.row.step': 'step',
  'saga.row.retry': 'retries · next interval',
  'saga.row.awaiting': 'awaiting',
  'saga.row.more': 'more rows',
  'saga.row.txCount': 'transactions',
  'saga.row.barrierCount': 'barrier rows',
  'saga.row.resultCount': 'results',
  'saga.row.gtxCount': 'transactions · open',
  'saga.table.status': 'Branch transactions',
  'saga.table.frozen': 'Frozen (reservations)',
  'saga.table.pending': 'Pending credit (reservations)',
  'saga.table.settled': 'Settled transfers',
  'saga.table.applied': 'Handler runs',
  'saga.table.moved': 'Balance moved per transfer',
  'saga.table.barrier': 'Barrier table',
  'saga.table.txs': 'Global transactions',
  'saga.table.awaiting': 'Awaiting replies',
  'saga.table.results': 'Results',
  'saga.table.reads': 'Balance reads',
  'saga.col.gid': 'gid',
  'saga.col.status': 'status',
  'saga.col.amount': 'amount',
  'saga.col.handler': 'handler',
  'saga.col.runs': 'runs',
  'saga.col.branch': 'branch',
  'saga.col.op': 'op',
  'saga.col.reason': 'written by',
  'saga.col.phase': 'phase',
  'saga.col.retries': 'retries',
  'saga.col.interval': 'next interval (ms)',
  'saga.col.request': 'request',
  'saga.col.outcome': 'outcome',
  'saga.col.time': 'time (ms)',
  'saga.col.node': 'account',
  'saga.col.balance': 'balance',
  'saga.col.effects': 'settled effects seen',
  'saga.table.outbox': 'Outbox',
  'saga.col.eid': 'event id',
  'saga.col.to': 'to',
  'saga.col.type': 'event',

  'saga.note.transfer': 'Client submits saga {{gid}}: transfer {{amount}} from Bob to Smith.',
  'saga.note.read': 'Third party reads {{node}}’s balance: {{balance}}.',
  'saga.note.begin': 'Coordinator logs saga {{gid}} ({{amount}}) and runs the first step.',
  'saga.note.decideCompensate':
    '{{step}} failed at {{node}}: the coordinator logs “compensate” for {{gid}} and compensates in reverse order.',
  'saga.note.retry': 'Coordinator retries {{step}} of {{gid}} (retry {{n}}); next retry in {{next}} ms.',
  'saga.note.branchError': '{{node}} answered an error to {{step}} of {{gid}}; the coordinator will retry.',
  'saga.note.finished.succeeded': 'Saga {{gid}} succeeded: every step done.',
  'saga.note.finished.aborted': 'Saga {{gid}} compensated: every attempted step undone.',
  'saga.note.recover.forward': 'Coordinator recovers: saga {{gid}} was at {{step}}; it runs it again.',
  'saga.note.recover.compensating':
    'Coordinator recovers: saga {{gid}} was compensating at {{step}}; it runs it again.',
  'saga.note.transientFail': '{{node}}: {{op}} of {{gid}} fails transiently ({{n}} of {{of}}); nothing is written.',
  'saga.note.barrier.empty':
    '{{node}}: barrier — compensation of {{gid}} found no action: empty compensation, nothing to undo.',
  'saga.note.barrier.duplicate': '{{node}}: barrier — {{op}} of {{gid}} already done: duplicate skipped.',
  'saga.note.barrier.refused': '{{node}}: barrier — action of {{gid}} arrived after its compensation: refused.',
  'saga.note.businessFail.rejected': '{{node}} answers FAILURE to the action of {{gid}}.',
  'saga.note.businessFail.insufficient': '{{node}}: not enough available money for {{gid}}; the action fails.',
  'saga.note.applied.action': '{{node}}: action of {{gid}} applied ({{amount}}), visible to everyone at once.',
  'saga.note.applied.compensate': '{{node}}: compensation of {{gid}} undoes {{amount}}.',
  'saga.note.duplicateApplied': '{{node}}: {{op}} of {{gid}} ran a second time — applied twice (not idempotent).',
  'saga.note.emptyApplied':
    '{{node}}: compensation of {{gid}} ran although its action never did — empty compensation executed.',
  'saga.note.hangingApplied': '{{node}}: action of {{gid}} ran after its compensation — nothing will undo it.',
  'role.saga.payerEvents': 'Payer account service (events)',
  'role.saga.payeeEvents': 'Payee account service (events)',
  'scenario.saga.saga-tm-crash-compensate.title': 'TM crashes while compensating (books wrong, sum right)',
  'scenario.saga.saga-tm-crash-compensate.desc':
    'Smith’s step fails; the empty compensation C2 takes 30 from Smith (no barrier), then the TM sends Bob’s refund C1 and crashes. Recovery sends C1 again and Bob is refunded twice: Bob 130, Smith 20. The total is still 150, so conservation holds at the end — but every account’s balance is checked against what the business expects, so “every account right” breaks and the outcome is inconsistent, not a clean abort. With the barrier both extra runs are skipped.',
  'scenario.saga.saga-choreography.title': 'Choreography: no coordinator',
  'scenario.saga.saga-choreography.desc':
    'Bob’s service debits him and, in the same local transaction, writes an event for Smith’s service into its outbox; a relay publishes it until Smith acknowledges. Nobody holds the whole picture: the client learns the result from the last service.',
  'scenario.saga.saga-choreography-compensate.title': 'Choreography: compensation by events',
  'scenario.saga.saga-choreography-compensate.desc':
    'Smith’s service fails its step and publishes a compensation event back to Bob’s service, which refunds him and tells the client the saga was aborted.',
  'scenario.saga.saga-choreography-lost-ack.title': 'Choreography: a lost ack (幂等)',
  'scenario.saga.saga-choreography-lost-ack.desc':
    'Smith’s ack is lost, so Bob’s outbox relay publishes the event again (at-least-once). Without the barrier Smith is credited twice; with it the repeat is skipped.',
  'param.saga.coordination': 'Coordination',
  'param.saga.coordination.help':
    'Orchestration: a coordinator drives the steps (dtm, Seata state machine). Choreography: services publish events to each other through an outbox.',
  'saga.row.outbox': 'outbox event',
  'saga.note.publish':
    '{{node}} publishes {{type}} of {{gid}} to {{to}} (written to its outbox in the same local transaction).',
  'saga.note.relay': '{{node}}’s outbox relay publishes {{n}} unacknowledged event(s) again.',
  ...shared,

  'param.saga.framework': 'Framework',
  'param.saga.maxRetries': 'Retry cap',
  'param.saga.maxRetries.help':
    'How many retries before the framework gives up on a branch (0: no cap, retried until it succeeds).',
  'guard.saga.business': 'Business code guards itself',
  'guard.saga.business.desc':
    'The business team writes what the framework leaves to it: skip a repeated request, do nothing for an undo with nothing done, refuse a forward step after its undo — from its own status rows. Off: the naive code.',
  'saga.table.fence': 'Seata tcc_fence_log',
  'saga.table.plog': 'Framework participant log',
  'saga.col.xid': 'xid',
  'saga.col.action': 'action_name',
  'saga.col.fw': 'framework',
  'saga.fence.tried': 'tried (1)',
  'saga.fence.committed': 'committed (2)',
  'saga.fence.rollbacked': 'rollbacked (3)',
  'saga.fence.suspended': 'suspended (4)',
  'saga.row.fw': 'framework',
  'saga.row.fence': 'fence row',
  'saga.row.plog': 'participant log',
  'saga.note.gaveUp':
    'The framework gives up on {{gid}} after {{n}} retries (retry cap): its branches are left as they are.',
  'saga.note.business.empty': '{{node}}: business code — {{op}} of {{gid}} has nothing to undo: does nothing.',
  'saga.note.business.duplicate': '{{node}}: business code — {{op}} of {{gid}} already ran: skipped.',
  'saga.note.business.refused': '{{node}}: business code — {{op}} of {{gid}} arrived after its undo: refused.',
  'saga.note.fence.empty':
    '{{node}}: fence — rollback of {{gid}} with no row: inserts “suspended”, returns success (empty rollback).',
  'saga.note.fence.duplicate': '{{node}}: fence — {{op}} of {{gid}} already done (status row): idempotent success.',
  'saga.note.fence.refused':
    '{{node}}: fence — {{op}} of {{gid}}: the row says otherwise (duplicate key or already rolled back): refused.',
  'saga.note.plog.empty':
    '{{node}}: {{fw}} — Cancel of {{gid}} with no participant log: nothing to do, nothing recorded.',
  'saga.note.plog.duplicate': '{{node}}: {{fw}} — {{op}} of {{gid}} already in the participant log: skipped.',
  'saga.note.plog.refused': '{{node}}: {{fw}} — {{op}} of {{gid}} refused.',
  'param.saga.framework.help':
    'Whose code the coordinator and the services behave like. ByteTCC, Hmily and tcc-transaction have no Saga mode; Seata’s Saga (state machine) has no fence.',
  'param.saga.framework.opt.generic': 'generic',
  'param.saga.framework.opt.generic.help': 'Today’s model: dtm’s barrier, retries doubling 10 s, 20 s, 40 s …',
  'param.saga.framework.opt.dtm': 'dtm',
  'param.saga.framework.opt.dtm.help':
    'Barrier (action / compensate rows) handles empty compensation, hanging and idempotency; failed calls retried 20 s / 10 s alternating (dtmsvr/trans_status.go).',
  'param.saga.framework.opt.seata': 'Seata',
  'param.saga.framework.opt.seata.help':
    'Seata’s Saga state machine: compensations retried every 1 s like the TC, no cap; no fence — empty compensation, hanging and idempotency are the business’s job.',

  'scenario.saga.saga-dtm-compensate-retry.title': 'dtm: compensation retried 20 s / 10 s',
  'scenario.saga.saga-dtm-compensate-retry.desc':
    'Smith’s step fails; C1 (refund Bob) fails three times. dtm doubles the interval after a failed call but resets it once it exceeds RetryInterval, so the retries come 20 s, 10 s, 20 s apart.',
  'scenario.saga.saga-seata-empty-compensation.title': 'Seata Saga: no fence, the business must guard',
  'scenario.saga.saga-seata-empty-compensation.desc':
    'Seata’s Saga state machine has no fence: the empty compensation C2 of Smith’s failed step runs the naive code and takes 30 he never got — the books are wrong. C1 fails twice and is retried every 1 s. Turn on “business code guards itself” to fix it.',
  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.saga.forward': 'A saga runs its steps for real',
  'tour.saga.forward.1': 'Saga: no reservation. Step T1 debits Bob for real, at once, in its own local transaction.',
  'tour.saga.forward.2':
    'Step T2 credits Smith and the saga has succeeded. Fast and lock-free — but between the steps anyone can see a half-done transfer.',
  'tour.saga.compensate': 'Undo by compensation',
  'tour.saga.compensate.1': 'Smith rejects step T2: the saga cannot go forward.',
  'tour.saga.compensate.2':
    "The TM runs the compensations backwards: Bob's debit is undone by a new, opposite transaction — not rolled back.",
  'tour.saga.dirty': 'No isolation: a dirty read',
  'tour.saga.dirty.1':
    "Between the steps a reader sees Smith's balance as 200 — money that is about to be taken back: a dirty read, because a saga has no isolation.",
  'tour.saga.dirty.2':
    'Bob could not pay, so the compensation takes the credit back from Smith: what the reader saw never really existed.',
  'tour.saga.idempotent': 'Steps must be idempotent (幂等)',
  'tour.saga.idempotent.1':
    'The network duplicates the ACTION for Smith and he is credited twice: saga steps and compensations must be idempotent (幂等) too.',
};

export default en;
