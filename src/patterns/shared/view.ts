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
