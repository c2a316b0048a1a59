/**
 * One service in the topology, drawn from the pattern's view(node, role, state, up) at the cursor: label, role,
 * status word in its tone colour (blocked pulses, crashed is dark with ✕), locks held and for how long, a "disk"
 * section (durable, survives a crash) and a "memory" section (volatile, emptied by a crash).
 */
import { memo, useContext } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { NodeView, NodeViewRow } from '../../engine/pattern';
import type { TopologyNode } from '../../engine/types';
import { isUpAt, stateAt, type Cursor, type TraceIndex } from '../../engine/trace';
import { useLab } from '../../store/lab';
import { formatTime, toneClass, type ToneOrState } from '../theme';
import { dropsByNode, initialState, locksNow, meanFlight, nodesOf } from './derive';
import { MenuContext } from './menu';
import { NODE_H, NODE_W } from './geometry';

export type ServiceNodeData = { topo: TopologyNode };
export type ServiceNodeType = Node<ServiceNodeData, 'service'>;

const FALLBACK: NodeView = { tone: 'idle', statusKey: 'node.unknown', locks: [], durable: [], volatile: [] };

/** Rows shown per section; the rest is counted ("+2 more") and listed in the inspector. */
const MAX_ROWS = 2;

function Row({ row }: { row: NodeViewRow }) {
  const { t } = useTranslation();
  const value = row.valueKey ? t(row.valueKey) : String(row.value);
  const label = t(row.label);
  return (
    <div className="flex items-baseline justify-between gap-1.5 leading-[17px]" title={`${label}: ${value}`}>
      <dt className="max-w-[45%] shrink-0 truncate opacity-85">{label}</dt>
      <dd
        className={
          'min-w-0 truncate text-right font-mono font-semibold ' +
          (row.tone === 'violated' ? 'rounded bg-red-700 px-1 text-white' : '')
        }
      >
        {value}
      </dd>
    </div>
  );
}

function Rows({ rows }: { rows: NodeViewRow[] }) {
  const { t } = useTranslation();
  if (!rows.length) return <p className="leading-[17px] opacity-70">—</p>;
  // Newest rows matter most; when some are hidden, one line says how many (the inspector lists them all).
  const shown = rows.length > MAX_ROWS ? rows.slice(rows.length - (MAX_ROWS - 1)) : rows;
  return (
    <dl>
      {rows.length > shown.length && (
        <p className="truncate leading-[17px] opacity-75">{t('node.more', { count: rows.length - shown.length })}</p>
      )}
      {shown.map((r, i) => (
        <Row key={i} row={r} />
      ))}
    </dl>
  );
}

/** The type of a message dropped on arrival at `node` within about one flight time before the cursor, if any. */
function dropFlash(index: TraceIndex, cursor: Cursor, node: string): string | null {
  const drops = dropsByNode(index).get(node);
  if (!drops) return null;
  let lo = 0;
  let hi = drops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (drops[mid].seq < cursor.pos) lo = mid + 1;
    else hi = mid;
  }
  const last = drops[lo - 1];
  return last && cursor.t - last.t <= meanFlight(index) ? last.msg.type : null;
}

function ServiceNodeImpl({ data }: NodeProps<ServiceNodeType>) {
  const { t } = useTranslation();
  const openMenu = useContext(MenuContext);
  const { id, role, label } = data.topo;
  const pattern = useLab((s) => s.pattern);
  const index = useLab((s) => s.index);
  // Re-render on a new event (pos) or when a shown time-dependent text changes — not on every playback frame.
  const pos = useLab((s) => s.cursor.pos);
  const lockKey = useLab((s) =>
    locksNow(s.index, s.cursor)
      .filter((l) => l.node === id)
      .map((l) => `${l.resource}\u0000${formatTime(l.heldFor)}`)
      .join('\u0001'),
  );
  const flash = useLab((s) => dropFlash(s.index, s.cursor, id));
  const highlighted = useLab(
    (s) => nodesOf(s.hover, s.index).includes(id) || nodesOf(s.selection, s.index).includes(id),
  );
  const selected = useLab((s) => s.selection?.kind === 'node' && s.selection.node === id);

  const up = isUpAt(index, id, pos);
  const state = stateAt(index, id, pos) ?? initialState(pattern, index, id, role);
  let view = FALLBACK;
  try {
    if (state) view = pattern.view(id, role, state, up);
  } catch {
    view = FALLBACK;
  }
  const tone: ToneOrState = up ? view.tone : 'crashed';
  const locks = lockKey
    ? lockKey.split('\u0001').map((x) => {
        const [resource, held] = x.split('\u0000');
        return { resource, held };
      })
    : [];
  // The view's lock words may say more ("x (T1)"); the trace knows for how long each resource is held.
  const sameLock = (word: string, res: string) => word === res || word.startsWith(res + ' ');
  const extraLocks = view.locks.filter((r) => !locks.some((l) => sameLock(r, l.resource)));

  const roleName = t(`role.${pattern.id}.${role}`);
  const labelText = t(label);
  const lockChips = [
    ...locks.map((l) => `${view.locks.find((w) => sameLock(w, l.resource)) ?? l.resource} · ${l.held}`),
    ...extraLocks,
  ];
  return (
    <div className="relative" style={{ width: NODE_W, height: NODE_H }}>
      <div
        className={
          'flex h-full w-full flex-col gap-px overflow-hidden rounded-lg border-[3px] px-1 pt-0.5 pb-1 text-[13px] shadow-sm ' +
          toneClass[tone] +
          (selected ? ' ring-4 ring-sky-600' : highlighted ? ' ring-4 ring-sky-400' : '')
        }
        data-node={id}
      >
        <Handle type="target" position={Position.Top} className="node-handle" isConnectable={false} />
        <Handle type="source" position={Position.Bottom} className="node-handle" isConnectable={false} />
        <div className="flex items-center gap-1">
          <div
            className="min-w-0 flex-1 truncate text-[15px] leading-[18px] font-bold"
            title={`${labelText} · ${roleName}`}
          >
            {labelText}
          </div>
          <button
            type="button"
            className="nodrag nopan -mr-0.5 rounded px-1 text-[17px] leading-[18px] font-bold hover:bg-black/10 focus-visible:bg-black/10"
            aria-label={t('diagram.nodeMenu', { node: labelText })}
            aria-haspopup="menu"
            onClick={(e) => {
              e.stopPropagation();
              const r = e.currentTarget.getBoundingClientRect();
              openMenu({ kind: 'node', node: id, x: r.left, y: r.bottom + 2, opener: e.currentTarget });
            }}
          >
            ⋯
          </button>
        </div>
        <div className="flex h-[18px] items-center gap-1">
          {tone === 'crashed' ? (
            <span aria-hidden="true" className="text-[16px] leading-none font-bold text-red-400">
              ✕
            </span>
          ) : (
            <span aria-hidden="true" className="tone-dot shrink-0" />
          )}
          <span className="min-w-0 shrink truncate text-[14px] leading-[18px] font-bold uppercase">
            {up ? t(view.statusKey) : t('node.crashed')}
          </span>
        </div>
        <div className="flex h-[17px] min-w-0 items-center gap-1 overflow-hidden" aria-label={t('node.locks')}>
          {lockChips.map((c) => (
            <span
              key={c}
              title={t('node.locks') + ': ' + c}
              className="inline-flex shrink-0 items-center gap-0.5 rounded bg-slate-900 px-1 font-mono text-[12px] leading-[16px] text-white"
            >
              <LockIcon />
              {c}
            </span>
          ))}
        </div>
        <section
          className="flex gap-1 rounded border border-slate-400 bg-white/80 px-0.5 text-slate-900"
          title={t('node.disk') + ' — ' + t('node.disk.desc')}
        >
          <h3 className="flex w-3.5 shrink-0 items-center justify-center text-slate-700">
            <DiskIcon />
            <span className="sr-only">{t('node.disk')}</span>
          </h3>
          <div className="h-[34px] min-w-0 flex-1 overflow-hidden">
            <Rows rows={view.durable} />
          </div>
        </section>
        <section
          className={
            'flex gap-1 rounded border border-dashed px-0.5 ' +
            (up ? 'border-current/60' : 'border-slate-500 text-slate-200')
          }
          title={t('node.memory') + ' — ' + t('node.memory.desc')}
        >
          <h3 className="flex w-3.5 shrink-0 items-center justify-center opacity-85">
            <ChipIcon />
            <span className="sr-only">{t('node.memory')}</span>
          </h3>
          <div className="h-[34px] min-w-0 flex-1 overflow-hidden">
            {up ? <Rows rows={view.volatile} /> : <p className="leading-[17px] italic">{t('node.memoryLost')}</p>}
          </div>
        </section>
      </div>
      {flash && (
        <div
          role="status"
          className="absolute -top-3.5 right-1 z-10 whitespace-nowrap rounded-full border-2 border-white bg-red-700 px-1.5 text-[13px] leading-[16px] font-bold text-white shadow"
        >
          ✕ {t('diagram.dropped', { type: flash })}
        </div>
      )}
    </div>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" width="10" height="11" viewBox="0 0 10 11" fill="currentColor">
      <rect x="1" y="5" width="8" height="6" rx="1" />
      <path d="M3 5V3.5a2 2 0 0 1 4 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

export function DiskIcon() {
  return (
    <svg
      aria-hidden="true"
      width="11"
      height="11"
      viewBox="0 0 12 12"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    >
      <ellipse cx="6" cy="3" rx="4.5" ry="1.8" />
      <path d="M1.5 3v6c0 1 2 1.8 4.5 1.8s4.5-.8 4.5-1.8V3" />
    </svg>
  );
}

export function ChipIcon() {
  return (
    <svg
      aria-hidden="true"
      width="11"
      height="11"
      viewBox="0 0 12 12"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    >
      <rect x="2.5" y="2.5" width="7" height="7" rx="1" />
      <path d="M4.5 0.5v2M7.5 0.5v2M4.5 9.5v2M7.5 9.5v2M0.5 4.5h2M0.5 7.5h2M9.5 4.5h2M9.5 7.5h2" />
    </svg>
  );
}

export const ServiceNode = memo(ServiceNodeImpl);
