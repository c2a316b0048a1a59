/**
 * The code burden of best-effort notification: the merchant writes an idempotent notify handler and a
 * reconciliation job; the platform offers the notifier (with its ladder) and the order-query API.
 */
import type { HandlerDef } from '../../engine/pattern';

export const handlers: HandlerDef[] = [
  {
    id: 'notify-handler',
    role: 'merchant',
    code: [
      'POST /pay/notify                       // must answer within 5 s',
      '  verify signature; read notify_id, out_trade_no',
      '  BEGIN',
      '    INSERT INTO processed(notify_id) … ON CONFLICT DO NOTHING',
      '    if 0 rows inserted: COMMIT; return "success"   // duplicate',
      "    UPDATE orders SET status = 'paid' WHERE id = ? AND status = 'unpaid'",
      '    ship(order)',
      '  COMMIT',
      '  return "success"                     // else the platform retries',
    ],
    runsOn: ['NOTIFY'],
  },
  {
    id: 'reconcile-job',
    role: 'merchant',
    code: [
      'every 10 min (or by hand):',
      "  for o in SELECT id FROM orders WHERE status = 'unpaid' AND created < now() - 10 min LIMIT 100:",
      '    r = platform.queryOrder(o.id)      // the order-query API',
      '    if r.trade_state == SUCCESS: apply(r) the same idempotent way',
    ],
    runsOn: ['RECONCILE', 'reconcile', 'QUERY_RESULT'],
  },
  {
    id: 'query-api',
    role: 'platform',
    code: ['GET /orders/{out_trade_no}', '  return { trade_state, notify_id } from the platform’s own database'],
    runsOn: ['QUERY'],
  },
  {
    id: 'notifier',
    role: 'platform',
    code: [
      '-- run by the platform, not by the merchant',
      'BEGIN; UPDATE orders SET paid; INSERT notification(notify_id, n = 1); COMMIT',
      'POST notify_url; no "success" within 5 s → wait ladder[n], n += 1',
      'after the last step: give up (the merchant must reconcile)',
    ],
    runsOn: ['PAY', 'ACK', 'deadline', 'retry'],
  },
];
