/**
 * Saga by choreography (param coordination = 'choreography'): no coordinator. Each account service reacts to an
 * event, runs its local transaction and, in that same local transaction, writes the next event into its outbox
 * (transactional outbox); a relay publishes outbox rows until the receiver acknowledges them — at-least-once, so a
 * receiver must be idempotent (the barrier again).
 * Forward: the first step's service gets BEGIN from the client; on success it publishes ACTION to the next step (the
 * last one publishes RESULT "succeeded" to the client); on a business failure it publishes COMPENSATE to the previous
 * step (or RESULT "aborted"); a compensated step publishes COMPENSATE further back, the first one RESULT "aborted".
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Effect, Msg, StepContext } from '../../engine/types';
import {
  handleOp,
  initialService,
  readReply,
  type OpSpec,
  type ServiceConfig,
  type ServiceDurable,
  type ServiceVolatile,
} from '../shared/service';

export interface OutboxRow {
  eid: string;
  to: string;
  msg: Msg;
}

export interface ChoreoDurable extends ServiceDurable {
  outbox: OutboxRow[];
  /** Events published so far (for unique event ids). */
  published: number;
}

export function choreoStepOrder(ctx: StepContext): string[] {
  return ctx.params.order === 'credit-first' ? ['smith', 'bob'] : ['bob', 'smith'];
}

const RELAY = 'relay';

export function choreoRole(cfg: ServiceConfig): RoleDef<ChoreoDurable, ServiceVolatile> {
  const relayAfter = (ctx: StepContext) => Number(ctx.params.retryInterval);
  return {
    init: (ctx) => ({ durable: { ...initialService(cfg, ctx), outbox: [], published: 0 }, volatile: { handled: 0 } }),
    step(s, input, ctx) {
      const d = s.durable;
      if (input.kind === 'recover' || (input.kind === 'timer' && input.name === RELAY)) {
        if (d.outbox.length === 0) return same(s);
        return same(s, [
          ...(input.kind === 'timer'
            ? [
                {
                  kind: 'note',
                  key: 'saga.note.relay',
                  params: { node: ctx.self, n: d.outbox.length },
                  tag: 'block',
                } as Effect,
              ]
            : []),
          ...d.outbox.map((o): Effect => ({ kind: 'send', to: o.to, msg: o.msg })),
          { kind: 'setTimer', name: RELAY, after: relayAfter(ctx) },
        ]);
      }
      if (input.kind !== 'deliver') return same(s);
      const msg = input.msg;
      const vol = { handled: s.volatile.handled + 1 };
      if (msg.type === 'READ') {
        return { state: { ...s, volatile: vol }, effects: [{ kind: 'send', to: input.from, msg: readReply(d) }] };
      }
      if (msg.type === 'ACK') {
        const outbox = d.outbox.filter((o) => o.eid !== msg.eid);
        return {
          state: { durable: { ...d, outbox }, volatile: vol },
          effects: outbox.length === 0 ? [{ kind: 'cancelTimer', name: RELAY }] : [],
        };
      }
      const type = msg.type === 'BEGIN' ? 'ACTION' : msg.type;
      const op: OpSpec | undefined = cfg.ops.find((o) => o.type === type);
      if (!op) return same(s);
      const gid = String(msg.tx);
      const amount = Number(msg.amount);
      const client = msg.type === 'BEGIN' ? input.from : String(msg.client);
      const steps = choreoStepOrder(ctx);
      const idx = steps.indexOf(ctx.self);
      const r = handleOp(cfg, d, op, gid, amount, ctx);
      const ack: Effect[] =
        msg.eid !== undefined ? [{ kind: 'send', to: input.from, msg: { type: 'ACK', eid: msg.eid } }] : [];
      if (r.verdict === 'transient')
        return { state: { durable: { ...d, ...r.durable }, volatile: vol }, effects: r.notes };

      // What this local transaction publishes (nothing for a skipped duplicate or a refused late action).
      let next: { to: string; msg: Msg } | null = null;
      const result = (outcome: string) => ({ to: client, msg: { type: 'RESULT', tx: gid, outcome } });
      const event = (t: string, to: string) => ({ to, msg: { type: t, tx: gid, amount, client } });
      const goBack = () => (idx > 0 ? event('COMPENSATE', steps[idx - 1]) : result('aborted'));
      if (r.verdict === 'run' && op.kind === 'forward') {
        next = idx + 1 < steps.length ? event('ACTION', steps[idx + 1]) : result('succeeded');
      } else if (r.verdict === 'failed' || ((r.verdict === 'run' || r.verdict === 'empty') && op.kind === 'undo')) {
        next = goBack();
      }
      const base: ChoreoDurable = { ...d, ...r.durable };
      if (!next) return { state: { durable: base, volatile: vol }, effects: [...r.notes, ...ack] };
      const eid = `${ctx.self}:${d.published + 1}`;
      const row: OutboxRow = { eid, to: next.to, msg: { ...next.msg, eid } };
      return {
        state: { durable: { ...base, outbox: [...d.outbox, row], published: d.published + 1 }, volatile: vol },
        effects: [
          ...r.notes,
          {
            kind: 'note',
            key: 'saga.note.publish',
            params: { node: ctx.self, type: row.msg.type, to: row.to, gid },
            tag: 'info',
          },
          ...ack,
          { kind: 'send', to: row.to, msg: row.msg },
          { kind: 'setTimer', name: RELAY, after: relayAfter(ctx) },
        ],
      };
    },
  };
}
