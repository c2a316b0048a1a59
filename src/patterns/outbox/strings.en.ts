/** Strings of the local message table / transactional outbox pattern (src/patterns/outbox). (English.) */
import { meta } from './meta';
const en: Record<string, string> = {
  'pattern.outbox.name': meta.name.en,
  'pattern.outbox.desc':
    'The order service writes its business row and an outbox row in one local transaction; a relay forwards outbox rows to a Kafka-like topic and marks them on the broker’s ack; the inventory service consumes, applies the effect in its own local transaction and commits its offset. Delivery is at-least-once: the consumer must deduplicate.',

  'role.outbox.order': 'Order service + database',
  'role.outbox.relay': 'Message relay',
  'role.outbox.broker': 'Broker (Kafka-like)',
  'role.outbox.consumer': 'Consumer (inventory)',
  'node.outbox.order': 'Order service',
  'node.outbox.relay': 'Relay',
  'node.outbox.broker': 'Broker',
  'node.outbox.consumer': 'Inventory service',

  'scenario.outbox.s-outbox-happy.title': 'Happy path: the three steps',
  'scenario.outbox.s-outbox-happy.desc':
    '(1) One local transaction writes the order and its outbox row. (2) The relay’s next poll publishes the row to outbox.event.order and marks it sent on the ack. (3) The inventory service reserves stock once and commits its offset.',
  'scenario.outbox.s-outbox-relay-crash.title': 'Relay crashes between publish and mark (dedup on)',
  'scenario.outbox.s-outbox-relay-crash.desc':
    'The broker acknowledged the message, but the relay dies before marking the row. Back up, it finds the row still pending and publishes it again: two copies in the topic. The consumer’s inbox knows the message id, so stock is reserved once.',
  'scenario.outbox.s-outbox-relay-crash-no-dedup.title': 'Relay crashes between publish and mark (dedup off)',
  'scenario.outbox.s-outbox-relay-crash-no-dedup.desc':
    'Same crash, no inbox table: the republished copy is applied again. Stock is reserved twice and exactly-once breaks at the second application.',
  'scenario.outbox.s-outbox-consumer-crash.title': 'Consumer crashes before committing its offset (dedup on)',
  'scenario.outbox.s-outbox-consumer-crash.desc':
    'The inventory service applies the message and dies before its offset commit leaves. Back up, it fetches from the committed offset and gets the message again; the inbox skips it.',
  'scenario.outbox.s-outbox-consumer-crash-no-dedup.title': 'Consumer crashes before committing its offset (dedup off)',
  'scenario.outbox.s-outbox-consumer-crash-no-dedup.desc':
    'Same crash without the inbox: the redelivered message is applied twice.',
  'scenario.outbox.s-outbox-broker-down.title': 'Broker down for four seconds',
  'scenario.outbox.s-outbox-broker-down.desc':
    'The relay’s publishes are lost while the broker is down; it retries every ack timeout, and the order is delivered right after the broker comes back. The outbox row waits, committed, the whole time.',
  'scenario.outbox.s-outbox-log-tailing.title': 'Log tailing (CDC): five orders',
  'scenario.outbox.s-outbox-log-tailing.desc':
    'The relay tails the database log (Debezium’s outbox event router): each committed outbox row reaches the topic a few tens of ms later. Compare the delivery times with the polling publisher.',
  'scenario.outbox.s-outbox-polling.title': 'Polling publisher: five orders',
  'scenario.outbox.s-outbox-polling.desc':
    'The relay queries pending rows once a second: an order waits up to a full poll interval before it is published.',
  'scenario.outbox.s-outbox-auto-commit-loss.title': 'Auto-commit loses a message',
  'scenario.outbox.s-outbox-auto-commit-loss.desc':
    'With enable.auto.commit the consumer commits what it polled, processed or not. It dies after the commit and before processing: after the restart it starts past the message, which is never applied.',

  'param.outbox.txCount': 'Orders',
  'param.outbox.txCount.help': 'How many orders the order service places.',
  'param.outbox.txGap': 'Gap between orders',
  'param.outbox.txGap.help': 'Time between two orders.',
  'param.outbox.relay': 'Relay',
  'param.outbox.relay.help':
    'polling: a scheduled query for pending rows; log-tailing: change data capture reads each committed row from the database log.',
  'param.outbox.pollInterval': 'Poll interval',
  'param.outbox.pollInterval.help': 'How often the polling publisher queries the outbox.',
  'param.outbox.cdcLag': 'Log tailing lag',
  'param.outbox.cdcLag.help': 'How long after the commit the log-tailing relay sees an outbox row.',
  'param.outbox.batch': 'Poll batch',
  'param.outbox.batch.help': 'Most pending rows one poll reads.',
  'param.outbox.ackTimeout': 'Ack timeout',
  'param.outbox.ackTimeout.help':
    'The relay publishes a row again when the broker has not acknowledged it in this time.',
  'param.outbox.onAck': 'On ack',
  'param.outbox.onAck.help': 'mark: the row stays with status sent; delete: the row is removed.',
  'param.outbox.partitions': 'Partitions',
  'param.outbox.partitions.help': 'Partitions of the topic; an order id always maps to the same one.',
  'param.outbox.commit': 'Offset commit',
  'param.outbox.commit.help':
    'after-processing: the consumer commits after applying each message (at-least-once); auto: it commits what it polled every interval, processed or not.',
  'param.outbox.autoCommitInterval': 'Auto-commit interval',
  'param.outbox.autoCommitInterval.help': 'How often auto-commit commits the polled position.',
  'param.outbox.fetchTimeout': 'Fetch wait',
  'param.outbox.fetchTimeout.help': 'An idle consumer polls again after this long (also repeats a lost fetch).',
  'param.outbox.fetchMax': 'Records per poll',
  'param.outbox.fetchMax.help': 'Most records one fetch returns.',
  'param.outbox.procTime': 'Processing time',
  'param.outbox.procTime.help': 'Time the consumer takes to apply one message.',

  'guard.outbox.dedup': 'Consumer dedup (inbox)',
  'guard.outbox.dedup.desc':
    'The consumer records each message id in an inbox table in the same local transaction as the effect, and skips ids it has seen: idempotent consumption.',

  'inv.eventually-consistent': 'Eventually consistent',
  'inv.outbox.eventually-consistent.desc': 'Every committed order’s effect is eventually applied by the consumer.',
  'inv.no-lost-message': 'No lost message',
  'inv.no-lost-message.desc': 'Every outbox row is eventually published (acknowledged by the broker) and consumed.',
  'inv.outbox-drained': 'Outbox drained',
  'inv.outbox-drained.desc': 'Eventually no outbox row is left pending.',

  'outbox.table.orders': 'Orders (business table)',
  'outbox.table.outbox': 'Outbox (local message table)',
  'outbox.table.inflight': 'Published, waiting for the ack',
  'outbox.table.inbox': 'Inbox (processed message ids)',
  'outbox.table.effects': 'Stock reservations (the effect)',
  'outbox.col.order': 'Order',
  'outbox.col.status': 'Status',
  'outbox.col.qty': 'Qty',
  'outbox.col.at': 'Time (ms)',
  'outbox.col.id': 'Message id',
  'outbox.col.aggregatetype': 'aggregatetype',
  'outbox.col.aggregateid': 'aggregateid',
  'outbox.col.type': 'type',
  'outbox.col.tries': 'Tries',
  'outbox.col.offset': 'Offset',
  'outbox.col.applied': 'Times applied',
  'outbox.word.pending': 'pending',
  'outbox.word.sent': 'sent',
  'outbox.word.created': 'created',

  'outbox.status.pending': 'rows pending',
  'outbox.status.idle': 'idle',
  'outbox.status.down': 'down',
  'outbox.status.publishing': 'publishing',
  'outbox.status.serving': 'serving',
  'outbox.status.consuming': 'consuming',
  'outbox.row.orders': 'orders',
  'outbox.row.pending': 'outbox pending',
  'outbox.row.inflight': 'awaiting ack',
  'outbox.row.messages': 'messages in topic',
  'outbox.row.committed': 'committed offset',
  'outbox.row.uncommitted': 'not yet consumed',
  'outbox.row.inbox': 'inbox rows',
  'outbox.row.stock': 'stock',
  'outbox.row.queued': 'polled, not processed',

  'outbox.note.placed': 'Order {{tx}} and outbox row {{mid}} written in one local transaction',
  'outbox.note.publish': 'Relay publishes {{mid}} to {{topic}}',
  'outbox.note.retry': 'No ack for {{mid}}: publish again (try {{n}})',
  'outbox.note.acked': 'Broker acknowledged {{mid}} at partition {{partition}}, offset {{offset}}',
  'outbox.note.marked': 'Outbox row {{mid}} done ({{how}})',
  'outbox.note.polled': 'Polled {{n}} record(s) from partition {{partition}}, offsets {{from}}–{{next}}',
  'outbox.note.applied': 'Stock reserved for {{tx}} (message {{mid}}, offset {{offset}})',
  'outbox.note.appliedAgain': 'Stock reserved AGAIN for {{tx}}: message {{mid}} applied {{n}} times',
  'outbox.note.duplicate': 'Duplicate {{mid}} (offset {{offset}}) skipped: already in the inbox (idempotent)',
  'outbox.note.broker.appended': 'Appended {{mid}} at {{pos}}',
  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.outbox.flow': 'One local transaction, then a relay',
  'tour.outbox.flow.1':
    'The order and its event row are written in one local transaction: the message is stored exactly when the order is.',
  'tour.outbox.flow.2': 'The relay polls the outbox table and publishes the event to the broker.',
  'tour.outbox.flow.3':
    'The consumer reads the event from the broker and applies it: eventually consistent, with no distributed transaction.',
  'tour.outbox.flow.4': "On the broker's acknowledgement the relay marks the outbox row as sent.",
  'tour.outbox.redeliver': 'At-least-once delivery',
  'tour.outbox.redeliver.1':
    'The relay crashes after the broker stored the event, before it could mark the row as sent.',
  'tour.outbox.redeliver.2':
    'After the restart the row is still unmarked, so the relay publishes it again: delivery is at least once, not exactly once.',
  'tour.outbox.redeliver.3':
    "The consumer's dedup table recognises evt-T1 and skips the copy — an idempotent (幂等) consumer.",
  'tour.outbox.redeliver.4':
    'Without deduplication the same event is applied twice: at-least-once delivery needs an idempotent (幂等) consumer.',
  'tour.outbox.brokerdown': 'The broker is down',
  'tour.outbox.brokerdown.1':
    'The broker is down, yet the order was placed: its event waits safely in the outbox table while the relay keeps retrying.',
};

export default en;
