/**
 * The DDMQ ↔ RocketMQ switch the Didi patterns share (issue 12: "the Didi scenarios run on DDMQ by default; one switch
 * runs the same scenario on RocketMQ's model, same seed, so the two can be compared"). One broker node whose model is
 * chosen per step by the parameter `mq`: DDMQ's delayed messages (./ddmq.ts) or RocketMQ's half messages, check-back
 * rounds, retry ladder and %DLQ% (./txn.ts). Nothing of either model is copied here; this only picks one.
 *
 * API
 *   mqParam: ParamDef                 `mq`, options ddmq | rocketmq, default ddmq (strings: param.<pattern>.mq)
 *   onRocketMQ(params): boolean       the switch as the reducers, topology and surface read it
 *   mqBrokerRole({ notePrefix, delayedView }): RoleDef   the broker node; `delayedView` says whose view the shared
 *                                     `delayedMsgs` table gets (DDMQ's tx monitors, or RocketMQ's scheduled retries)
 *   halfRows(db, n): NodeViewRow[]    a node card's rows for the newest n half messages (state, check count)
 */
import type { NodeViewRow, ParamDef, RoleDef } from '../../engine/pattern';
import type { DbReader, Params, Row } from '../../engine/types';
import { brokerRole, BT } from './index';
import { ddmqExtend, ddmqTables } from './ddmq';
import { txnBroker, type HalfRow } from './txn';

export const mqParam: ParamDef = {
  key: 'mq',
  kind: 'enum',
  default: 'ddmq',
  options: ['ddmq', 'rocketmq'],
  source:
    'PATTERNS.md: DDMQ (delayed monitor + cancel, check-back by the business) beside RocketMQ ≥ 4.3 (half message + broker check-back)',
};

/** The message-queue model a run uses (the DDMQ ↔ RocketMQ switch). */
export const onRocketMQ = (p: Params) => p.mq === 'rocketmq';

export interface MqBrokerConfig {
  notePrefix: string;
  /** Which model's view the `delayedMsgs` table (used by both, with their own rows) shows. */
  delayedView: 'ddmq' | 'rocketmq';
}

/** The queue: DDMQ or, with mq = rocketmq, RocketMQ's transactional broker — one node, its model per parameter. */
export function mqBrokerRole(cfg: MqBrokerConfig): RoleDef<never, never> {
  const ddmq = ddmqExtend({ notePrefix: cfg.notePrefix });
  const rocket = txnBroker({ notePrefix: cfg.notePrefix });
  return brokerRole({
    tables: cfg.delayedView === 'ddmq' ? { ...rocket.tables, ...ddmqTables } : { ...ddmqTables, ...rocket.tables },
    extend: (input, ctx) => (onRocketMQ(ctx.params) ? rocket.extend?.(input, ctx) : ddmq(input, ctx)) ?? null,
    notePrefix: cfg.notePrefix,
  });
}

/** The newest `n` half messages, oldest first: "half", "committed ×1" (after one check) … */
export function halfRows(db: DbReader, n: number): NodeViewRow[] {
  const out: NodeViewRow[] = [];
  for (const mid of db.newest(BT.half, n).reverse()) {
    const h = db.get<HalfRow & Row>(BT.half, mid);
    if (!h) continue;
    out.push({
      label: mid,
      value: h.checks ? `${h.state} ×${h.checks}` : h.state,
      tone: h.state === 'half' ? 'prepared' : h.state === 'committed' ? 'committed' : 'aborted',
    });
  }
  return out;
}
