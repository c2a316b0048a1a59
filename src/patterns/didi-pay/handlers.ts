/** The code a business team writes for the Didi payment fan-out on DDMQ. */
import type { HandlerDef } from '../../engine/pattern';

export const handlers: HandlerDef[] = [
  {
    id: 'on-payment',
    role: 'pay',
    code: [
      '@Transactional void onPaymentCallback(Payment p) {',
      '  payments.insert(p); unacked.insert(p.id);     // one local transaction',
      '}',
      'every ackTimeout, and after a restart: for p in unacked:',
      '  producer.messageBuilder().setTopic("pay.succeeded").setBody(p).send()',
      '    .onOk(() -> unacked.delete(p.id));        // at-least-once: duplicates happen',
    ],
    runsOn: ['PAID', 'ack', 'PRODUCE_ACK'],
  },
  {
    id: 'consume',
    role: 'ledger',
    code: [
      'Result onPaymentSucceeded(Msg m) {   // stock, orders, ledger, procurement alike',
      '  try (tx) {',
      '    if (processed.exists(m.id)) return OK;     // S-DIDI-4: idempotent',
      '    processed.insert(m.id);',
      '    ledger.bookCommission(m.order, m.amount * rate);',
      '    return OK;',
      '  } catch (Transient e) { return FAIL; }      // DDMQ retries after retryDelay',
      '}',
    ],
    runsOn: ['RECORDS', 'proc', 'retry'],
  },
  {
    id: 'reverse-flow',
    role: 'stock',
    code: [
      'Result onPaymentSucceeded(Msg m) {',
      '  if (stock.left(m.item) == 0) {               // can never succeed: oversold',
      '    reverse.insert(m.order);                   // the reverse flow',
      '    payment.refund(m.order, "oversold");       // repeated until answered',
      '    return OK;',
      '  }',
      '  stock.decrement(m.item); return OK;',
      '}',
    ],
    runsOn: ['RECORDS', 'REFUNDED', 'refund'],
  },
];
