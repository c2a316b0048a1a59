/** The code a business team writes for the Didi order + coupon flow on DDMQ (after CarreraTxMsgExample). */
import type { HandlerDef } from '../../engine/pattern';

export const handlers: HandlerDef[] = [
  {
    id: 'place-order',
    role: 'order',
    code: [
      'void placeOrder(Order o) {',
      '  // 1. send first: a delayed tx monitor (S-DIDI-3)',
      '  DelayResult m = producer.addTxMonitorMessageBuilder(',
      '      delay("order-tx-monitor", now + monitorDelay, body(o.id, o.coupon))).send();',
      '  if (m.getCode() != OK) return refuse(o);        // nothing locked yet',
      '  coupons.lock(o.coupon, o.id);                   // 2. preparation',
      '  orders.insert(o);                               // 3. base operation, last',
      '  producer.cancelTxMonitorMessageBuilder(cancel(m.getUniqDelayMsgId())).send();',
      '}   // save failed / crashed / cancel lost → the monitor comes back',
    ],
    runsOn: ['PLACE', 'DELAY_ACK', 'LOCKED', 'save'],
  },
  {
    id: 'on-monitor',
    role: 'order',
    code: [
      '// the business’s own consumer of the monitor: DDMQ has no check-back',
      'Result onTxMonitor(Msg m) {',
      '  if (orders.exists(m.orderId)) return cancel(m);  // settled: stop the loop',
      '  coupons.unlock(m.coupon, m.orderId);           // no order: repair (idempotent)',
      '  return cancel(m);   // unlock failed → no cancel → redelivered after the interval',
      '}   // S-DIDI-5: a delay shorter than saving an order finds "no order" too early',
    ],
    runsOn: ['TX_MONITOR', 'UNLOCKED'],
  },
  {
    id: 'coupon',
    role: 'coupon',
    code: [
      '@Transactional void lock(String coupon, String order) {',
      "  UPDATE coupon SET st = 'locked', by = :order WHERE id = :coupon AND st = 'free'",
      '}',
      '@Transactional void unlock(String coupon, String order) {   // idempotent',
      "  UPDATE coupon SET st = 'free' WHERE id = :coupon AND by = :order AND st = 'locked'",
      '}',
    ],
    runsOn: ['LOCK', 'UNLOCK'],
  },
];
