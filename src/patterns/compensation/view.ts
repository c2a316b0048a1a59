/**
 * Node views (diagram + inspector rows) shared by the compensation patterns: small facts from a node's state and
 * tables — the balance, counts and the newest few rows ("+N more"). Whole tables are drawn by the generic table view
 * from each role's `tables[name].view`.
 */
import type { NodeView, NodeViewRow, Tone } from '../../engine/pattern';
import type { DbReader, NodeState } from '../../engine/types';
import { APPLIED, BARRIER, FROZEN, PENDING, STATUS, type AppliedRow, type StatusRow } from './accounts';
import type { BarrierRow } from './barrier';
import { FENCE, PLOG, type FenceRow, type PlogRow } from './fence';
import { READS, RESULTS, type ReadRow, type ResultRow } from './client';
import { AWAITING, TXS, gtxTone, type AwaitRow, type GtxRow, type Phases } from './gtx';
import { SERVICE_TONE, type ServiceDurable, type ServiceVolatile } from './service';

/** How many newest rows of a table a node view lists. */
export const NEWEST = 3;

/**
 * The newest `n` keys of a table, newest first: a trace cursor's reader (`dbAt`) answers it from a bounded look-back;
 * any other reader (a live run's tables, tests) by walking the keys.
 */
export function newestKeys(db: DbReader, table: string, n: number): string[] {
  const fast = (db as { newest?: (t: string, n: number) => string[] }).newest;
  if (typeof fast === 'function') return fast.call(db, table, n);
  const all = [...db.keys(table)];
  return all.slice(Math.max(0, all.length - n)).reverse();
}

/** The newest rows as view rows, and a "+N more" row when the table has more. */
function newestRows(
  prefix: string,
  db: DbReader,
  table: string,
  row: (key: string) => NodeViewRow | null,
): NodeViewRow[] {
  const keys = newestKeys(db, table, NEWEST);
  const out: NodeViewRow[] = [];
  for (const k of keys) {
    const r = row(k);
    if (r) out.push(r);
  }
  const more = db.size(table) - keys.length;
  if (more > 0) out.push({ label: `${prefix}.row.more`, value: more });
  return out;
}

/** `reservations`: show the frozen / pending rows (TCC reserves; a Saga never does). */
export function serviceView(prefix: string, state: NodeState, db: DbReader, reservations: boolean): NodeView {
  const d = state.durable as ServiceDurable;
  const v = state.volatile as ServiceVolatile;
  const newestGid = newestKeys(db, STATUS, 1)[0];
  const last = newestGid === undefined ? undefined : db.get<StatusRow>(STATUS, newestGid)?.st;
  const amountRows = (table: string) => {
    const n = db.size(table);
    return [
      { label: `${prefix}.row.${table}`, value: n, tone: n ? ('prepared' as const) : undefined },
      ...newestRows(prefix, db, table, (g) => ({
        label: `${prefix}.row.${table}`,
        value: `${g}: ${db.get<{ amount: number }>(table, g)?.amount}`,
        tone: 'prepared',
      })),
    ];
  };
  const durable: NodeViewRow[] = [
    {
      label: `${prefix}.row.available`,
      value: d.available,
      tone: d.available < 0 ? 'violated' : undefined,
      pin: true, // the balance is what the room watches (money created by an empty rollback, a double confirm)
    },
    ...(reservations ? [...amountRows(FROZEN), ...amountRows(PENDING)] : []),
    { label: `${prefix}.row.txCount`, value: db.size(STATUS) },
    ...newestRows(prefix, db, STATUS, (g) => {
      const st = db.get<StatusRow>(STATUS, g)?.st ?? 'none';
      return {
        label: `${prefix}.row.tx`,
        value: `${g}: ${st}`,
        valueKey: `${prefix}.status.${st}`,
        tone: SERVICE_TONE[st] ?? 'working',
      };
    }),
    { label: `${prefix}.row.barrierCount`, value: db.size(BARRIER) },
    ...newestRows(prefix, db, BARRIER, (k) => {
      const r = db.get<BarrierRow>(BARRIER, k);
      if (!r) return null;
      return {
        label: `${prefix}.row.barrier`,
        value:
          r.reason === r.op ? `${r.gid} · ${r.branch} · ${r.op}` : `${r.gid} · ${r.branch} · ${r.op} (${r.reason})`,
      };
    }),
    ...newestRows(prefix, db, FENCE, (k) => {
      const r = db.get<FenceRow>(FENCE, k);
      return r
        ? {
            label: `${prefix}.row.fence`,
            value: `${r.xid} · ${r.status}`,
            tone: r.status === 'suspended' ? ('aborted' as const) : undefined,
          }
        : null;
    }),
    ...newestRows(prefix, db, PLOG, (k) => {
      const r = db.get<PlogRow>(PLOG, k);
      return r ? { label: `${prefix}.row.plog`, value: `${r.gid} · ${r.phase}` } : null;
    }),
    ...newestRows(prefix, db, APPLIED, (k) => {
      const n = db.get<AppliedRow>(APPLIED, k)?.n ?? 0;
      return { label: `${prefix}.row.applied`, value: `${k} ×${n}`, tone: n > 1 ? 'violated' : undefined };
    }),
  ];
  return {
    tone: last ? (SERVICE_TONE[last] ?? 'working') : 'idle',
    statusKey: `${prefix}.status.${last ?? 'idle'}`,
    durable,
    volatile: [{ label: `${prefix}.row.handled`, value: v.handled }],
  };
}

export function clientView(prefix: string, db: DbReader): NodeView {
  const results = db.size(RESULTS);
  return {
    tone: results ? 'idle' : 'working',
    statusKey: `${prefix}.status.${results ? 'idle' : 'working'}`,
    durable: [
      ...(results > 1 ? [{ label: `${prefix}.row.resultCount`, value: results }] : []),
      ...newestRows(prefix, db, RESULTS, (g) => {
        const o = db.get<ResultRow>(RESULTS, g)?.outcome ?? 'none';
        return { label: `${prefix}.row.result`, value: `${g}: ${o}`, valueKey: `${prefix}.status.${o}` };
      }),
      ...newestRows(prefix, db, READS, (k) => {
        const r = db.get<ReadRow>(READS, k);
        return r ? { label: `${prefix}.row.read`, value: `${r.node} = ${r.balance} @ ${Math.round(r.t)} ms` } : null;
      }),
    ],
    volatile: [],
  };
}

/**
 * A coordinator's view (TCC's TM, the Saga coordinator): its newest global transaction sets the tone (done / undone /
 * retrying = blocked); counts of all and open transactions; the newest few with their phase, branch rows and retry
 * state; the volatile part is what it awaits.
 */
export function gtxView<T extends GtxRow>(
  prefix: string,
  db: DbReader,
  open: number,
  phases: Phases,
  branchRows: (tx: T) => NodeViewRow[],
): NodeView {
  const newest = newestKeys(db, TXS, 1)[0];
  const last = newest === undefined ? undefined : db.get<T>(TXS, newest);
  const tone: Tone = last ? gtxTone(last.phase, last.retries, phases) : 'idle';
  return {
    tone,
    statusKey: `${prefix}.status.${last ? last.phase : 'idle'}`,
    durable: [
      ...(db.size(TXS) > 1 ? [{ label: `${prefix}.row.gtxCount`, value: `${db.size(TXS)} · ${open}` }] : []),
      ...newestRows(prefix, db, TXS, (g) => {
        const t = db.get<T>(TXS, g);
        if (!t) return null;
        return { label: `${prefix}.row.gtx`, value: `${t.gid}: ${t.phase}`, valueKey: `${prefix}.status.${t.phase}` };
      }),
      ...(last?.fw
        ? [
            // whose code the TM runs (not pinned: on a small card the transaction's own rows come first)
            {
              label: `${prefix}.row.fw`,
              value: last.fw,
              valueKey: `param.${prefix}.framework.opt.${last.fw}`,
            },
          ]
        : []),
      ...(last
        ? [...branchRows(last), { label: `${prefix}.row.retry`, value: `${last.retries} · ${last.interval} ms` }]
        : []),
    ],
    volatile: newestRows(prefix, db, AWAITING, (k) => {
      const a = db.get<AwaitRow>(AWAITING, k);
      return a ? { label: `${prefix}.row.awaiting`, value: a.what } : null;
    }),
  };
}
