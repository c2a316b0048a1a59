/**
 * The customer's app: it places an order at the merchant (which answers with the order id it will expect a
 * notification for), then pays it at the payment platform.
 */
import { role, same } from '../../engine/pattern';
import type { StepResult } from '../../engine/types';
import { CLIENT, CT, MERCHANT, PLATFORM, type COrder } from './types';

type R = StepResult<Record<string, never>, Record<string, never>>;

export const clientRole = role<Record<string, never>, Record<string, never>>({
  init: () => ({ durable: {}, volatile: {} }),
  tables: {
    [CT.orders]: {
      durable: true,
      view: {
        title: 'notify.table.clientOrders',
        columns: [
          { field: '$key', label: 'notify.col.order' },
          { field: 'st', label: 'notify.col.state', valueKey: 'notify.status' },
          { field: 'start', label: 'notify.col.start' },
        ],
        tone: (row) => (row.st === 'paying' ? 'committed' : 'working'),
      },
    },
  },
  step(s, input, ctx): R {
    const db = ctx.db;
    if (input.kind === 'request' && input.request.type === 'PAY') {
      const tx = String(input.request.tx);
      if (db.has(CT.orders, tx)) return same(s);
      db.put(CT.orders, tx, { start: ctx.now, st: 'ordering' } satisfies COrder);
      return same(s, [
        { kind: 'send', to: MERCHANT, msg: { type: 'ORDER', tx } },
        { kind: 'note', key: 'notify.note.order', params: { tx } },
      ]);
    }
    if (input.kind === 'deliver' && input.msg.type === 'ORDER_OK') {
      const tx = String(input.msg.tx);
      const o = db.get<COrder & Record<string, unknown>>(CT.orders, tx);
      if (!o || o.st !== 'ordering') return same(s);
      db.put(CT.orders, tx, { start: o.start, st: 'paying' } satisfies COrder);
      return same(s, [{ kind: 'send', to: PLATFORM, msg: { type: 'PAY', tx, from: CLIENT } }]);
    }
    return same(s);
  },
});
