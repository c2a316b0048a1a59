/** Strings of the TCC pattern (src/patterns/tcc). Chinese keeps the seed's domain words (空回滚, 悬挂, 幂等, 冻结…). (English; loaded only when this language is shown.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.tcc.name': meta.name.en,
  'pattern.tcc.desc':
    'Bob transfers money to Smith through a transaction manager. Try freezes Bob’s amount and reserves Smith’s credit, Confirm moves the money, Cancel releases the freezes. Confirm and Cancel are retried until they succeed, so they must be idempotent — and safe against empty rollback and hanging: the barrier (dtm) / fence (Seata).',

  'role.tcc.client': 'Client / third party',
  'role.tcc.tm': 'Transaction manager',
  'role.tcc.payer': 'Payer account service',
  'role.tcc.payee': 'Payee account service',
  'node.tcc.client': 'Client / auditor',
  'node.tcc.TM': 'Transaction manager (TM)',
  'node.tcc.bob': 'Bob’s account service',
  'node.tcc.smith': 'Smith’s account service',

  'scenario.tcc.s-tcc-1.title': 'S-TCC-1 Bob transfers to Smith',
  'scenario.tcc.s-tcc-1.desc':
    'Try freezes 30 of Bob’s money and reserves 30 for Smith; both answer ok, the TM logs “confirm” and Confirm moves the money. Watch the frozen and pending rows appear and go.',
  'scenario.tcc.s-tcc-1-confirm-retry.title': 'S-TCC-1 Confirm fails, retried',
  'scenario.tcc.s-tcc-1-confirm-retry.desc':
    'Smith’s Confirm fails twice (a transient error); the TM retries after 10 s, then 20 s (dtm’s doubling interval) until it succeeds. Confirm is assumed to succeed eventually — by retrying.',
  'scenario.tcc.tcc-try-fails.title': 'Try fails → Cancel on all',
  'scenario.tcc.tcc-try-fails.desc':
    'Smith’s Try is rejected, so the TM cancels every branch; Bob’s Cancel fails twice and is retried until done. With the barrier, Smith’s Cancel is recorded as an empty rollback.',
  'scenario.tcc.tcc-empty-rollback.title': 'Empty rollback (空回滚)',
  'scenario.tcc.tcc-empty-rollback.desc':
    'The Try to Bob is lost; after 35 s the TM cancels. Bob’s Cancel arrives for a Try that never ran: without the barrier it refunds 30 that was never frozen — money is created (conservation turns red at that delivery). With the barrier it records a null compensation and does nothing.',
  'scenario.tcc.tcc-hanging.title': 'Hanging Try (悬挂)',
  'scenario.tcc.tcc-hanging.desc':
    'The Try to Smith is stuck in the network past the TM’s timeout; Cancel overtakes it. Without the barrier the late Try reserves 30 that nothing will ever release (no-leak fails at the end). With the barrier the late Try is refused.',
  'scenario.tcc.tcc-idempotency.title': 'Duplicate Confirm (幂等)',
  'scenario.tcc.tcc-idempotency.desc':
    'The network delivers Smith’s Confirm twice and Bob’s Confirm reply is lost, so the TM confirms him again. Without the barrier Smith is credited twice (conservation and exactly-once break); with it each Confirm applies once.',
  'scenario.tcc.tcc-tm-crash.title': 'TM crashes after Try',
  'scenario.tcc.tcc-tm-crash.desc':
    'The TM logs “confirm”, sends the first Confirm and crashes. On recovery it reads its log and confirms the remaining branches; Bob’s Confirm is sent again (his reply was lost), so it must be idempotent.',
  'scenario.tcc.tcc-tm-crash-cancel.title': 'TM crashes while cancelling',
  'scenario.tcc.tcc-tm-crash-cancel.desc':
    'Smith’s Try fails, the TM logs “cancel”, sends the first Cancel and crashes. On recovery it cancels as its log says; without the barrier Bob is refunded twice.',
  'scenario.tcc.tcc-no-dirty-read.title': 'No dirty read with TCC',
  'scenario.tcc.tcc-no-dirty-read.desc':
    'The same business as the Saga dirty-read scenario: Bob cannot pay 150 and the auditor reads Smith’s balance mid-transaction. Smith’s credit is only reserved (pending), so the auditor sees 50 — a value never compensated.',

  'param.tcc.amount': 'Amount',
  'param.tcc.amount.help': 'How much Bob transfers to Smith.',
  'param.tcc.bobBalance': 'Bob’s balance',
  'param.tcc.bobBalance.help': 'Bob’s initial available balance.',
  'param.tcc.smithBalance': 'Smith’s balance',
  'param.tcc.smithBalance.help': 'Smith’s initial available balance.',
  'param.tcc.txCount': 'Transfers',
  'param.tcc.txCount.help':
    'How many transfers the client starts (g1, g2, …), one every “gap between transfers”. Thousands show the tables view and the counts.',
  'param.tcc.txGap': 'Gap between transfers',
  'param.tcc.txGap.help': 'Virtual time between two transfers’ starts (ms).',
  'param.tcc.tryTimeout': 'Try timeout',
  'param.tcc.tryTimeout.help':
    'A transaction still trying after this long is cancelled — at the first pick-up at or after it (dtm: every RetryInterval; Seata: every 1 s; recovery-job frameworks: every job period).',
  'param.tcc.retryInterval': 'Retry interval',
  'param.tcc.retryInterval.help':
    'Base wait before Confirm/Cancel is retried; how it grows is the framework’s (generic: doubles; dtm: 20 s / 10 s after failures; Seata: every 1 s; ByteTCC: start + 60 s × 2^n; Hmily 60 s; tcc-transaction 30 s).',
  'param.tcc.tryFails': 'Try fails at',
  'param.tcc.tryFails.help': 'Which branch rejects its Try (a business failure).',
  'param.tcc.transientBranch': 'Transient failures at',
  'param.tcc.transientBranch.help': 'Which branch’s Confirm/Cancel fail transiently (e.g. a deadlock).',
  'param.tcc.confirmFailures': 'Confirm failures',
  'param.tcc.confirmFailures.help': 'How many times Confirm fails at that branch before it succeeds.',
  'param.tcc.cancelFailures': 'Cancel failures',
  'param.tcc.cancelFailures.help': 'How many times Cancel fails at that branch before it succeeds.',
  'param.tcc.auditAt': 'Audit at',
  'param.tcc.auditAt.help': 'When a third party reads a balance (0: never).',
  'param.tcc.auditTarget': 'Audited account',
  'param.tcc.auditTarget.help': 'Whose balance the third party reads.',

  'guard.tcc.barrier': 'Barrier / fence',
  'guard.tcc.barrier.desc':
    'dtm’s sub-transaction barrier (Seata’s TCC fence): a (gid, branch, op) table written in the same local transaction as the business change. Cancel first inserts the “try” row: inserted → empty rollback, skip; a duplicate is skipped; a Try after Cancel is refused.',

  'inv.conservation': 'Money conserved',
  'inv.conservation.desc':
    'Available plus frozen money over all accounts, plus money in transit (settled at one side of a transfer, not yet at the other), always equals the initial total. Reserved incoming credit is not money.',
  'inv.no-negative': 'No negative balance',
  'inv.no-negative.desc': 'No account’s available balance, freeze or reservation is ever negative.',
  'inv.no-leak': 'No leaked lock',
  'inv.no-leak.desc': 'Eventually no participant holds a lock.',
  'inv.exactly-once': 'Exactly once',
  'inv.exactly-once.desc': 'No business handler ran twice for the same transaction, branch and operation.',
  'inv.no-dirty-read': 'No dirty read',
  'inv.no-dirty-read.desc': 'A third party never saw a balance that included an effect later compensated.',
  'inv.account-balance': 'Every account right',
  'inv.account-balance.desc':
    'Each account’s balance is its start plus its side of every transfer that took effect — exactly once or not at all. A double refund or an empty compensation breaks it even when the total is conserved.',
  'inv.atomicity': 'Atomicity',
  'inv.atomicity.desc': 'No participant committed a transaction another participant aborted (TCConsistent).',

  'tcc.status.idle': 'idle',
  'tcc.status.working': 'working',
  'tcc.status.none': 'no record',
  'tcc.status.trying': 'trying',
  'tcc.status.confirming': 'confirming',
  'tcc.status.cancelling': 'cancelling',
  'tcc.status.confirmed': 'confirmed',
  'tcc.status.cancelled': 'cancelled',
  'tcc.status.tried': 'tried (frozen)',
  'tcc.status.tryFailed': 'try failed',
  'tcc.status.emptyRollback': 'empty rollback',
  'tcc.status.refusedTry': 'late Try refused',

  'tcc.row.available': 'available',
  'tcc.row.frozen': 'frozen',
  'tcc.row.pending': 'pending credit',
  'tcc.row.tx': 'branch tx',
  'tcc.row.barrier': 'barrier row',
  'tcc.row.applied': 'handler runs',
  'tcc.row.handled': 'requests handled',
  'tcc.row.result': 'result',
  'tcc.row.read': 'balance read',
  'tcc.row.gtx': 'global tx',
  'tcc.row.branch': 'branch',
  'tcc.row.retry': 'retries · next interval',
  'tcc.row.awaiting': 'awaiting',
  'tcc.row.more': 'more rows',
  'tcc.row.txCount': 'transactions',
  'tcc.row.barrierCount': 'barrier rows',
  'tcc.row.resultCount': 'results',
  'tcc.row.gtxCount': 'transactions · open',
  'tcc.table.status': 'Branch transactions',
  'tcc.table.frozen': 'Frozen (reservations)',
  'tcc.table.pending': 'Pending credit (reservations)',
  'tcc.table.settled': 'Settled transfers',
  'tcc.table.applied': 'Handler runs',
  'tcc.table.moved': 'Balance moved per transfer',
  'tcc.table.barrier': 'Barrier table',
  'tcc.table.txs': 'Global transactions',
  'tcc.table.awaiting': 'Awaiting replies',
  'tcc.table.results': 'Results',
  'tcc.table.reads': 'Balance reads',
  'tcc.col.gid': 'gid',
  'tcc.col.status': 'status',
  'tcc.col.amount': 'amount',
  'tcc.col.handler': 'handler',
  'tcc.col.runs': 'runs',
  'tcc.col.branch': 'branch',
  'tcc.col.op': 'op',
  'tcc.col.reason': 'written by',
  'tcc.col.phase': 'phase',
  'tcc.col.retries': 'retries',
  'tcc.col.interval': 'next interval (ms)',
  'tcc.col.request': 'request',
  'tcc.col.outcome': 'outcome',
  'tcc.col.time': 'time (ms)',
  'tcc.col.node': 'account',
  'tcc.col.balance': 'balance',
  'tcc.col.effects': 'settled effects seen',

  'tcc.note.transfer': 'Client asks the TM to transfer {{amount}} from Bob to Smith ({{gid}}).',
  'tcc.note.read': 'Third party reads {{node}}’s balance: {{balance}}.',
  'tcc.note.begin': 'TM logs global transaction {{gid}} ({{amount}}) and calls Try on every branch.',
  'tcc.note.decideConfirm': 'Every Try succeeded: the TM logs “confirm” for {{gid}} and sends Confirm.',
  'tcc.note.decideCancelTryFailed': 'A Try failed: the TM logs “cancel” for {{gid}} and sends Cancel to every branch.',
  'tcc.note.decideCancelTimeout': 'Try timed out: the TM logs “cancel” for {{gid}} and sends Cancel to every branch.',
  'tcc.note.retry': 'TM retries {{gid}} (retry {{n}}); next retry in {{next}} ms.',
  'tcc.note.branchError': '{{node}} answered an error to {{op}} of {{gid}}; the TM will retry.',
  'tcc.note.finished.confirmed': '{{gid}} confirmed on every branch.',
  'tcc.note.finished.cancelled': '{{gid}} cancelled on every branch.',
  'tcc.note.recoverTrying': 'TM recovers: {{gid}} is still trying; it waits for the Try timeout.',
  'tcc.note.recover.confirming': 'TM recovers: its log says “confirm” for {{gid}}; it confirms the remaining branches.',
  'tcc.note.recover.cancelling': 'TM recovers: its log says “cancel” for {{gid}}; it cancels the remaining branches.',
  'tcc.note.transientFail': '{{node}}: {{op}} of {{gid}} fails transiently ({{n}} of {{of}}); nothing is written.',
  'tcc.note.barrier.empty':
    '{{node}}: barrier — Cancel of {{gid}} found no Try: empty rollback recorded, nothing to undo.',
  'tcc.note.barrier.duplicate': '{{node}}: barrier — {{op}} of {{gid}} already done: duplicate skipped.',
  'tcc.note.barrier.refused': '{{node}}: barrier — Try of {{gid}} arrived after Cancel: refused (hanging prevented).',
  'tcc.note.businessFail.rejected': '{{node}} rejects Try of {{gid}}.',
  'tcc.note.businessFail.insufficient': '{{node}}: not enough available money for {{gid}}; Try fails.',
  'tcc.note.applied.try': '{{node}}: Try of {{gid}} reserves {{amount}}.',
  'tcc.note.applied.confirm': '{{node}}: Confirm of {{gid}} settles {{amount}}.',
  'tcc.note.applied.cancel': '{{node}}: Cancel of {{gid}} releases {{amount}}.',
  'tcc.note.duplicateApplied': '{{node}}: {{op}} of {{gid}} ran a second time — applied twice (not idempotent).',
  'tcc.note.emptyApplied': '{{node}}: Cancel of {{gid}} ran although Try never did — empty rollback executed.',
  'tcc.note.hangingApplied':
    '{{node}}: Try of {{gid}} ran after its Cancel — a hanging reservation nobody will release.',

  'param.tcc.framework': 'Framework',
  'param.tcc.maxRetries': 'Retry cap',
  'param.tcc.maxRetries.help':
    'How many retries before the framework gives up on a branch (0: no cap, retried until it succeeds).',
  'guard.tcc.business': 'Business code guards itself',
  'guard.tcc.business.desc':
    'The business team writes what the framework leaves to it: skip a repeated request, do nothing for an undo with nothing done, refuse a forward step after its undo — from its own status rows. Off: the naive code.',
  'tcc.table.fence': 'Seata tcc_fence_log',
  'tcc.table.plog': 'Framework participant log',
  'tcc.col.xid': 'xid',
  'tcc.col.action': 'action_name',
  'tcc.col.fw': 'framework',
  'tcc.fence.tried': 'tried (1)',
  'tcc.fence.committed': 'committed (2)',
  'tcc.fence.rollbacked': 'rollbacked (3)',
  'tcc.fence.suspended': 'suspended (4)',
  'tcc.row.fw': 'framework',
  'tcc.row.fence': 'fence row',
  'tcc.row.plog': 'participant log',
  'tcc.note.gaveUp':
    'The framework gives up on {{gid}} after {{n}} retries (retry cap): its branches are left as they are.',
  'tcc.note.business.empty': '{{node}}: business code — {{op}} of {{gid}} has nothing to undo: does nothing.',
  'tcc.note.business.duplicate': '{{node}}: business code — {{op}} of {{gid}} already ran: skipped.',
  'tcc.note.business.refused': '{{node}}: business code — {{op}} of {{gid}} arrived after its undo: refused.',
  'tcc.note.fence.empty':
    '{{node}}: fence — rollback of {{gid}} with no row: inserts “suspended”, returns success (empty rollback).',
  'tcc.note.fence.duplicate': '{{node}}: fence — {{op}} of {{gid}} already done (status row): idempotent success.',
  'tcc.note.fence.refused':
    '{{node}}: fence — {{op}} of {{gid}}: the row says otherwise (duplicate key or already rolled back): refused.',
  'tcc.note.plog.empty':
    '{{node}}: {{fw}} — Cancel of {{gid}} with no participant log: nothing to do, nothing recorded.',
  'tcc.note.plog.duplicate': '{{node}}: {{fw}} — {{op}} of {{gid}} already in the participant log: skipped.',
  'tcc.note.plog.refused': '{{node}}: {{fw}} — {{op}} of {{gid}} refused.',
  'param.tcc.framework.help':
    'Whose code the TM and the services behave like: guards, timings and recovery. Switching it sets the timing parameters to that framework’s defaults.',
  'tcc.note.hangingRecovery':
    '{{fw}}: {{node}}’s Try of {{gid}} ran after its Cancel; the recovery job will cancel that branch again at its next round.',
  'param.tcc.framework.opt.generic': 'generic',
  'param.tcc.framework.opt.generic.help':
    'Today’s model: dtm’s barrier for all three anomalies, the try timeout tested exactly, retries doubling 10 s, 20 s, 40 s …',
  'param.tcc.framework.opt.dtm': 'dtm',
  'param.tcc.framework.opt.dtm.help':
    'Barrier (insert-ignore rows) handles empty rollback, hanging and idempotency. A stuck TCC is rolled back at the first cron pick-up after TimeoutToFail 35 s (RetryInterval 10 s: at 40 s); failed retries 20 s / 10 s alternating; branches processed in reverse order, stopping at the first failure.',
  'param.tcc.framework.opt.seata': 'Seata',
  'param.tcc.framework.opt.seata.help':
    'TCC fence (tcc_fence_log: tried / committed / rollbacked / suspended) handles all three; a rollback with no row writes “suspended”. Global timeout 60 s, phase-two retry every 1 s, no cap.',
  'param.tcc.framework.opt.bytetcc': 'ByteTCC',
  'param.tcc.framework.opt.bytetcc.help':
    'Framework: empty rollback (cancel skips a branch whose Try never committed) and Confirm/Cancel idempotency (XID record). Left to the business: Try idempotency; hanging is only repaired later by recovery. Recovery at start + 60 s × 2^n (n ≤ 10), no cap.',
  'param.tcc.framework.opt.hmily': 'Hmily',
  'param.tcc.framework.opt.hmily.help':
    'Framework: empty rollback (cancel with no log does nothing). Left to the business: idempotency and hanging (a late Try leaks its reservation). Recovery every 60 s, at most 10 retries, then the participant is dead.',
  'param.tcc.framework.opt.tcc-transaction': 'tcc-transaction',
  'param.tcc.framework.opt.tcc-transaction.help':
    'Framework: empty rollback (cancel of an unknown branch is ignored); hanging repaired by recovery. Left to the business: idempotency (its README says so). Recovery every 30 s, up to 30 retries.',

  'scenario.tcc.tcc-dtm-stuck-try.title': 'dtm: a stuck Try rolled back at the cron pick-up',
  'scenario.tcc.tcc-dtm-stuck-try.desc':
    'Smith’s Try is lost. dtm tests TimeoutToFail (35 s) only when its cron picks the transaction up, every RetryInterval (10 s), so the rollback comes at 40 s, not 35 s. The barrier rows show it: Smith’s “try” row is written by the cancel (empty rollback).',
  'scenario.tcc.tcc-dtm-cancel-order.title': 'dtm: reverse-order cancel, stopping at the first failure',
  'scenario.tcc.tcc-dtm-cancel-order.desc':
    'Smith’s Try is rejected. dtm cancels the last branch first (Smith) and stops at the first failure: Smith’s Cancel fails three times, retried 20 s, 10 s, 20 s apart (cronBackoff), and Bob’s freeze stays frozen until Smith’s Cancel succeeds.',
  'scenario.tcc.tcc-seata-fence.title': 'Seata: the fence writes “suspended”',
  'scenario.tcc.tcc-seata-fence.desc':
    'Smith’s Try is held past Seata’s 60 s global timeout. The rollback finds no row in tcc_fence_log and inserts “suspended” (empty rollback); the late Try hits the primary key and is refused (hanging prevented). Bob’s row goes tried → rollbacked.',
  'scenario.tcc.tcc-seata-confirm-retry.title': 'Seata: phase two retried every 1 s',
  'scenario.tcc.tcc-seata-confirm-retry.desc':
    'Smith’s Confirm fails three times; the TC retries committing every second until it succeeds. The fence rows go tried → committed.',
  'scenario.tcc.tcc-hmily-hanging.title': 'Hmily: the late Try leaks',
  'scenario.tcc.tcc-hmily-hanging.desc':
    'Hmily handles the empty rollback (a Cancel with no participant log does nothing, records nothing) but leaves hanging to the business: the Try that arrives after the Cancel reserves 30 for Smith that nothing will release. Turn on “business code guards itself” to see the business refuse it.',
  'scenario.tcc.tcc-bytetcc-hanging.title': 'ByteTCC: hanging repaired by recovery',
  'scenario.tcc.tcc-bytetcc-hanging.desc':
    'ByteTCC lets the late Try run too, but its recovery job cancels that branch again at its next round: the reservation is held for a while, then released.',
  'scenario.tcc.tcc-transaction-idempotency.title': 'tcc-transaction: idempotency left to the business',
  'scenario.tcc.tcc-transaction-idempotency.desc':
    'The network delivers Smith’s Confirm twice. tcc-transaction does not deduplicate (its README says idempotency is the user’s job): Smith is credited twice. With “business code guards itself” the second run is skipped.',
  'scenario.tcc.tcc-hmily-gives-up.title': 'Hmily: 10 retries, then the participant is dead',
  'scenario.tcc.tcc-hmily-gives-up.desc':
    'Smith’s Confirm keeps failing. Hmily’s recovery retries it every 60 s, 10 times, then gives up: Smith’s reservation stays and Bob’s money has left — the outcome is “given up”.',
  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.tcc.transfer': 'Bob pays Smith with Try / Confirm (S-TCC-1)',
  'tour.tcc.transfer.1':
    'Try: the transaction manager (TM) asks Bob and Smith to reserve the transfer — 30 is frozen on each side; nothing has moved yet.',
  'tour.tcc.transfer.2': 'Both Trys succeeded: the TM logs "confirm" and sends Confirm to both branches.',
  'tour.tcc.transfer.3':
    'Confirm settles what Try reserved: Bob −30, Smith +30. No locks were held between the calls — only reservations.',
  'tour.tcc.empty': 'Empty rollback (空回滚)',
  'tour.tcc.empty.1': 'The Try for Bob is lost in the network: Bob never reserved anything.',
  'tour.tcc.empty.2':
    'The transaction times out and the TM cancels. Bob gets a Cancel for a Try it never ran and, without the barrier, releases 30 it never froze — empty rollback (空回滚).',
  'tour.tcc.hanging': 'Hanging (悬挂)',
  'tour.tcc.hanging.1':
    "Smith's Try is delayed by 40 s. The TM times out and cancels; Smith's Cancel arrives first (an empty rollback).",
  'tour.tcc.hanging.2':
    'Then the late Try arrives and freezes money that no Confirm or Cancel will ever release — hanging (悬挂). The barrier refuses a Try that comes after its Cancel.',
  'tour.tcc.idempotent': 'Retries need idempotent branches (幂等)',
  'tour.tcc.idempotent.1':
    "The network delivers Smith's Confirm twice and, without idempotency, Smith applies it twice: Confirm and Cancel must be idempotent (幂等).",
  'tour.tcc.idempotent.2':
    "Bob's reply was lost, so the TM retries Confirm and Bob applies it again. TCC finishes by retrying, so every branch must be idempotent (幂等).",
  'tour.tcc.crash': 'The TM crashes mid-confirm',
  'tour.tcc.crash.1':
    'The TM decided confirm and crashes after sending Confirm to Bob only. Smith is still holding his reservation.',
  'tour.tcc.crash.2':
    'The TM recovers, finds "confirm" in its log and confirms every branch again; Bob\'s barrier sees a repeat and skips it — idempotent (幂等).',
};

export default en;
