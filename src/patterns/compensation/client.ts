/**
 * The client of a compensation pattern: starts the Bob → Smith transfers at the transaction manager and, as a third
 * party (an auditor), reads a balance in the middle of them. Its durable tables keep what it learned: `results`
 * (gid → outcome), `reads` (one row per balance read, keyed 0, 1, …) and `seen` (one row per settled effect a read
 * included, keyed `gid@node`: the no-dirty-read invariant judges those).
 */
import { same, type RoleDef, type TableSpec, type Tone } from '../../engine/pattern';
import type { Row, StepContext } from '../../engine/types';

export const RESULTS = 'results';
export const READS = 'reads';
export const SEEN = 'seen';

export type ResultRow = { outcome: string; t: number };
/** A third party's balance read (the auditor): the balance it saw and the settled effects that value included. */
export type ReadRow = { t: number; node: string; balance: number; effects: string[] };
export type SeenRow = { gid: string; node: string };

export const seenKey = (gid: string, node: string) => `${gid}@${node}`;

export type ClientDurable = Record<string, never>;

const RESULT_TONE: Record<string, Tone> = {
  confirmed: 'committed',
  succeeded: 'committed',
  cancelled: 'aborted',
  aborted: 'aborted',
};

export function clientTables(prefix: string): Record<string, TableSpec> {
  return {
    [RESULTS]: {
      durable: true,
      view: {
        title: `${prefix}.table.results`,
        columns: [
          { field: '$key', label: `${prefix}.col.gid` },
          { field: 'outcome', label: `${prefix}.col.outcome`, valueKey: `${prefix}.status` },
          { field: 't', label: `${prefix}.col.time` },
        ],
        tone: (r: Row) => RESULT_TONE[String(r.outcome)],
      },
    },
    [READS]: {
      durable: true,
      view: {
        title: `${prefix}.table.reads`,
        columns: [
          { field: 'node', label: `${prefix}.col.node` },
          { field: 'balance', label: `${prefix}.col.balance` },
          { field: 't', label: `${prefix}.col.time` },
          { field: 'effects', label: `${prefix}.col.effects` },
        ],
      },
    },
    [SEEN]: { durable: true },
  };
}

/** `tm`: where a transfer starts — the transaction manager, or (choreography) the first step's service. */
export function clientRole(
  prefix: string,
  tm: string | ((ctx: StepContext) => string),
): RoleDef<ClientDurable, Record<string, never>> {
  return {
    init: () => ({ durable: {}, volatile: {} }),
    tables: clientTables(prefix),
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
      const db = ctx.db;
      if (m.type === 'RESULT') {
        db.put(RESULTS, String(m.tx), { outcome: String(m.outcome), t: ctx.now } satisfies ResultRow);
        // an event published through an outbox (choreography) is acknowledged, or it is published again
        return same(s, m.eid !== undefined ? [{ kind: 'send', to: input.from, msg: { type: 'ACK', eid: m.eid } }] : []);
      }
      if (m.type === 'READ_REPLY') {
        const rec: ReadRow = {
          t: ctx.now,
          node: input.from,
          balance: Number(m.balance),
          effects: Array.isArray(m.effects) ? m.effects.map(String) : [],
        };
        db.put(READS, String(db.size(READS)), rec);
        for (const g of rec.effects)
          db.put(SEEN, seenKey(g, input.from), { gid: g, node: input.from } satisfies SeenRow);
        return same(s, [
          {
            kind: 'note',
            key: `${prefix}.note.read`,
            params: { node: input.from, balance: rec.balance },
            tag: 'info',
          },
        ]);
      }
      return same(s);
    },
  };
}
