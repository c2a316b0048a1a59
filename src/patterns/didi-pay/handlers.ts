/** The code a business team writes for the Didi payment fan-out on DDMQ (and, with mq = rocketmq, on RocketMQ). */
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
    id: 'on-payment-rocketmq',
    role: 'pay',
    code: [
      '// mq = rocketmq: a TransactionMQProducer with its TransactionListener',
      'producer.sendMessageInTransaction(halfMsg("pay.succeeded", p), p);   // half first',
      'LocalTransactionState executeLocalTransaction(Message m, Object p) {',
      '  try (tx) { payments.insert(p); return COMMIT_MESSAGE; }     // or UNKNOW',
      '  catch (Exception e) { return ROLLBACK_MESSAGE; }',
      '}',
      'LocalTransactionState checkLocalTransaction(MessageExt m) {   // the check-back (反查)',
      '  if (payments.exists(m.getKeys())) return COMMIT_MESSAGE;',
      '  return sending(m.getKeys()) ? UNKNOW : ROLLBACK_MESSAGE;',
      '}',
    ],
    runsOn: ['HALF_OK', 'CHECK_TX'],
  },
  {
    id: 'consume',
    role: 'ledger',
    code: [
      'Result onPaymentSucceeded(Msg m) {   // stock, orders, ledger, procurement alike',
      '  try (tx) {',
      '    if (processed.exists(m.payment)) return OK;  // S-DIDI-4: idempotent, by payment',
      '    processed.insert(m.payment);',
      '    if (!reversed.exists(m.order)) ledger.bookCommission(m.order, m.amount * rate);',
      '    return OK;',
      '  } catch (Transient e) { return FAIL; }   // DDMQ: retry after retryDelay;',
      '}                                         // RocketMQ: RECONSUME_LATER, 10s … 2h, %DLQ%',
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
      '    ledger.reverseCommission(m.order);         // then: a refund keeps no commission',
      '    return OK;',
      '  }',
      '  stock.decrement(m.item); return OK;',
      '}',
    ],
    runsOn: ['RECORDS', 'REFUNDED', 'REVERSED', 'refund'],
  },
  {
    id: 'reverse-commission',
    role: 'ledger',
    code: [
      '@Transactional void reverseCommission(String order) {   // idempotent',
      '  if (reversed.exists(order)) return;                   // asked again: answered',
      '  reversed.insert(order, booked(order));                // also stops a later booking',
      '  ledger.credit(-booked(order));',
      '}',
    ],
    runsOn: ['REVERSE'],
  },
];
