/** Strings of the best-effort notification pattern (src/patterns/notify). (English; loaded only when this language is shown.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.notify.name': meta.name.en,
  'pattern.notify.desc':
    'A payment platform marks an order paid, then notifies the merchant over HTTP and retries on a time ladder (WeChat Pay: 15 s … 6 h, 24 h 4 min in all) until the merchant answers “success” in time — or gives up after the last step. Notifications can arrive twice, so the merchant must be idempotent by notify_id; a lost one is recovered only by querying the platform (reconciliation).',

  'role.notify.client': 'Customer',
  'role.notify.platform': 'Payment platform',
  'role.notify.merchant': 'Merchant',
  'node.notify.client': 'Customer app',
  'node.notify.platform': 'Payment platform',
  'node.notify.merchant': 'Merchant server',

  'scenario.notify.ben-happy.title': 'Paid and notified',
  'scenario.notify.ben-happy.desc':
    'The customer orders at the merchant and pays at the platform; the platform notifies the merchant, which marks the order paid and answers “success” within 5 s. One attempt.',
  'scenario.notify.s-ben-1.title': 'S-BEN-1 Merchant down, retried on the ladder',
  'scenario.notify.s-ben-1.desc':
    'The merchant is down for 5 minutes. Attempts at +0, 15 s, 30 s, 1 min and 4 min fail; the 6th, 14 min after the first, is delivered. Eventually consistent, after a 14-minute window.',
  'scenario.notify.s-ben-1-give-up.title': 'S-BEN-1 Down past the last step: given up',
  'scenario.notify.s-ben-1-give-up.desc':
    'The merchant is down for 25 hours. All 16 notifications (24 h 4 min) fail and the platform stops. The order is paid at the platform and unpaid at the merchant — for good, since nothing reconciles.',
  'scenario.notify.s-ben-2.title': 'S-BEN-2 Reconciliation repairs it (scheduled)',
  'scenario.notify.s-ben-2.desc':
    'As before, but the merchant’s reconciliation job runs every 10 minutes once it is back: it queries the platform for its unpaid order, learns it was paid and applies it. Repaired; no-lost-notification was broken between the give-up and the repair.',
  'scenario.notify.s-ben-2-on-demand.title': 'S-BEN-2 Reconciliation on demand',
  'scenario.notify.s-ben-2-on-demand.desc':
    'The platform gave up; an operator starts reconciliation by hand one minute after the merchant is back. One query repairs the order.',
  'scenario.notify.ben-duplicate.title': 'Duplicate notification, idempotent merchant',
  'scenario.notify.ben-duplicate.desc':
    'The network delivers the notification twice. The merchant’s processed-notifications table already has its notify_id, so the second copy is answered “success” and applied nothing.',
  'scenario.notify.ben-duplicate-no-idempotency.title': 'Duplicate notification, no idempotency',
  'scenario.notify.ben-duplicate-no-idempotency.desc':
    'The same duplicate without the guard: the order is applied (shipped) twice and exactly-once breaks.',
  'scenario.notify.ben-lost-ack.title': 'Lost “success”, idempotent merchant',
  'scenario.notify.ben-lost-ack.desc':
    'The merchant applied the order but its answer is lost; the platform counts the attempt failed and notifies again 15 s later with the same notify_id. The merchant recognises it.',
  'scenario.notify.ben-lost-ack-no-idempotency.title': 'Lost “success”, no idempotency',
  'scenario.notify.ben-lost-ack-no-idempotency.desc':
    'The same lost answer without the guard: the retry applies the order a second time.',
  'scenario.notify.ben-slow-handler.title': 'Slow handler past the 5 s deadline',
  'scenario.notify.ben-slow-handler.desc':
    'The merchant’s handler takes 8 s on the first notification. The platform stops waiting at 5 s and counts the attempt failed (although the order was applied); 15 s after the first it notifies again, and the late “success” is ignored.',
  'scenario.notify.ben-alipay.title': 'Alipay’s ladder',
  'scenario.notify.ben-alipay.desc':
    'Alipay’s intervals 4 m, 10 m, 10 m, 1 h, 2 h, 6 h, 15 h (8 notifications within 25 h). The merchant is down for 2 h: attempts at +0, 4 m, 14 m, 24 m and 1 h 24 m fail; the one at 3 h 24 m is delivered.',
  'scenario.notify.ben-custom.title': 'Custom ladder, then reconciliation',
  'scenario.notify.ben-custom.desc':
    'A short custom ladder (1 s, 5 s, 30 s) gives up within a minute while the merchant is down — an interval shorter than the 5 s deadline waits for the deadline, so attempts go at +0, 5 s, 10 s and 40 s. A reconciliation by hand at 2 min repairs the order. The whole story in ten minutes.',

  'param.notify.txCount': 'Orders',
  'param.notify.txCount.help': 'How many orders the customer places and pays.',
  'param.notify.txGap': 'Gap between orders',
  'param.notify.txGap.help': 'Time between two orders.',
  'param.notify.ladder': 'Retry ladder',
  'param.notify.ladder.help':
    'The intervals between notifications after each failed one: WeChat Pay’s (24 h 4 min in all), Alipay’s (8 notifications within 25 h) or your own (the custom ladder below).',
  'param.notify.customLadder': 'Custom ladder',
  'param.notify.customLadder.help': 'Intervals separated by commas, with units ms, s, m, h: “1s,5s,30s”.',
  'param.notify.deadline': 'Answer deadline',
  'param.notify.deadline.help':
    'How long the platform waits for the merchant’s “success”. WeChat Pay: 5 s; a later answer counts as a failure.',
  'param.notify.handlerTime': 'Handler time',
  'param.notify.handlerTime.help': 'How long the merchant’s notify handler takes to verify, update and answer.',
  'param.notify.slowCount': 'Slow notifications',
  'param.notify.slowCount.help': 'The first this many notifications the merchant handles are slow.',
  'param.notify.slowTime': 'Slow handler time',
  'param.notify.slowTime.help': 'How long a slow notification takes the handler.',
  'param.notify.reconcile': 'Reconciliation',
  'param.notify.reconcile.help':
    'off; on a schedule (the merchant queries its unpaid orders every interval); or on demand (one run at the time below).',
  'param.notify.reconcileEvery': 'Reconciliation interval',
  'param.notify.reconcileEvery.help':
    'How often the scheduled job runs; it queries orders unpaid for at least this long.',
  'param.notify.reconcileAt': 'On-demand reconciliation at',
  'param.notify.reconcileAt.help': 'When an operator starts reconciliation by hand (on-demand mode).',

  'guard.notify.idempotency': 'Idempotent notify handler',
  'guard.notify.idempotency.desc':
    'The merchant records each notify_id in a processed-notifications table, in the same local transaction as the order update, and applies a notification it has seen before nothing.',

  'inv.exactly-once': 'Exactly once',
  'inv.exactly-once.desc': 'No business handler ran twice for the same transaction, branch and operation.',
  'inv.eventually-consistent': 'Eventually consistent',
  'inv.notify.eventually-consistent.desc': 'Eventually every order paid at the platform is paid at the merchant.',
  'inv.no-lost-notification': 'No lost notification',
  'inv.no-lost-notification.desc':
    'No paid order whose notification the platform gave up on while the merchant still does not know it was paid.',

  'notify.status.ordering': 'ordering',
  'notify.status.paying': 'paying',
  'notify.status.paid': 'paid',
  'notify.status.unpaid': 'unpaid',
  'notify.status.sending': 'sending',
  'notify.status.failed': 'failed',
  'notify.status.delivered': 'delivered',
  'notify.status.given-up': 'given up',
  'notify.status.idle': 'idle',
  'notify.status.notifying': 'notifying',
  'notify.status.retrying': 'retrying',
  'notify.status.waiting': 'waiting for payments',
  'notify.status.appliedTwice': 'applied twice',
  'notify.status.armed': 'scheduled',
  'notify.via.notify': 'notification',
  'notify.via.reconcile': 'reconciliation',

  'notify.row.paid': 'Orders paid',
  'notify.row.delivered': 'Notifications delivered',
  'notify.row.givenUp': 'Given up',
  'notify.row.applied': 'Payments applied',
  'notify.row.processed': 'Processed notify_ids',
  'notify.row.unpaid': 'Unpaid orders',
  'notify.row.queries': 'Reconciliation queries',
  'notify.row.reconcile': 'Reconciliation job',
  'notify.row.more': 'older rows',

  'notify.table.clientOrders': 'Orders placed',
  'notify.table.platformOrders': 'Platform orders',
  'notify.table.attempts': 'Notification attempts',
  'notify.table.merchantOrders': 'Merchant orders',
  'notify.table.processed': 'Processed notifications (dedup)',
  'notify.col.order': 'Order',
  'notify.col.state': 'State',
  'notify.col.start': 'Placed at',
  'notify.col.paidAt': 'Paid at',
  'notify.col.notifyId': 'notify_id',
  'notify.col.attempt': 'Attempt',
  'notify.col.sentAt': 'Sent at',
  'notify.col.nextAt': 'Next retry at',
  'notify.col.via': 'Via',
  'notify.col.applied': 'Applied',
  'notify.col.at': 'At',

  'notify.note.order': 'The customer places order {{tx}} at the merchant.',
  'notify.note.paid': 'Local transaction: {{tx}} paid, notification due. Notify the merchant.',
  'notify.note.deadline': 'No “success” for {{tx}} attempt {{n}} within the deadline.',
  'notify.note.attemptFailed': 'Attempt {{n}} for {{tx}} failed; next one {{wait}} after it.',
  'notify.note.retry': 'Notify {{tx}} again: attempt {{n}}, same notify_id.',
  'notify.note.delivered': '{{tx}} delivered on attempt {{n}}.',
  'notify.note.givenUp': 'Last step of the ladder: {{tx}} given up after {{n}} attempts.',
  'notify.note.applied': '{{tx}} marked paid and shipped (one local transaction).',
  'notify.note.appliedTwice': '{{tx}} applied again ({{n}} times): shipped twice.',
  'notify.note.duplicateIgnored': 'notify_id {{mid}} already processed: answer “success”, apply nothing.',
  'notify.note.repaired': 'Reconciliation: the platform says {{tx}} is paid; applied.',
  'notify.note.reconcile': 'Reconciliation: query {{n}} unpaid orders.',
  'notify.note.slow': 'The handler is slow on {{tx}}: its answer will miss the deadline.',
  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.notify.ladder': 'The retry ladder (S-BEN-1)',
  'tour.notify.ladder.1':
    'The platform (the active party) has finished the payment and notifies the merchant — who is down.',
  'tour.notify.ladder.2':
    'No answer: the platform retries by a time ladder — 15 s, 15 s, 30 s, 3 min, 10 min… each wait longer than the last (S-BEN-1).',
  'tour.notify.ladder.3':
    'The merchant is back and the 6th attempt is answered. Best effort: it arrives if the passive party recovers in time.',
  'tour.notify.giveup': 'The give-up point',
  'tour.notify.giveup.1':
    'After the 16th attempt (about 24 h) the platform gives up: with best effort alone, the merchant may never learn the order was paid.',
  'tour.notify.query': 'The reconciliation query (S-BEN-2)',
  'tour.notify.query.1':
    "The merchant calls the platform's reconciliation query API for orders it has not heard about (S-BEN-2): it asks instead of waiting to be told.",
  'tour.notify.query.2':
    'The answer says O1 was paid and the merchant repairs its state. The query API is what makes best effort safe.',
  'tour.notify.duplicate': 'Duplicates need idempotency (幂等)',
  'tour.notify.duplicate.1':
    "The same notification arrives twice; the merchant's handler is idempotent (幂等), keyed by the notification id, and ignores the copy.",
};
export default en;
