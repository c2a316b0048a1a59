/** Strings of the RocketMQ transactional-message pattern (src/patterns/rocketmq). (English.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.rocketmq.name': meta.name.en,
  'pattern.rocketmq.desc':
    'The order service sends a half message the broker stores but hides from consumers, runs its local transaction, then commits or rolls the message back with a one-way call. A half message left waiting is checked back: the broker asks the producer’s check listener, once a round, up to 15 times. The inventory service consumes at least once, so it must be idempotent; failed consumptions are retried on a 10 s … 2 h ladder, then dead-lettered.',

  'role.rocketmq.producer': 'Order service (transactional producer) + database',
  'role.rocketmq.broker': 'RocketMQ broker',
  'role.rocketmq.consumer': 'Consumer (inventory)',
  'node.rocketmq.producer': 'Order service',
  'node.rocketmq.broker': 'RocketMQ broker',
  'node.rocketmq.consumer': 'Inventory service',

  'scenario.rocketmq.s-rmq-happy.title': 'Happy path: half message, local transaction, commit',
  'scenario.rocketmq.s-rmq-happy.desc':
    '(1) The half message is stored, invisible to consumers. (2) The broker acknowledges. (3) The order service commits its order and transaction-log row in one local transaction. (4) COMMIT makes the message visible in ORDER_TOPIC; the inventory service reserves stock once.',
  'scenario.rocketmq.s-rmq-commit-lost.title': 'S-TXM-1: the COMMIT is lost, the check-back commits',
  'scenario.rocketmq.s-rmq-commit-lost.desc':
    'The one-way COMMIT never arrives: the order is committed, its message still half. The first check round after born + 6 s (at 60 s) asks the producer; its check listener finds the committed row and answers COMMIT. The message becomes visible a minute late.',
  'scenario.rocketmq.s-rmq-unknow.title': 'S-TXM-1: the local transaction answers UNKNOW',
  'scenario.rocketmq.s-rmq-unknow.desc':
    'executeLocalTransaction commits but returns UNKNOW (it could not tell, or the business finishes later). The broker does nothing until its check round at 60 s; the check listener reads the committed row and answers COMMIT.',
  'scenario.rocketmq.s-rmq-slow-local.title': 'S-TXM-1: still running at the first check → asked again',
  'scenario.rocketmq.s-rmq-slow-local.desc':
    'The local transaction takes 90 s. The check at 60 s finds it still running, and the listener answers UNKNOW; the next round, at 120 s, finds it committed and the message is committed.',
  'scenario.rocketmq.s-rmq-rollback.title': 'Rollback: the business fails',
  'scenario.rocketmq.s-rmq-rollback.desc':
    'The local transaction fails and rolls back; the producer sends ROLLBACK and the broker deletes the half message. No consumer ever sees it.',
  'scenario.rocketmq.s-rmq-producer-crash.title': 'S-TXM-1: the producer dies after its half message',
  'scenario.rocketmq.s-rmq-producer-crash.desc':
    'The producer crashes as the broker acknowledges the half message, before its local transaction ends; nothing was committed. Back up, it is asked at 60 s: no row in its transaction log, so the check listener answers ROLLBACK.',
  'scenario.rocketmq.s-rmq-half-ack-lost.title': 'S-TXM-1: the half message’s ack is lost',
  'scenario.rocketmq.s-rmq-half-ack-lost.desc':
    'The broker stored the half message but its ack is lost: after 3 s the send throws and the order fails, recorded in the transaction log. The check at 60 s reads the failure and rolls the half message back.',
  'scenario.rocketmq.s-rmq-check-max.title': 'The last check: a buggy check listener',
  'scenario.rocketmq.s-rmq-check-max.desc':
    'The local transaction commits but answers UNKNOW, and the check listener answers UNKNOW every time instead of reading its table. The broker checks once a minute, 15 times, and at 16 min discards the message into TRANS_CHECK_MAX_TIME_TOPIC: the order exists, its message is never delivered.',
  'scenario.rocketmq.s-rmq-consumer-retry.title': 'Consumer fails three times: the retry ladder',
  'scenario.rocketmq.s-rmq-consumer-retry.desc':
    'The inventory service returns RECONSUME_LATER three times. The broker schedules the retries 10 s, 30 s and 1 min after each failure, into %RETRY%inventory_group; the fourth attempt reserves the stock.',
  'scenario.rocketmq.s-rmq-dlq.title': 'Consumer always fails: 16 retries, then %DLQ%',
  'scenario.rocketmq.s-rmq-dlq.desc':
    'Every attempt fails. After 16 retries on the 10 s, 30 s, 1 m … 1 h, 2 h ladder (4 h 45 min 40 s in all) the message moves to the dead-letter topic %DLQ%inventory_group, where nothing consumes it: the committed order never gets its stock.',
  'scenario.rocketmq.s-rmq-no-retry.title': 'Consumer swallows its failure (retry off)',
  'scenario.rocketmq.s-rmq-no-retry.desc':
    'The listener catches the exception and returns CONSUME_SUCCESS: the broker considers the message consumed and never delivers it again.',
  'scenario.rocketmq.s-rmq-duplicate.title': 'Duplicate delivery, idempotent consumer',
  'scenario.rocketmq.s-rmq-duplicate.desc':
    'The inventory service dies after reserving the stock, before its offset is committed. Back up, it pulls the message again; its consumed-messages table knows the id, so the stock is reserved once.',
  'scenario.rocketmq.s-rmq-duplicate-no-idempotency.title': 'Duplicate delivery, consumer not idempotent',
  'scenario.rocketmq.s-rmq-duplicate-no-idempotency.desc':
    'The same crash without the consumed-messages table: the redelivered message reserves the stock again, and exactly-once breaks at the second application.',

  'param.rocketmq.txCount': 'Orders',
  'param.rocketmq.txCount.help': 'How many orders the order service places.',
  'param.rocketmq.txGap': 'Gap between orders',
  'param.rocketmq.txGap.help': 'Time between two orders.',
  'param.rocketmq.localTxTime': 'Local transaction time',
  'param.rocketmq.localTxTime.help': 'How long executeLocalTransaction takes after the half message is acknowledged.',
  'param.rocketmq.bizFail': 'Business failure rate',
  'param.rocketmq.bizFail.help': 'Probability that the local transaction fails and rolls back (then ROLLBACK).',
  'param.rocketmq.localAnswer': 'Local transaction answers',
  'param.rocketmq.localAnswer.help':
    'What executeLocalTransaction returns after committing: commit (COMMIT_MESSAGE) or unknow (UNKNOW: the broker must check back).',
  'param.rocketmq.sendTimeout': 'Send timeout',
  'param.rocketmq.sendTimeout.help': 'The half message’s send fails when the broker has not answered in this time.',
  'param.rocketmq.transactionTimeOut': 'Check immunity (transactionTimeOut)',
  'param.rocketmq.transactionTimeOut.help': 'A half message is checked back only once it is this old (from its send).',
  'param.rocketmq.transactionCheckInterval': 'Check interval (transactionCheckInterval)',
  'param.rocketmq.transactionCheckInterval.help': 'The broker runs one check round this often.',
  'param.rocketmq.transactionCheckMax': 'Maximum checks (transactionCheckMax)',
  'param.rocketmq.transactionCheckMax.help':
    'After this many checks the half message is discarded into TRANS_CHECK_MAX_TIME_TOPIC.',
  'param.rocketmq.maxReconsumeTimes': 'Maximum retries (maxReconsumeTimes)',
  'param.rocketmq.maxReconsumeTimes.help': 'After this many retries a failing message goes to %DLQ%<group>.',
  'param.rocketmq.consumeFails': 'Failed consumptions per message',
  'param.rocketmq.consumeFails.help':
    'How many times the consumer’s business fails on each message before it succeeds.',
  'param.rocketmq.partitions': 'Queues',
  'param.rocketmq.partitions.help': 'Message queues of ORDER_TOPIC; an order id always maps to the same one.',
  'param.rocketmq.fetchTimeout': 'Long-poll wait',
  'param.rocketmq.fetchTimeout.help': 'An idle pull is sent again after this long (also repeats a lost one).',
  'param.rocketmq.fetchMax': 'Messages per pull',
  'param.rocketmq.fetchMax.help': 'Most messages one pull returns.',
  'param.rocketmq.procTime': 'Processing time',
  'param.rocketmq.procTime.help': 'Time the consumer takes to process one message.',

  'guard.rocketmq.idempotent': 'Idempotent consumer',
  'guard.rocketmq.idempotent.desc':
    'The consumer records each message id in its own local transaction and skips ids it has seen: at-least-once delivery applied once.',
  'guard.rocketmq.checkListener': 'Check listener reads the local table',
  'guard.rocketmq.checkListener.desc':
    'checkLocalTransaction answers from the transaction-log table (committed → COMMIT, none → ROLLBACK, running → UNKNOW). Off: a buggy listener that always answers UNKNOW.',
  'guard.rocketmq.retry': 'Consumer retries (RECONSUME_LATER)',
  'guard.rocketmq.retry.desc':
    'A failed consumption returns RECONSUME_LATER and is retried on the broker’s ladder. Off: the error is swallowed and the message counts as consumed.',

  'inv.exactly-once': 'Exactly once',
  'inv.rocketmq.exactly-once.desc': 'No order’s stock reserved more than once.',
  'inv.eventually-consistent': 'Eventually consistent',
  'inv.rocketmq.eventually-consistent.desc':
    'Local transaction ⇔ message: every committed order’s message is eventually consumed, and only a committed order’s.',
  'inv.no-visible-rollback': 'No message of a rolled-back transaction',
  'inv.no-visible-rollback.desc':
    'No message becomes visible or consumed unless the producer’s local transaction committed.',
  'inv.no-stuck-half': 'No half message left waiting',
  'inv.no-stuck-half.desc': 'Eventually every half message is committed, rolled back or discarded.',

  'rocketmq.table.orders': 'Orders (business table)',
  'rocketmq.table.txLog': 'Transaction log (what the check listener reads)',
  'rocketmq.table.running': 'Local transactions in progress',
  'rocketmq.table.consumed': 'Consumed message ids (idempotency)',
  'rocketmq.table.effects': 'Stock reservations (the effect)',
  'rocketmq.table.failed': 'Failed consumptions',
  'rocketmq.col.order': 'Order',
  'rocketmq.col.tx': 'Transaction',
  'rocketmq.col.mid': 'Message id',
  'rocketmq.col.qty': 'Qty',
  'rocketmq.col.at': 'Time (ms)',
  'rocketmq.col.state': 'State',
  'rocketmq.col.reconsume': 'Retry no.',
  'rocketmq.col.applied': 'Times applied',
  'rocketmq.col.failures': 'Failures',
  'rocketmq.word.committed': 'committed',
  'rocketmq.word.rolled-back': 'rolled back',
  'rocketmq.word.send-failed': 'send failed',
  'rocketmq.word.retrying': 'retrying',
  'rocketmq.word.swallowed': 'swallowed (lost)',

  'rocketmq.status.idle': 'idle',
  'rocketmq.status.down': 'down',
  'rocketmq.status.sending': 'sending half',
  'rocketmq.status.localTx': 'local transaction',
  'rocketmq.status.serving': 'serving',
  'rocketmq.status.halfWaiting': 'half messages waiting',
  'rocketmq.status.consuming': 'consuming',
  'rocketmq.row.orders': 'orders',
  'rocketmq.row.sending': 'sending',
  'rocketmq.row.running': 'local tx',
  'rocketmq.row.half': 'waiting',
  'rocketmq.row.halfNone': 'half messages stored',
  'rocketmq.row.checks': 'checks',
  'rocketmq.row.visible': 'visible',
  'rocketmq.row.scheduled': 'scheduled',
  'rocketmq.row.retried': 'retried',
  'rocketmq.row.dlq': 'DLQ',
  'rocketmq.row.maxCheck': 'given up',
  'rocketmq.row.stock': 'stock',
  'rocketmq.row.queued': 'queued',

  'rocketmq.note.sendHalf': 'Order {{tx}}: half message {{mid}} sent',
  'rocketmq.note.localStart': 'Half message acknowledged: local transaction of {{tx}} starts',
  'rocketmq.note.localCommit': 'Local transaction {{tx}} committed → COMMIT',
  'rocketmq.note.localUnknown': 'Local transaction {{tx}} committed, but it answers UNKNOW',
  'rocketmq.note.localRollback': 'Local transaction {{tx}} failed and rolled back → ROLLBACK',
  'rocketmq.note.sendFailed': 'No ack for the half message of {{tx}}: the send failed, the order fails',
  'rocketmq.note.checked': 'Check-back for {{tx}}: the check listener answers {{state}}',
  'rocketmq.note.polled': 'Pulled {{n}} message(s) from queue {{partition}}, offsets {{from}}–{{next}}',
  'rocketmq.note.applied': 'Stock reserved for {{tx}} (message {{mid}})',
  'rocketmq.note.appliedAgain': 'Stock reserved AGAIN for {{tx}}: message {{mid}} applied {{n}} times',
  'rocketmq.note.duplicate': 'Duplicate {{mid}} skipped: already consumed (idempotent)',
  'rocketmq.note.consumeFailed': 'Consuming {{mid}} failed (attempt {{n}}): RECONSUME_LATER',
  'rocketmq.note.swallowed': 'Consuming {{mid}} failed and the error was swallowed: the message is lost',
  'rocketmq.note.broker.appended': 'Appended {{mid}} at {{pos}}',
  'rocketmq.note.broker.halfStored': 'Half message {{mid}} stored in RMQ_SYS_TRANS_HALF_TOPIC (invisible)',
  'rocketmq.note.broker.committed': 'COMMIT: {{mid}} is now visible at {{pos}}',
  'rocketmq.note.broker.rolledBack': 'ROLLBACK: half message {{mid}} deleted',
  'rocketmq.note.broker.unknown': 'UNKNOW for {{mid}}: it waits for the check-back',
  'rocketmq.note.broker.endIgnored': '{{state}} for {{mid}} ignored: the transaction is already ended',
  'rocketmq.note.broker.check': 'Check round: asking the producer about {{mid}} (check {{n}})',
  'rocketmq.note.broker.discarded': '{{mid}} discarded after {{n}} checks into TRANS_CHECK_MAX_TIME_TOPIC',
  'rocketmq.note.broker.sentBack': '{{mid}} sent back: retry {{n}} in {{wait}}',
  'rocketmq.note.broker.retryDue': 'Retry {{n}} of {{mid}} delivered to the retry topic',
  'rocketmq.note.broker.deadLettered': '{{mid}} failed {{n}} retries: moved to {{pos}}',

  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.rocketmq.half': 'The half message: invisible until COMMIT',
  'tour.rocketmq.half.1':
    'The order service sends a half message (半消息) first. The broker stores it in RMQ_SYS_TRANS_HALF_TOPIC, where the inventory service cannot see it.',
  'tour.rocketmq.half.2':
    'Only once the broker has acknowledged the half message does the local transaction (the order) start: if the half message could not be stored, there would be no order to undo.',
  'tour.rocketmq.half.3':
    'The order committed, so the producer sends COMMIT: the broker moves the message into ORDER_TOPIC, now visible, and the inventory service pulls it and reserves the stock.',
  'tour.rocketmq.half.4':
    'Here the business fails: the local transaction rolls back and the producer sends ROLLBACK. The broker deletes the half message — the consumer never saw it, so there is nothing to undo downstream.',
  'tour.rocketmq.checkback': 'A lost COMMIT, repaired by check-back (S-TXM-1)',
  'tour.rocketmq.checkback.1':
    'The order committed, but the one-way COMMIT is lost in the network. The message stays half: the order exists, the stock is not yet reserved, and the consumer’s pulls come back empty.',
  'tour.rocketmq.checkback.2':
    'At 60 s the broker’s check round (every transactionCheckInterval, for half messages older than transactionTimeOut = 6 s) finds it still undecided and asks the producer: check-back (反查).',
  'tour.rocketmq.checkback.3':
    'The check listener reads the transaction log — T1 committed — and answers COMMIT. The message becomes visible and the stock is reserved, about a minute late: eventually consistent.',
  'tour.rocketmq.checkback.4':
    'Another case: the producer dies right after the half message is acknowledged, before its local transaction. At the 60 s check its log has no record of T1, so it answers ROLLBACK and the half message is deleted.',
  'tour.rocketmq.unknow': 'UNKNOW: “ask me again”',
  'tour.rocketmq.unknow.1':
    'The local transaction committed, but executeLocalTransaction answers UNKNOW. The broker keeps the half message invisible and leaves the decision to the check-back, which at 60 s reads the committed row and commits.',
  'tour.rocketmq.unknow.2':
    'The local transaction takes 90 s. When the first check comes at 60 s it is still running, so the only honest answer is UNKNOW: the broker will ask again in the next round.',
  'tour.rocketmq.unknow.3':
    'The second check, at 120 s, finds T1 committed: COMMIT, and the message is delivered. A check-back must read the real state, not guess.',
  'tour.rocketmq.unknow.4':
    'A buggy check listener answers UNKNOW every time. After 15 checks (transactionCheckMax), one a minute, the broker gives up and discards the message into TRANS_CHECK_MAX_TIME_TOPIC — while the order was committed: inconsistent.',
  'tour.rocketmq.retry': 'Consumer retries, then the dead-letter queue',
  'tour.rocketmq.retry.1':
    'The inventory service fails and returns RECONSUME_LATER. The message is sent back to the broker, which schedules it on %RETRY%inventory_group: retry 1 in 10 s, then 30 s, then 1 min …',
  'tour.rocketmq.retry.2':
    'The third retry, about 100 s in, succeeds and the stock is reserved once. Retrying pushes a transient failure towards success.',
  'tour.rocketmq.retry.3':
    'If every attempt fails, after 16 retries on the 10 s … 2 h ladder (about 4 h 45 min) the message moves to the dead-letter queue (死信队列) %DLQ%inventory_group. Nothing consumes it: the order stays without its stock until a person steps in.',
  'tour.rocketmq.duplicate': 'Duplicates need an idempotent consumer (幂等)',
  'tour.rocketmq.duplicate.1':
    'The inventory service reserves the stock and crashes before its consumer offset is committed. The broker still thinks msg-T1 is unconsumed.',
  'tour.rocketmq.duplicate.2':
    'After the restart the broker delivers msg-T1 again from the old offset. The consumed table already holds it, so the duplicate is skipped: an idempotent (幂等) consumer.',
  'tour.rocketmq.duplicate.3':
    'Without the consumed table the same redelivery reserves the stock a second time: delivery is at-least-once, so the consumer must be idempotent.',
};

export default en;
