/** The code a business team writes for the outbox: one local transaction each side, and the relay's loop. */
import type { HandlerDef } from '../../engine/pattern';

export const handlers: HandlerDef[] = [
  {
    id: 'place-order',
    role: 'order',
    code: [
      '@Transactional',
      'void placeOrder(Order o) {',
      '  orders.insert(o);',
      '  outbox.insert(id = uuid(), aggregatetype = "order",',
      '                aggregateid = o.id, type = "OrderCreated", payload = json(o));',
      '}                         // both rows commit, or neither',
    ],
    runsOn: ['PLACE'],
  },
  {
    id: 'relay',
    role: 'relay',
    code: [
      '// polling publisher (or Debezium outbox event router tailing the binlog)',
      'every pollInterval:',
      "  for row in SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT batch:",
      '    kafka.send("outbox.event." + row.aggregatetype, key = row.aggregateid, row)',
      "      .onAck(() -> UPDATE outbox SET status = 'sent' WHERE id = row.id)",
    ],
    runsOn: ['poll', 'ROWS', 'CDC', 'PRODUCE_ACK'],
  },
  {
    id: 'consume',
    role: 'consumer',
    code: [
      '@KafkaListener(topics = "outbox.event.order")   // enable.auto.commit=false',
      'void on(Record r) {',
      '  tx(() -> {',
      '    if (inbox.exists(r.id)) return;          // dedup: at-least-once → effectively once',
      '    inbox.insert(r.id);',
      '    stock.reserve(r.aggregateid, r.payload.qty);',
      '  });',
      '  consumer.commitSync();                     // offset after processing',
      '}',
    ],
    runsOn: ['RECORDS', 'proc'],
  },
];
