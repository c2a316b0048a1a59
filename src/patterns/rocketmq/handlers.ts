/** The code a business team writes for RocketMQ transactional messages: the send, the two listener methods, the consumer. */
import type { HandlerDef } from '../../engine/pattern';

export const handlers: HandlerDef[] = [
  {
    id: 'send-in-transaction',
    role: 'producer',
    code: [
      'TransactionMQProducer producer = new TransactionMQProducer("order_producer");',
      'producer.setTransactionListener(new OrderTxListener());',
      '// 1–2: half message (invisible), synchronous; 3: executeLocalTransaction; 4: END_TRANSACTION, one way',
      'producer.sendMessageInTransaction(new Message("ORDER_TOPIC", json(order)), order);',
    ],
    runsOn: ['PLACE', 'HALF_OK', 'send'],
  },
  {
    id: 'execute-local',
    role: 'producer',
    code: [
      'LocalTransactionState executeLocalTransaction(Message msg, Object arg) {',
      '  try {',
      '    tx(() -> { orders.insert(order); txLog.insert(txId, "committed"); });  // one local transaction',
      '    return COMMIT_MESSAGE;',
      '  } catch (BusinessException e) { return ROLLBACK_MESSAGE; }',
      '  // an exception or a null answer counts as UNKNOW: the broker will check back',
      '}',
    ],
    runsOn: ['local'],
  },
  {
    id: 'check-local',
    role: 'producer',
    code: [
      '// 5 (S-TXM-1, 反查): the broker asks after transactionTimeOut, every transactionCheckInterval, ≤ 15 times',
      'LocalTransactionState checkLocalTransaction(MessageExt msg) {',
      '  Status s = txLog.find(msg.getTransactionId());       // read the local table, never guess',
      '  if (s == COMMITTED) return COMMIT_MESSAGE;',
      '  if (s == null && stillRunning(msg)) return UNKNOW;     // ask me again next round',
      '  return ROLLBACK_MESSAGE;',
      '}',
    ],
    runsOn: ['CHECK_TX'],
  },
  {
    id: 'consume',
    role: 'consumer',
    code: [
      'consumer.subscribe("ORDER_TOPIC", "*");        // group inventory_group, also reads %RETRY%inventory_group',
      'consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {',
      '  for (MessageExt m : msgs) {',
      '    try {',
      '      tx(() -> {',
      '        if (consumed.exists(m.getKeys())) return;   // 幂等: at-least-once → effectively once',
      '        consumed.insert(m.getKeys());',
      '        stock.reserve(orderOf(m));',
      '      });',
      '    } catch (Exception e) {',
      '      return RECONSUME_LATER;                      // retried 10s, 30s, 1m … 2h, then %DLQ%',
      '    }',
      '  }',
      '  return CONSUME_SUCCESS;',
      '});',
    ],
    runsOn: ['RECORDS', 'proc'],
  },
];
