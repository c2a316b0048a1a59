/**
 * The client of a compensation pattern: starts the Bob → Smith transfer at the transaction manager and, as a third
 * party (an auditor), reads a balance in the middle of it. Its durable state keeps what it learned: outcomes and
 * every balance it read (the no-dirty-read invariant judges those reads).
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { NodeState, StepContext } from '../../engine/types';
import type { ReadRecord } from './accounts';

export interface ClientDurable {
  results: Record<string, string>;
  reads: ReadRecord[];
}

export type ClientState = NodeState<ClientDurable, Record<string, never>>;

/** `tm`: where the transfer starts — the transaction manager, or (choreography) the first step's service. */
export function clientRole(
  prefix: string,
  tm: string | ((ctx: StepContext) => string),
): RoleDef<ClientDurable, Record<string, never>> {
  return {
    init: () => ({ durable: { results: {}, reads: [] }, volatile: {} }),
    step(s, input, ctx) {
      if (input.kind === 'request') {
        const r = input.request;
        if (r.type === 'TRANSFER') {
          return same(s, [
            { kind: 'note', key: `${prefix}.note.transfer`, params: { gid: String(r.tx), amount: Number(r.amount) } },
            {
              kind: 'send',
              to: typeof tm === 'string' ? tm : tm(ctx),
              msg: { type: 'BEGIN', tx: r.tx, amount: r.amount },
            },
          ]);
        }
        if (r.type === 'AUDIT') {
          return same(s, [{ kind: 'send', to: String(r.target), msg: { type: 'READ' } }]);
        }
        return same(s);
      }
      if (input.kind !== 'deliver') return same(s);
      const m = input.msg;
      if (m.type === 'RESULT') {
        return {
          state: {
            ...s,
            durable: { ...s.durable, results: { ...s.durable.results, [String(m.tx)]: String(m.outcome) } },
          },
          // an event published through an outbox (choreography) is acknowledged, or it is published again
          effects: m.eid !== undefined ? [{ kind: 'send', to: input.from, msg: { type: 'ACK', eid: m.eid } }] : [],
        };
      }
      if (m.type === 'READ_REPLY') {
        const rec: ReadRecord = {
          t: ctx.now,
          node: input.from,
          balance: Number(m.balance),
          effects: Array.isArray(m.effects) ? m.effects.map(String) : [],
        };
        return {
          state: { ...s, durable: { ...s.durable, reads: [...s.durable.reads, rec] } },
          effects: [
            {
              kind: 'note',
              key: `${prefix}.note.read`,
              params: { node: input.from, balance: rec.balance },
              tag: 'info',
            },
          ],
        };
      }
      return same(s);
    },
  };
}
