/** Strings of the Didi payment fan-out (src/patterns/didi-pay). (English.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.didi-pay.name': meta.name.en,
  'pattern.didi-pay.desc':
    'Payment succeeded (S-DIDI-2): one message to four services, each with its own database — decrement stock, set the order paid, book the commission in the ledger, trigger procurement. Transient failures are retried until they succeed; a message that can never succeed (oversold) triggers the reverse flow, a refund. Delivery is at-least-once, so every consumer must be idempotent (S-DIDI-4).',

  'role.didi-pay.pay': 'Payment service (producer)',
  'role.didi-pay.broker': 'DDMQ',
  'role.didi-pay.stock': 'Stock service (consumer)',
  'role.didi-pay.orders': 'Order service (consumer)',
  'role.didi-pay.ledger': 'Ledger (consumer)',
  'role.didi-pay.procure': 'Procurement (consumer)',
  'node.didi-pay.pay': 'Payment service',
  'node.didi-pay.broker': 'DDMQ',
  'node.didi-pay.stock': 'Stock',
  'node.didi-pay.orders': 'Orders',
  'node.didi-pay.ledger': 'Ledger',
  'node.didi-pay.procure': 'Procurement',

  'scenario.didi-pay.s-didi-2-happy.title': 'S-DIDI-2: payment succeeded, four consumers',
  'scenario.didi-pay.s-didi-2-happy.desc':
    'The payment service publishes “payment succeeded” once; stock, orders, ledger and procurement each apply it once in their own database and commit their offsets.',
  'scenario.didi-pay.s-didi-2-ledger-retry.title': 'S-DIDI-2: the ledger fails three times, retried',
  'scenario.didi-pay.s-didi-2-ledger-retry.desc':
    'The ledger’s database fails its first three attempts. Each failure is retried a second later; the fourth attempt books the commission. “Paid ⇒ commission” is not yet true for three seconds, then holds.',
  'scenario.didi-pay.s-didi-2-no-retry.title': 'S-DIDI-2 pitfall: no retries — commission never booked',
  'scenario.didi-pay.s-didi-2-no-retry.desc':
    'Same kind of transient failure, retries off: the ledger drops the message. The order is paid, the commission is never booked — the case that makes customers complain.',
  'scenario.didi-pay.s-didi-2-oversold.title': 'S-DIDI-2: oversold → reverse flow (refund)',
  'scenario.didi-pay.s-didi-2-oversold.desc':
    'One item in stock, two payments. The second can never succeed at the stock service: instead of retrying for ever it runs the reverse flow and asks the payment service for a refund.',
  'scenario.didi-pay.s-didi-4-idempotent.title': 'S-DIDI-4: duplicate delivery, idempotent consumers',
  'scenario.didi-pay.s-didi-4-idempotent.desc':
    'DDMQ’s acknowledgement is lost, so the payment service sends again: the topic holds the message twice. Every consumer finds the message id in its processed table and skips the second copy.',
  'scenario.didi-pay.s-didi-4-not-idempotent.title': 'S-DIDI-4 pitfall: consumers not idempotent',
  'scenario.didi-pay.s-didi-4-not-idempotent.desc':
    'Same duplicate, no processed table: stock is decremented twice, the commission booked twice, two purchases triggered. Exactly-once breaks at the second application.',

  'param.didi-pay.txCount': 'Payments',
  'param.didi-pay.txCount.help': 'How many payments succeed.',
  'param.didi-pay.txGap': 'Gap between payments',
  'param.didi-pay.txGap.help': 'Time between two payments.',
  'param.didi-pay.stock': 'Items in stock',
  'param.didi-pay.stock.help': 'What the stock service can sell; a payment beyond it is oversold.',
  'param.didi-pay.amount': 'Amount (cents)',
  'param.didi-pay.amount.help': 'Amount of each payment.',
  'param.didi-pay.commissionRate': 'Commission rate',
  'param.didi-pay.commissionRate.help': 'Share of the amount the ledger books as commission.',
  'param.didi-pay.ledgerFailures': 'Ledger failures per message',
  'param.didi-pay.ledgerFailures.help': 'The ledger’s first attempts at each message that fail (a transient error).',
  'param.didi-pay.failRate': 'Transient failure rate',
  'param.didi-pay.failRate.help': 'Probability that any consumer’s attempt fails transiently.',
  'param.didi-pay.ackTimeout': 'Send timeout',
  'param.didi-pay.ackTimeout.help': 'The payment service sends again when DDMQ has not acknowledged in this time.',
  'param.didi-pay.retryDelay': 'Retry delay',
  'param.didi-pay.retryDelay.help': 'A failed consumption is retried after this long.',
  'param.didi-pay.maxRetries': 'Maximum retries',
  'param.didi-pay.maxRetries.help': 'After this many retries a consumer gives up on the message.',
  'param.didi-pay.partitions': 'Partitions',
  'param.didi-pay.partitions.help': 'Partitions of the topic; a payment id always maps to the same one.',
  'param.didi-pay.commit': 'Offset commit',
  'param.didi-pay.commit.help':
    'after-processing: each consumer commits after handling a message; auto: it commits what it polled every interval.',
  'param.didi-pay.autoCommitInterval': 'Auto-commit interval',
  'param.didi-pay.autoCommitInterval.help': 'How often auto-commit commits the polled position.',
  'param.didi-pay.fetchTimeout': 'Fetch wait',
  'param.didi-pay.fetchTimeout.help': 'An idle consumer polls again after this long.',
  'param.didi-pay.fetchMax': 'Records per poll',
  'param.didi-pay.fetchMax.help': 'Most records one fetch returns.',
  'param.didi-pay.procTime': 'Processing time',
  'param.didi-pay.procTime.help': 'Time a consumer takes to handle one message.',

  'guard.didi-pay.idempotent': 'Idempotent consumers (S-DIDI-4)',
  'guard.didi-pay.idempotent.desc':
    'Each consumer records the message id in a processed table in the same local transaction as its effect, and skips ids it has seen.',
  'guard.didi-pay.retries': 'Retry failed consumption',
  'guard.didi-pay.retries.desc':
    'A transient failure is retried after the retry delay until it succeeds (or the maximum is reached). Off: the message is dropped.',

  'inv.commission-or-refund': 'Paid ⇒ commission or refund',
  'inv.commission-or-refund.desc': 'Every paid order eventually has its commission booked or its payment refunded.',
  'inv.exactly-once': 'Exactly once',
  'inv.didi-pay.exactly-once.desc': 'No consumer applied a payment’s effect more than once.',
  'inv.eventually-consistent': 'Eventually consistent',
  'inv.didi-pay.eventually-consistent.desc':
    'Every paid order eventually has stock taken (or a refund), status paid, commission booked and procurement triggered.',

  'didipay.table.payments': 'Payments',
  'didipay.table.unacked': 'Sent, not yet acknowledged by DDMQ',
  'didipay.table.refunds': 'Refunds (the reverse flow)',
  'didipay.table.applied.stock': 'Stock taken per payment',
  'didipay.table.applied.orders': 'Orders set paid',
  'didipay.table.applied.ledger': 'Commissions booked',
  'didipay.table.applied.procure': 'Purchases triggered',
  'didipay.table.processed': 'Processed message ids (idempotency)',
  'didipay.table.dead': 'Messages given up or dropped',
  'didipay.table.reverse': 'Refunds asked for (reverse flow)',
  'didipay.col.payment': 'Payment',
  'didipay.col.status': 'Status',
  'didipay.col.amount': 'Amount',
  'didipay.col.at': 'Time (ms)',
  'didipay.col.tries': 'Tries',
  'didipay.col.reason': 'Reason',
  'didipay.col.asked': 'Requests',
  'didipay.col.mid': 'Message id',
  'didipay.col.applied': 'Times applied',
  'didipay.col.offset': 'Offset',
  'didipay.word.paid': 'paid',
  'didipay.word.oversold': 'oversold',
  'didipay.word.asked': 'asked',
  'didipay.word.done': 'refunded',
  'didipay.word.dropped': 'dropped',
  'didipay.word.retries': 'retries exhausted',

  'didipay.status.idle': 'idle',
  'didipay.status.down': 'down',
  'didipay.status.publishing': 'publishing',
  'didipay.status.serving': 'serving',
  'didipay.status.consuming': 'consuming',
  'didipay.status.retrying': 'retrying',
  'didipay.row.payments': 'payments',
  'didipay.row.refunds': 'refunds',
  'didipay.row.unacked': 'awaiting ack',
  'didipay.row.messages': 'messages in topic',
  'didipay.row.retrying': 'retries waiting',
  'didipay.row.dead': 'given up',
  'didipay.row.stock': 'stock left',
  'didipay.row.commission': 'commission (cents)',
  'didipay.row.applied': 'applied',
  'didipay.row.queued': 'polled, not processed',

  'didipay.note.paid': 'Payment {{tx}} succeeded: recorded; publish {{mid}}',
  'didipay.note.resend': 'No ack from DDMQ for {{tx}}: send again (try {{n}})',
  'didipay.note.acked': 'DDMQ stored “payment succeeded” for {{tx}} at offset {{offset}}',
  'didipay.note.refunded': 'Payment {{tx}} refunded ({{reason}})',
  'didipay.note.refundAgain': 'Refund of {{tx}} asked again: already refunded, answered (idempotent)',
  'didipay.note.refundRetry': 'No answer to the refund of {{tx}}: ask again',
  'didipay.note.refundDone': 'Refund of {{tx}} confirmed: the reverse flow is done',
  'didipay.note.oversold': '{{tx}} can never succeed: oversold — reverse flow, ask for a refund',
  'didipay.note.applied.stock': 'Stock decremented for {{tx}}',
  'didipay.note.applied.orders': 'Order {{tx}} set paid',
  'didipay.note.applied.ledger': 'Commission booked for {{tx}}',
  'didipay.note.applied.procure': 'Procurement triggered for {{tx}}',
  'didipay.note.appliedAgain': '{{who}} applied {{tx}} AGAIN ({{n}} times): not idempotent',
  'didipay.note.duplicate': '{{who}}: duplicate {{mid}} skipped (already processed: idempotent)',
  'didipay.note.failed': '{{who}}: attempt {{n}} at {{tx}} failed (transient); retry in {{ms}} ms',
  'didipay.note.dropped': '{{who}}: attempt at {{tx}} failed and is not retried: the message is dropped',
  'didipay.note.gaveUp': '{{who}}: gave up on {{tx}} after {{n}} attempts',
  'didipay.note.polled': 'Polled {{n}} record(s) from partition {{partition}}, offsets {{from}}–{{next}}',
  'didipay.note.broker.appended': 'Appended {{mid}} at {{pos}}',

  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.didi-pay.fanout': 'One “payment succeeded”, four consumers (S-DIDI-2)',
  'tour.didi-pay.fanout.1':
    'The payment service records payment P1 and publishes one “payment succeeded” message. DDMQ stores it (offset 0), acknowledges, and delivers it to four consumer groups: stock, orders, ledger and procurement.',
  'tour.didi-pay.fanout.2':
    'Each consumer does its own part in its own database: stock −1, order set paid, commission booked, procurement triggered. No distributed transaction — the message ties them together.',
  'tour.didi-pay.retry': 'Transient failures: retry towards success',
  'tour.didi-pay.retry.1':
    'The ledger’s database fails on the first attempt (a transient error). The consumer keeps the message and retries it 1 s later instead of giving up.',
  'tour.didi-pay.retry.2':
    'The fourth attempt succeeds and the commission is booked, once. For about 3 s “paid ⇒ commission” did not hold; now it does: eventually consistent.',
  'tour.didi-pay.retry.3':
    'With retries off, the same transient failure drops the message. The order is paid but the commission is never booked — exactly the customer complaint S-DIDI-2 warns about.',
  'tour.didi-pay.oversold': 'Oversold: the reverse flow (逆向流程) refunds',
  'tour.didi-pay.oversold.1': 'One item in stock and two payments. P1 takes the last item.',
  'tour.didi-pay.oversold.2':
    'P2 can never succeed at the stock service: it is oversold. Retrying would be pointless, so the stock service starts the reverse flow and asks the payment service for a refund.',
  'tour.didi-pay.oversold.3':
    'The payment service refunds P2 and confirms. The refund request is repeated until answered, and answered again if repeated (幂等), so P2 is refunded exactly once.',
  'tour.didi-pay.duplicate': 'Duplicates need idempotent consumers (S-DIDI-4)',
  'tour.didi-pay.duplicate.1':
    'DDMQ’s first acknowledgement is lost, so the payment service sends the message again. The topic now holds two copies of “P1 paid”, at offsets 0 and 1.',
  'tour.didi-pay.duplicate.2':
    'Every consumer finds the message id in its processed table and skips the second copy: stock, order, commission and procurement each happen once — idempotent (幂等).',
  'tour.didi-pay.duplicate.3':
    'Without the processed table every consumer applies the copy again: stock −2, commission booked twice, procurement triggered twice. Delivery is at-least-once; the consumers must be idempotent.',
};

export default en;
