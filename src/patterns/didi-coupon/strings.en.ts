/** Strings of the Didi order + coupon flow (src/patterns/didi-coupon). (English.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.didi-coupon.name': meta.name.en,
  'pattern.didi-coupon.desc':
    'Place an order with a coupon: both or neither (S-DIDI-1). DDMQ has no half message and no check-back: the order service first sends a cancellable delayed “tx monitor”, locks the coupon (the preparation), saves the order (the base operation, last) and cancels the monitor. If saving fails, the monitor comes back to the order service’s own consumer, which finds no order and unlocks the coupon — retried until it succeeds.',

  'role.didi-coupon.order': 'Order service + monitor consumer',
  'role.didi-coupon.broker': 'DDMQ (delayed messages)',
  'role.didi-coupon.coupon': 'Coupon service',
  'node.didi-coupon.order': 'Order service',
  'node.didi-coupon.broker': 'DDMQ',
  'node.didi-coupon.rocketmq': 'RocketMQ',
  'node.didi-coupon.coupon': 'Coupon service',

  'scenario.didi-coupon.s-didi-1-happy.title': 'S-DIDI-1: order saved, monitor cancelled',
  'scenario.didi-coupon.s-didi-1-happy.desc':
    'Monitor sent first (delayed 120 s), coupon locked, order saved, monitor cancelled: the monitor is never delivered and the coupon stays with the order.',
  'scenario.didi-coupon.s-didi-1-save-fails.title': 'S-DIDI-1: saving the order fails',
  'scenario.didi-coupon.s-didi-1-save-fails.desc':
    'The coupon is locked, then saving the order fails. Nobody cancels the monitor: 120 s later DDMQ delivers it to the order service’s consumer, which finds no order, unlocks the coupon and cancels the monitor.',
  'scenario.didi-coupon.s-didi-1-unlock-fails.title': 'S-DIDI-1: the unlock fails, then succeeds',
  'scenario.didi-coupon.s-didi-1-unlock-fails.desc':
    'Saving fails, and the coupon service is down when the monitor comes: the unlock is lost and nothing is cancelled. DDMQ delivers the monitor again after the interval (60 s), and this time the unlock succeeds — eventual consistency.',
  'scenario.didi-coupon.s-didi-3-send-first.title': 'S-DIDI-3: send first — crash after the lock',
  'scenario.didi-coupon.s-didi-3-send-first.desc':
    'The order service dies right after the coupon is locked. The monitor was sent first, so it comes back, finds no order and unlocks the coupon.',
  'scenario.didi-coupon.s-didi-3-send-not-first.title': 'S-DIDI-3 pitfall: message not sent first',
  'scenario.didi-coupon.s-didi-3-send-not-first.desc':
    'Same crash, but the service locks and saves first and would send the message afterwards. It dies in between: no message exists, nobody ever unlocks the coupon.',
  'scenario.didi-coupon.s-didi-5-short-delay.title': 'S-DIDI-5 pitfall: monitor delay too short',
  'scenario.didi-coupon.s-didi-5-short-delay.desc':
    'Saving the order takes 3 s, the monitor is delayed only 1 s. It comes while the order is still being saved; the consumer sees no order, decides the order failed and unlocks the coupon (an empty rollback). Then the order is saved after all: an order without its coupon.',
  'scenario.didi-coupon.s-didi-5-long-delay.title': 'S-DIDI-5: a delay longer than the base operation',
  'scenario.didi-coupon.s-didi-5-long-delay.desc':
    'Same 3 s save, monitor delayed 5 s: the order is saved and the monitor cancelled before it is due. Consistent.',

  'param.didi-coupon.txCount': 'Orders',
  'param.didi-coupon.txCount.help': 'How many orders are placed (each with its own coupon).',
  'param.didi-coupon.txGap': 'Gap between orders',
  'param.didi-coupon.txGap.help': 'Time between two orders.',
  'param.didi-coupon.saveTime': 'Saving the order takes',
  'param.didi-coupon.saveTime.help': 'Duration of the base operation (the order’s local transaction).',
  'param.didi-coupon.failRate': 'Save failure rate',
  'param.didi-coupon.failRate.help': 'Probability that saving an order fails (1: always).',
  'param.didi-coupon.monitorDelay': 'Monitor delay',
  'param.didi-coupon.monitorDelay.help':
    'When DDMQ first delivers the tx monitor unless it was cancelled. Must exceed the time the base operation can take (S-DIDI-5).',
  'param.didi-coupon.monitorInterval': 'Monitor re-delivery interval',
  'param.didi-coupon.monitorInterval.help': 'A monitor not cancelled is delivered again after this long.',
  'param.didi-coupon.monitorMax': 'Monitor deliveries',
  'param.didi-coupon.monitorMax.help': 'DDMQ stops delivering a monitor after this many times.',
  'param.didi-coupon.sendTimeout': 'Send timeout',
  'param.didi-coupon.sendTimeout.help':
    'The producer retries adding the monitor when DDMQ has not answered in this time.',
  'param.didi-coupon.sendRetries': 'Send retries',
  'param.didi-coupon.sendRetries.help': 'Retries of the monitor’s send before the order is refused.',

  'guard.didi-coupon.sendFirst': 'Send the message first (S-DIDI-3)',
  'guard.didi-coupon.sendFirst.desc':
    'The tx monitor is stored in DDMQ before the coupon is locked. Off: lock and save first, send afterwards — a crash in between leaves nothing to unlock the coupon.',

  'inv.atomicity': 'Atomicity',
  'inv.didi-coupon.atomicity.desc': 'A saved order always holds its coupon (locked by that order).',
  'inv.no-leak': 'No leaked lock',
  'inv.didi-coupon.no-leak.desc': 'Every locked coupon ends up used by a saved order or unlocked.',

  'didi.table.orders': 'Orders (the base operation’s table)',
  'didi.table.inflight': 'Requests in progress (memory)',
  'didi.table.coupons': 'Coupons',
  'didi.col.order': 'Order',
  'didi.col.status': 'Status',
  'didi.col.coupon': 'Coupon',
  'didi.col.at': 'Time (ms)',
  'didi.col.step': 'Step',
  'didi.col.willFail': 'Save will fail',
  'didi.col.lockedAt': 'Locked at (ms)',
  'didi.col.freedAt': 'Unlocked at (ms)',
  'didi.word.saved': 'saved',
  'didi.word.locked': 'locked',
  'didi.word.free': 'free',
  'didi.word.monitor': 'sending monitor',
  'didi.word.lock': 'locking coupon',
  'didi.word.saving': 'saving order',
  'didi.word.failed': 'save failed',
  'didi.word.gave-up': 'send failed',

  'didi.status.idle': 'idle',
  'didi.status.down': 'down',
  'didi.status.busy': 'working',
  'didi.status.saving': 'saving an order',
  'didi.status.locked': 'coupon locked',
  'didi.status.serving': 'serving',
  'didi.row.orders': 'orders saved',
  'didi.row.coupons': 'coupons',
  'didi.row.waiting': 'waiting',
  'didi.row.messages': 'messages in the queue',

  'didi.note.sendMonitor': '{{tx}}: send the tx monitor {{mid}} first (delay {{delay}} ms)',
  'didi.note.sendRetry': '{{tx}}: no answer from DDMQ, send the monitor again (try {{n}})',
  'didi.note.sendFailed': '{{tx}}: the monitor could not be sent ({{n}} tries): order refused, nothing locked',
  'didi.note.monitorStored': '{{tx}}: monitor {{mid}} stored; lock the coupon',
  'didi.note.lockFirst': '{{tx}}: lock coupon {{coupon}} first (the message will be sent later)',
  'didi.note.lockRefused': '{{tx}}: coupon {{coupon}} is taken: order failed',
  'didi.note.saving': '{{tx}}: saving the order (takes {{ms}} ms)',
  'didi.note.saved': '{{tx}}: order saved with coupon {{coupon}}; cancel the monitor',
  'didi.note.saveFailed': '{{tx}}: saving the order FAILED — the coupon is still locked',
  'didi.note.sendAfter': '{{tx}}: now send the message {{mid}} to unlock the coupon',
  'didi.note.monitorSaved': '{{tx}}: monitor #{{n}} — the order exists: cancel the monitor',
  'didi.note.monitorUnlock': '{{tx}}: monitor #{{n}} — no order: unlock coupon {{coupon}}',
  'didi.note.monitorTooEarly':
    '{{tx}}: monitor #{{n}} came while the order is still being saved — no order row yet, so it unlocks coupon {{coupon}}',
  'didi.note.unlockedCancel': '{{tx}}: coupon unlocked; cancel the monitor {{mid}}',
  'didi.note.cancelled': '{{tx}}: monitor {{mid}} cancelled',
  'didi.note.cancelLate': '{{tx}}: cancelling {{mid}} failed: already delivered for the last time',
  'didi.note.locked': 'Coupon {{coupon}} locked for {{tx}}',
  'didi.note.unlocked': 'Coupon {{coupon}} unlocked (released by {{tx}})',
  'didi.note.unlockNoop': 'Unlock of {{coupon}} for {{tx}}: not locked by it, nothing to do (idempotent)',
  'didi.note.broker.delayAdded': 'Delayed message {{mid}} stored, due at {{due}} ms',
  'didi.note.broker.delayFired': 'Delayed message {{mid}} delivered (#{{n}}); due again after the interval',
  'didi.note.broker.delayFiredLast': 'Delayed message {{mid}} delivered for the last time (#{{n}})',
  'didi.note.broker.delayCancelled': 'Delayed message {{mid}} cancelled',
  'param.didi-coupon.mq': 'Message queue (DDMQ ↔ RocketMQ)',
  'param.didi-coupon.mq.help':
    'ddmq: a delayed tx monitor, cancelled when settled, re-checked by the business’s own consumer. rocketmq: a half message ended by COMMIT / ROLLBACK, with the broker’s check-back.',
  'param.didi-coupon.transactionTimeOut': 'RocketMQ: check-back after',
  'param.didi-coupon.transactionTimeOut.help': 'A half message is checked back once it is this old (RocketMQ only).',
  'param.didi-coupon.transactionCheckInterval': 'RocketMQ: check round interval',
  'param.didi-coupon.transactionCheckInterval.help':
    'The broker checks its half messages once per round (RocketMQ only).',
  'param.didi-coupon.transactionCheckMax': 'RocketMQ: maximum checks',
  'param.didi-coupon.transactionCheckMax.help': 'After this many checks a half message is discarded (RocketMQ only).',
  'param.didi-coupon.fetchTimeout': 'RocketMQ: long poll',
  'param.didi-coupon.fetchTimeout.help': 'The coupon service’s idle pull is answered after this long (RocketMQ only).',

  'scenario.didi-coupon.s-didi-1-save-fails-rocketmq.title': 'S-DIDI-1 on RocketMQ: saving fails, COMMIT unlocks',
  'scenario.didi-coupon.s-didi-1-save-fails-rocketmq.desc':
    'The same failed save on RocketMQ’s model: the half message “unlock the coupon” is committed right after the failure, and the coupon service consumes it and unlocks — no 120 s wait.',
  'scenario.didi-coupon.s-didi-3-send-first-rocketmq.title': 'S-DIDI-3 on RocketMQ: crash after the lock, check-back',
  'scenario.didi-coupon.s-didi-3-send-first-rocketmq.desc':
    'The order service dies after the lock; the half message is never ended. The broker’s first check round after transactionTimeOut (6 s) asks the order service, which finds no order and answers COMMIT: the coupon is unlocked.',
  'scenario.didi-coupon.s-didi-5-rocketmq.title': 'S-DIDI-5 on RocketMQ: the same 3 s save',
  'scenario.didi-coupon.s-didi-5-rocketmq.desc':
    'The S-DIDI-5 scenario on RocketMQ: no business-chosen delay — the order is saved and the half message rolled back long before the broker would check (after 6 s, at its next round). Consistent.',

  'didi.row.halfOpen': 'half messages open',
  'didi.note.sendHalf': '{{tx}}: send the half message {{mid}} first (“unlock the coupon”, invisible until committed)',
  'didi.note.commitUnlock': '{{tx}}: COMMIT {{mid}}: the coupon service will consume it and unlock',
  'didi.note.savedRollback': '{{tx}}: order saved with coupon {{coupon}}; ROLLBACK the unlock message',
  'didi.note.checkSaved': '{{tx}}: check-back #{{n}} — the order exists: ROLLBACK',
  'didi.note.checkCommit': '{{tx}}: check-back #{{n}} — no order: COMMIT (unlock the coupon)',
  'didi.note.checkTooEarly':
    '{{tx}}: check-back #{{n}} came while the order is still being saved — no order row yet: COMMIT',
  'didi.note.consumeUnlock': 'Unlock message for {{tx}} consumed: unlock coupon {{coupon}}',
  'didi.note.polled': 'Polled {{n}} record(s) from partition {{partition}}, offsets {{from}}–{{next}}',
  'didi.note.broker.appended': 'Appended {{mid}} at {{pos}}',
  'didi.note.broker.halfStored': 'Half message {{mid}} stored (invisible to consumers)',
  'didi.note.broker.committed': 'COMMIT: {{mid}} is now visible at {{pos}}',
  'didi.note.broker.rolledBack': 'ROLLBACK: half message {{mid}} deleted',
  'didi.note.broker.unknown': 'UNKNOW for {{mid}}: it waits for the check-back',
  'didi.note.broker.endIgnored': '{{state}} for {{mid}} ignored: already ended',
  'didi.note.broker.check': 'Check round: asking the order service about {{mid}} (check {{n}})',
  'didi.note.broker.discarded': '{{mid}} discarded after {{n}} checks',
  'didi.note.broker.sentBack': '{{mid}} sent back: retry {{n}} in {{wait}}',
  'didi.note.broker.retryDue': 'Retry {{n}} of {{mid}} delivered',
  'didi.note.broker.deadLettered': '{{mid}} failed {{n}} retries: moved to {{pos}}',

  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.didi-coupon.order': 'Lock a coupon, save the order (S-DIDI-1)',
  'tour.didi-coupon.order.1':
    'Send first: before touching anything, the order service stores a delayed “tx monitor” message in DDMQ, due in 120 s. Only when DDMQ has acknowledged it does the flow go on.',
  'tour.didi-coupon.order.2':
    'The coupon service locks the coupon for T1. This is a preparation: if what follows fails, the monitor message will undo it.',
  'tour.didi-coupon.order.3':
    'The base operation, saving the order, comes last. It succeeded, so the order service cancels the monitor message: it is never delivered, and the coupon stays with the order.',
  'tour.didi-coupon.unlock': 'Saving fails: the monitor message unlocks the coupon',
  'tour.didi-coupon.unlock.1':
    'Saving the order fails. The coupon is still locked and nobody cancels the monitor message — which is exactly what will repair it.',
  'tour.didi-coupon.unlock.2':
    'At 120 s DDMQ delivers the monitor message to the order service. It finds no order T1, so it unlocks the coupon: the preparation is rolled back, and both-or-neither holds.',
  'tour.didi-coupon.unlock.3':
    'The unlock can fail too: here the coupon service is down when the first monitor message arrives, and the unlock is lost. The monitor was not cancelled, so it is still pending.',
  'tour.didi-coupon.unlock.4':
    'DDMQ delivers the monitor again after its interval (60 s later). This time the unlock succeeds, and only then is the monitor cancelled: eventual consistency through re-delivery.',
  'tour.didi-coupon.sendfirst': 'Send the message first (S-DIDI-3)',
  'tour.didi-coupon.sendfirst.1':
    'The order service crashes the moment the coupon is locked, before it saves the order. Because the monitor message was sent first, DDMQ already holds it.',
  'tour.didi-coupon.sendfirst.2':
    'When it falls due, the monitor message finds no order and unlocks the coupon. The crash cost nothing but time.',
  'tour.didi-coupon.sendfirst.3':
    'The same crash when the service locks first and means to send the message later: after the restart no message exists and nothing remembers the lock. The coupon stays locked for good.',
  'tour.didi-coupon.delay': 'The monitor’s delay must not be too short (S-DIDI-5)',
  'tour.didi-coupon.delay.1':
    'Saving takes 3 s, but the monitor message is delayed only 1 s. It arrives while the order is still being saved, finds no order yet, and unlocks the coupon — a rollback of an order that has not failed (空回滚).',
  'tour.didi-coupon.delay.2':
    'At 3 s the order is saved after all — with a coupon that has already been released: the order and the coupon disagree.',
  'tour.didi-coupon.delay.3':
    'With a 5 s delay, longer than the 3 s save, the order is saved and the monitor cancelled before it falls due: consistent. The delay must exceed the base operation’s worst-case time.',
};

export default en;
