/**
 * Saga by choreography (param coordination = 'choreography'): no coordinator. Each account service reacts to an
 * event, runs its local transaction and, in that same local transaction, writes the next event into its outbox
 * (transactional outbox: a durable table keyed by event id); a relay publishes outbox rows until the receiver
 * acknowledges them — at-least-once, so a receiver must be idempotent (the barrier again).
 * Forward: the first step's service gets BEGIN from the client; on success it publishes ACTION to the next step (the
 * last one publishes RESULT "succeeded" to the client); on a business failure it publishes COMPENSATE to the previous
 * step (or RESULT "aborted"); a compensated step publishes COMPENSATE further back, the first one RESULT "aborted".
 */
import { same, type RoleDef, type TableSpec } from '../../engine/pattern';
import type { Effect, Msg, StepContext } from '../../engine/types';
import {
  changed,
  handleOp,
  initialService,
  readReply,
  serviceTables,
  type OpSpec,
  type ServiceConfig,
  type ServiceDurable,
  type ServiceVolatile,
} from '../compensation/service';

export const OUTBOX = 'outbox';

/** An outbox row: the event to publish (`type` and `gid` repeat the message's, for the table view). */
export type OutboxRow = { eid: string; to: string; type: string; gid: string; msg: Msg };

export interface ChoreoDurable extends ServiceDurable {
  /** Events published so far (for unique event ids). */
  published: number;
  /** Outbox rows not acknowledged yet (the relay's work; 0 when the outbox is empty). */
  unacked: number;
}

/** A choreographed service's durable state, as one object literal (every state shares a hidden class). */
const choreoDurable = (
  available: number,
  failures: Record<string, number>,
  published: number,
  unacked: number,
): ChoreoDurable => ({ available, failures, published, unacked });

export function choreoStepOrder(ctx: StepContext): string[] {
  return ctx.params.order === 'credit-first' ? ['smith', 'bob'] : ['bob', 'smith'];
}

const RELAY = 'relay';

export function outboxTable(prefix: string): TableSpec {
  return {
    durable: true,
    view: {
      title: `${prefix}.table.outbox`,
      columns: [
        { field: '$key', label: `${prefix}.col.eid` },
        { field: 'to', label: `${prefix}.col.to` },
        { field: 'type', label: `${prefix}.col.type` },
        { field: 'gid', label: `${prefix}.col.gid` },
      ],
      tone: () => 'working',
    },
  };
}

export function choreoRole(cfg: ServiceConfig): RoleDef<ChoreoDurable, ServiceVolatile> {
  const relayAfter = (ctx: StepContext) => Number(ctx.params.retryInterval);
  const byType = new Map(cfg.ops.map((o) => [o.type, o]));
  return {
    init: (ctx) => {
      const { available, failures } = initialService(cfg, ctx);
      return { durable: { available, failures, published: 0, unacked: 0 }, volatile: { handled: 0 } };
    },
    tables: { ...serviceTables(cfg.prefix, cfg.reservations), [OUTBOX]: outboxTable(cfg.prefix) },
    step(s, input, ctx) {
      const d = s.durable;
      const db = ctx.db;
      if (input.kind === 'recover' || (input.kind === 'timer' && input.name === RELAY)) {
        const n = db.size(OUTBOX);
        if (n === 0) return same(s);
        // the relay's work is the unacknowledged rows only (acknowledged ones leave the outbox)
        const sends: Effect[] = [];
        for (const eid of db.keys(OUTBOX)) {
          const o = db.get<OutboxRow>(OUTBOX, eid);
          if (o) sends.push({ kind: 'send', to: o.to, msg: o.msg });
        }
        return same(s, [
          ...(input.kind === 'timer'
            ? [{ kind: 'note', key: 'saga.note.relay', params: { node: ctx.self, n }, tag: 'block' } as Effect]
            : []),
          ...sends,
          { kind: 'setTimer', name: RELAY, after: relayAfter(ctx) },
        ]);
      }
      if (input.kind !== 'deliver') return same(s);
      const msg = input.msg;
      const vol = { handled: s.volatile.handled + 1 };
      if (msg.type === 'READ') {
        return { state: { ...s, volatile: vol }, effects: [{ kind: 'send', to: input.from, msg: readReply(d, ctx) }] };
      }
      if (msg.type === 'ACK') {
        const eid = String(msg.eid);
        const had = db.has(OUTBOX, eid);
        db.del(OUTBOX, eid);
        const left = db.size(OUTBOX);
        return {
          state: { durable: had ? choreoDurable(d.available, d.failures, d.published, left) : d, volatile: vol },
          effects: left === 0 ? [{ kind: 'cancelTimer', name: RELAY }] : [],
        };
      }
      const type = msg.type === 'BEGIN' ? 'ACTION' : msg.type;
      const op: OpSpec | undefined = byType.get(type);
      if (!op) return same(s);
      const gid = String(msg.tx);
      const amount = Number(msg.amount);
      const client = msg.type === 'BEGIN' ? input.from : String(msg.client);
      const steps = choreoStepOrder(ctx);
      const idx = steps.indexOf(ctx.self);
      const effects: Effect[] = [];
      const r = handleOp(cfg, d, op, gid, amount, ctx, effects);
      const base = changed(d, r) ? choreoDurable(r.available, r.failures, d.published, d.unacked) : d;
      if (r.verdict === 'transient') return { state: { durable: base, volatile: vol }, effects };
      const ack: Effect | null =
        msg.eid !== undefined ? { kind: 'send', to: input.from, msg: { type: 'ACK', eid: msg.eid } } : null;

      // What this local transaction publishes (nothing for a skipped duplicate or a refused late action).
      let to: string | null = null;
      let next: Msg | null = null;
      if (r.verdict === 'run' && op.kind === 'forward') {
        if (idx + 1 < steps.length) {
          to = steps[idx + 1];
          next = { type: 'ACTION', tx: gid, amount, client };
        } else {
          to = client;
          next = { type: 'RESULT', tx: gid, outcome: 'succeeded' };
        }
      } else if (r.verdict === 'failed' || ((r.verdict === 'run' || r.verdict === 'empty') && op.kind === 'undo')) {
        // go back: compensate the step before, or the saga is aborted
        if (idx > 0) {
          to = steps[idx - 1];
          next = { type: 'COMPENSATE', tx: gid, amount, client };
        } else {
          to = client;
          next = { type: 'RESULT', tx: gid, outcome: 'aborted' };
        }
      }
      if (to === null || next === null) {
        if (ack) effects.push(ack);
        return { state: { durable: base, volatile: vol }, effects };
      }
      const eid = `${ctx.self}:${d.published + 1}`;
      next.eid = eid;
      const row: OutboxRow = { eid, to, type: next.type, gid, msg: next };
      db.put(OUTBOX, eid, row);
      effects.push({
        kind: 'note',
        key: 'saga.note.publish',
        params: { node: ctx.self, type: next.type, to, gid },
        tag: 'info',
      });
      if (ack) effects.push(ack);
      effects.push({ kind: 'send', to, msg: next }, { kind: 'setTimer', name: RELAY, after: relayAfter(ctx) });
      return {
        state: {
          durable: choreoDurable(base.available, base.failures, d.published + 1, db.size(OUTBOX)),
          volatile: vol,
        },
        effects,
      };
    },
  };
}
