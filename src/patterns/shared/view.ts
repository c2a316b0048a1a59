/** Node views (diagram + inspector rows) shared by the compensation patterns. Pure functions of a node's state. */
import type { NodeView, NodeViewRow, Tone } from '../../engine/pattern';
import type { NodeState } from '../../engine/types';
import { sum } from './accounts';
import type { ClientDurable } from './client';
import type { ServiceDurable, ServiceVolatile } from './service';

const SERVICE_TONE: Record<string, Tone> = {
  tried: 'prepared',
  done: 'committed',
  confirmed: 'committed',
  cancelled: 'aborted',
  compensated: 'aborted',
  emptyRollback: 'aborted',
  emptyCompensation: 'aborted',
  refusedTry: 'aborted',
  refusedAction: 'aborted',
  tryFailed: 'aborted',
  failed: 'aborted',
};

const fmt = (r: Readonly<Record<string, number>>) =>
  Object.keys(r).length === 0
    ? '0'
    : Object.entries(r)
        .map(([g, v]) => `${g}: ${v}`)
        .join(', ');

/** `reservations`: show the frozen / pending rows (TCC reserves; a Saga never does). */
export function serviceView(prefix: string, state: NodeState, reservations: boolean): NodeView {
  const d = state.durable as ServiceDurable;
  const v = state.volatile as ServiceVolatile;
  const l = d.ledger;
  const gids = Object.keys(d.status);
  const last = gids.length ? d.status[gids[gids.length - 1]] : undefined;
  const durable: NodeViewRow[] = [
    {
      label: `${prefix}.row.available`,
      value: l.available,
      tone: l.available < 0 ? 'violated' : undefined,
      pin: true, // the balance is what the room watches (money created by an empty rollback, a double confirm)
    },
    ...(reservations
      ? [
          {
            label: `${prefix}.row.frozen`,
            value: fmt(l.frozen),
            tone: sum(l.frozen) ? ('prepared' as const) : undefined,
          },
          {
            label: `${prefix}.row.pending`,
            value: fmt(l.pending),
            tone: sum(l.pending) ? ('prepared' as const) : undefined,
          },
        ]
      : []),
    ...gids.map((g) => ({
      label: `${prefix}.row.tx`,
      value: `${g}: ${d.status[g]}`,
      valueKey: `${prefix}.status.${d.status[g]}`,
      tone: SERVICE_TONE[d.status[g]] ?? 'working',
    })),
    ...d.barrier.map((r) => ({
      label: `${prefix}.row.barrier`,
      value: r.reason === r.op ? `${r.gid} · ${r.branch} · ${r.op}` : `${r.gid} · ${r.branch} · ${r.op} (${r.reason})`,
    })),
    ...Object.entries(l.applied).map(([k, n]) => ({
      label: `${prefix}.row.applied`,
      value: `${k} ×${n}`,
      tone: n > 1 ? ('violated' as const) : undefined,
    })),
  ];
  return {
    tone: last ? (SERVICE_TONE[last] ?? 'working') : 'idle',
    statusKey: `${prefix}.status.${last ?? 'idle'}`,
    locks: [...Object.keys(l.frozen).map((g) => `frozen:${g}`), ...Object.keys(l.pending).map((g) => `pending:${g}`)],
    durable,
    volatile: [{ label: `${prefix}.row.handled`, value: v.handled }],
  };
}

export function clientView(prefix: string, state: NodeState): NodeView {
  const d = state.durable as ClientDurable;
  const results = Object.entries(d.results);
  return {
    tone: results.length ? 'idle' : 'working',
    statusKey: `${prefix}.status.${results.length ? 'idle' : 'working'}`,
    locks: [],
    durable: [
      ...results.map(([g, o]) => ({
        label: `${prefix}.row.result`,
        value: `${g}: ${o}`,
        valueKey: `${prefix}.status.${o}`,
      })),
      ...d.reads.map((r) => ({
        label: `${prefix}.row.read`,
        value: `${r.node} = ${r.balance} @ ${Math.round(r.t)} ms`,
      })),
    ],
    volatile: [],
  };
}

/** The fields of a global transaction that a coordinator's node view shows (TCC's TM, the Saga coordinator). */
export interface GtxLike {
  gid: string;
  phase: string;
  retries: number;
  interval: number;
}

/**
 * A coordinator's view: its newest global transaction sets the tone (done / undone / retrying = blocked), each
 * transaction lists its phase, its branch rows and its retry state; the volatile part is what it awaits.
 */
export function gtxView<T extends GtxLike>(
  prefix: string,
  txs: readonly T[],
  awaiting: readonly string[],
  phases: { committed: string; aborted: string },
  branchRows: (tx: T) => NodeViewRow[],
): NodeView {
  const last = txs[txs.length - 1];
  const tone: Tone = !last
    ? 'idle'
    : last.phase === phases.committed
      ? 'committed'
      : last.phase === phases.aborted
        ? 'aborted'
        : last.retries > 0
          ? 'blocked'
          : 'working';
  return {
    tone,
    statusKey: `${prefix}.status.${last ? last.phase : 'idle'}`,
    locks: [],
    durable: txs.flatMap((t) => [
      { label: `${prefix}.row.gtx`, value: `${t.gid}: ${t.phase}`, valueKey: `${prefix}.status.${t.phase}` },
      ...branchRows(t),
      { label: `${prefix}.row.retry`, value: `${t.retries} · ${t.interval} ms` },
    ]),
    volatile: awaiting.map((a) => ({ label: `${prefix}.row.awaiting`, value: a })),
  };
}
