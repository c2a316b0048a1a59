/**
 * One service in the topology, drawn from the pattern's view(node, role, state, up, db) at the cursor: label, role,
 * status word in its tone colour (blocked pulses, crashed is dark with ✕), locks held and for how long, a "disk"
 * section (durable, survives a crash) and a "memory" section (volatile, emptied by a crash).
 */
import { memo, useContext, useMemo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useFastT } from '../hooks/useFastT';
import type { TFn } from '../panels/describe';
import {
  dbAt,
  isUpAt,
  stateAt,
  versionAt,
  type Cursor,
  type NodeView,
  type NodeViewRow,
  type TopologyNode,
  type TraceIndex,
} from '../../engine';
import { CompactTitleFit, useCompactDiagram, useDiagram } from './source';
import { formatTime, toneClass, type ToneOrState } from '../theme';
import { locksOfNode } from '../tables/rows';
import { dropsByNode, meanFlight, nodesOf } from './derive';
import { MenuContext } from './menu';
import { COMPACT_NODE, NODE_H, NODE_W } from './geometry';

export type ServiceNodeData = { topo: TopologyNode };
export type ServiceNodeType = Node<ServiceNodeData, 'service'>;

/** A mini card's title when no fit is provided (CompactTitleFit). */
const DEFAULT_COMPACT_TITLE = { className: '', style: { fontSize: 20, lineHeight: '23px' } };

const FALLBACK: NodeView = { tone: 'idle', statusKey: 'node.unknown', durable: [], volatile: [] };

/** Lock chips a card has room for; the rest is counted ("+3") and listed in the inspector and the table view. */
const CARD_LOCKS = 2;

/**
 * One row per section on the card (readable from the back of a room): a row the pattern marks as violating an
 * invariant if there is one, else the row the pattern pins, else the newest. The rest is counted
 * ("+2") and listed in the inspector.
 */
function pickRow(rows: readonly NodeViewRow[]): NodeViewRow | undefined {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].tone === 'violated') return rows[i];
  return rows.find((r) => r.pin) ?? rows[rows.length - 1];
}

/**
 * A label and its value. The value is what the scenario is about (a balance, a log, a vote): it is never cut. The
 * label shortens first (down to a few letters, the whole text in the tooltip and the inspector); when the value is
 * still too wide it moves below the label and wraps at its spaces. "+2" (more rows, listed in the inspector) sits
 * on the label's line.
 */
function Section({ rows, t, empty }: { rows: readonly NodeViewRow[]; t: TFn; empty?: string }) {
  const row = pickRow(rows);
  if (!row) return <p className="opacity-70">{empty ?? '—'}</p>;
  const value = row.valueKey ? t(row.valueKey) : String(row.value);
  const label = t(row.label);
  const more = rows.length - 1;
  return (
    <dl className="flex min-w-0 flex-wrap items-baseline justify-end gap-x-1.5" title={`${label}: ${value}`}>
      <dt className="min-w-[2.5rem] flex-[1_1_2.5rem] truncate opacity-85">{label}</dt>
      {more > 0 && (
        <dd className="shrink-0 rounded bg-slate-700/15 px-1 font-semibold" title={t('node.more', { count: more })}>
          +{more}
        </dd>
      )}
      <dd
        data-value=""
        className={
          'max-w-full min-w-0 text-right font-mono font-semibold break-words ' +
          (row.tone === 'violated' ? 'rounded bg-red-700 px-1 text-white' : '')
        }
      >
        {value}
      </dd>
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
  const { t } = useFastT();
  const openMenu = useContext(MenuContext);
  const { id, role, label } = data.topo;
  const pattern = useDiagram((s) => s.pattern);
  const index = useDiagram((s) => s.index);
  // Re-render only when this node's state or rows (its version), its up/down status or a shown time-dependent text
  // change — not on every seek or playback frame (most nodes do not change at a given event).
  const version = useDiagram((s) => versionAt(s.index, id, s.cursor.pos));
  const up = useDiagram((s) => isUpAt(s.index, id, s.cursor.pos));
  const lockKey = useDiagram((s) => {
    const { rows, total } = locksOfNode(s.index, id, s.cursor, CARD_LOCKS);
    return [String(total), ...rows.map((l) => `${l.resource}\u0000${formatTime(l.heldFor)}`)].join('\u0001');
  });
  const flash = useDiagram((s) => dropFlash(s.index, s.cursor, id));
  const highlighted = useDiagram(
    (s) => nodesOf(s.hover, s.index).includes(id) || nodesOf(s.selection, s.index).includes(id),
  );
  const selected = useDiagram((s) => s.selection?.kind === 'node' && s.selection.node === id);
  const compact = useCompactDiagram();

  // The view is the same at every cursor between two changes of this node: draw it at the change.
  const viewPos = version < 0 ? 0 : version + 1;
  const view = useMemo(() => {
    const state = stateAt(index, id, viewPos);
    try {
      return state ? pattern.view(id, role, state, up, dbAt(index, id, viewPos)) : FALLBACK;
    } catch {
      return FALLBACK;
    }
  }, [pattern, index, id, role, viewPos, up]);
  const tone: ToneOrState = up ? view.tone : 'crashed';
  const [totalText, ...lockParts] = lockKey.split('\u0001');
  const lockTotal = Number(totalText);
  const lockChips = lockParts.map((x) => {
    const [word, held] = x.split('\u0000');
    return { word, held };
  });
  const moreLocks = lockTotal - lockChips.length;

  const roleName = t(`role.${pattern.id}.${role}`);
  const labelText = t(label);
  const statusText = up ? t(view.statusKey) : t('node.crashed');
  const fit = useContext(CompactTitleFit);
  const title = compact ? (fit?.(labelText) ?? DEFAULT_COMPACT_TITLE) : null;
  if (title)
    // A mini diagram (side by side): the service's name and its status word in large type, the tone colour, ✕ when
    // crashed and a lock count — what a room reads from afar; the rest is in the animated view.
    return (
      <div className="relative" style={{ width: COMPACT_NODE.w, height: COMPACT_NODE.h }}>
        <div
          className={
            'flex h-full w-full flex-col overflow-hidden rounded-lg border-[3px] px-1.5 py-1 shadow-sm ' +
            toneClass[tone]
          }
          data-node={id}
          data-status={up ? view.statusKey : 'node.crashed'}
        >
          <Handle type="target" position={Position.Top} className="node-handle" isConnectable={false} />
          <Handle type="source" position={Position.Bottom} className="node-handle" isConnectable={false} />
          <div
            data-title=""
            className={'line-clamp-2 shrink-0 font-bold ' + title.className}
            style={title.style}
            title={labelText}
          >
            {labelText}
          </div>
          <div className="flex min-h-0 flex-1 items-start gap-1 overflow-hidden" title={statusText}>
            {tone === 'crashed' ? (
              <span aria-hidden="true" className="text-[20px] leading-[23px] font-bold text-red-400">
                ✕
              </span>
            ) : null}
            <span className="line-clamp-2 min-w-0 text-[19px] leading-[22px] font-semibold">{statusText}</span>
            {lockTotal > 0 && (
              <span className="ml-auto flex shrink-0 items-center gap-0.5 rounded bg-slate-900 px-1 font-mono text-[17px] leading-[21px] text-white">
                <LockIcon />
                {lockTotal}
                <span className="sr-only">{t('node.locks')}</span>
              </span>
            )}
          </div>
        </div>
      </div>
    );
  return (
    <div className="relative" style={{ width: NODE_W, height: NODE_H }}>
      <div
        className={
          'flex h-full w-full flex-col gap-0.5 overflow-hidden rounded-lg border-[3px] px-1.5 pt-0.5 pb-1 text-[15px] leading-[19px] shadow-sm ' +
          toneClass[tone] +
          (selected ? ' ring-4 ring-sky-600' : highlighted ? ' ring-4 ring-sky-400' : '')
        }
        data-node={id}
        data-highlighted={highlighted ? '' : undefined}
      >
        <Handle type="target" position={Position.Top} className="node-handle" isConnectable={false} />
        <Handle type="source" position={Position.Bottom} className="node-handle" isConnectable={false} />
        <div
          data-title=""
          className="shrink-0 text-[16px] leading-[19px] font-bold break-words"
          title={`${labelText} · ${roleName}`}
        >
          <button
            type="button"
            className="nodrag nopan float-right ml-1 h-[19px] rounded px-0.5 text-[18px] leading-[19px] font-bold hover:bg-black/10 focus-visible:bg-black/10"
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
          {labelText}
        </div>
        <div className="flex min-h-[18px] flex-1 items-start gap-1.5 overflow-hidden" title={statusText}>
          {tone === 'crashed' ? (
            <span aria-hidden="true" className="text-[17px] leading-[19px] font-bold text-red-400">
              ✕
            </span>
          ) : (
            <span aria-hidden="true" className="tone-dot mt-[5px] shrink-0" />
          )}
          <span className="line-clamp-2 min-w-0 text-[16px] leading-[18px] font-bold">{statusText}</span>
        </div>
        {lockChips.length > 0 && (
          <div
            role="list"
            className="flex h-[20px] min-w-0 shrink-0 items-center gap-1 overflow-hidden"
            aria-label={t('node.locks')}
          >
            {lockChips.map((c) => (
              <span
                role="listitem"
                key={c.word}
                title={t('node.locks') + ': ' + c.word + (c.held ? ' · ' + c.held : '')}
                className="inline-flex max-w-full min-w-0 items-center gap-1 rounded bg-slate-900 px-1 font-mono text-[15px] leading-[19px] whitespace-nowrap text-white"
              >
                <LockIcon />
                <span className="min-w-0 truncate">{c.word}</span>
                {c.held && <span className="shrink-0">· {c.held}</span>}
              </span>
            ))}
            {moreLocks > 0 && (
              <span
                role="listitem"
                className="shrink-0 rounded bg-slate-700 px-1 font-mono text-[15px] leading-[19px] font-semibold text-white"
                title={t('node.moreLocks', { count: moreLocks })}
              >
                +{moreLocks}
              </span>
            )}
          </div>
        )}
        <section
          className="flex shrink-0 items-center gap-1 rounded border border-slate-400 bg-white/80 px-1 text-slate-900"
          title={t('node.disk') + ' — ' + t('node.disk.desc')}
        >
          <h3 className="flex w-3.5 shrink-0 items-center justify-center text-slate-700">
            <DiskIcon />
            <span className="sr-only">{t('node.disk')}</span>
          </h3>
          <div className="min-w-0 flex-1">
            <Section rows={view.durable} t={t} />
          </div>
        </section>
        <section
          className={
            'flex shrink-0 items-center gap-1 rounded border border-dashed px-1 ' +
            (up ? 'border-current/60' : 'border-slate-500 text-slate-200')
          }
          title={t('node.memory') + ' — ' + t('node.memory.desc')}
        >
          <h3 className="flex w-3.5 shrink-0 items-center justify-center opacity-85">
            <ChipIcon />
            <span className="sr-only">{t('node.memory')}</span>
          </h3>
          <div className="min-w-0 flex-1">
            {up ? <Section rows={view.volatile} t={t} /> : <p className="italic">{t('node.memoryLost')}</p>}
          </div>
        </section>
      </div>
      {flash && (
        <div
          role="status"
          className="absolute -top-4 right-1 z-10 rounded-full border-2 border-white bg-red-700 px-1.5 text-[15px] leading-[18px] font-bold whitespace-nowrap text-white shadow"
        >
          ✕ {t('diagram.dropped', { type: flash })}
        </div>
      )}
    </div>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" className="shrink-0" width="10" height="11" viewBox="0 0 10 11" fill="currentColor">
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
