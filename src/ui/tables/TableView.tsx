/**
 * The generic table view: for the selected node, every table its role declares with a `view` (title, columns, a tone
 * per row) and the engine's locks table, drawn at the cursor from the trace. Virtualized with measured row heights:
 * only the rows in the visible window are in the DOM, so a 10,000-row table scrolls smoothly, and values wrap
 * instead of being cut. Selecting a row selects `{ kind: 'row', node, table, key }`: the diagram, the sequence chart
 * and the event log highlight that transaction's (or message's) messages.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { rowAt, tableHistory, type Cursor, type TraceIndex } from '../../engine';
import { useRun } from '../../store/run';
import { formatTime, toneClass } from '../theme';
import { usePanelText } from '../panels/common';
import { cellText, labelText, tableKeys, tableSize, tablesOf, type ShownTable } from './rows';
import { firstVisible, rowOffsets } from './virtual';

/** Estimated row height (px) before a row has been measured. */
const EST_ROW = 26;
/** Rows drawn beyond the visible window above and below. */
const OVERSCAN = 6;

export function TableView() {
  const { t, name, exists } = usePanelText();
  const pattern = useRun((s) => s.pattern);
  const topology = useRun((s) => s.result.topology);
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  const selection = useRun((s) => s.selection);
  const select = useRun((s) => s.select);

  const [picked, setPicked] = useState<string | null>(null);
  const [pickedTable, setPickedTable] = useState<string | null>(null);
  const [newestFirst, setNewestFirst] = useState(false);

  const selNode = selection?.kind === 'node' || selection?.kind === 'row' ? selection.node : null;
  const node =
    topology.nodes.find((n) => n.id === selNode) ??
    topology.nodes.find((n) => n.id === picked) ??
    topology.nodes[0] ??
    null;
  const tables = useMemo(() => (node ? tablesOf(pattern, node.role) : []), [pattern, node]);
  const rowSel = selection?.kind === 'row' && selection.node === node?.id ? selection : null;
  const active =
    tables.find((x) => x.name === rowSel?.table) ?? tables.find((x) => x.name === pickedTable) ?? tables[0] ?? null;

  if (!node || !active) return <p className="p-2 text-sm text-slate-700">{t('tables.noNode')}</p>;
  const nodeName = name(node.id);

  return (
    <section className="flex h-full min-h-0 flex-col bg-white text-sm text-slate-900" aria-label={t('tables.title')}>
      <h2 className="sr-only">{t('tables.title')}</h2>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 border-b border-slate-200 px-2 py-0.5">
        <label className="flex items-center gap-1.5">
          <span className="font-semibold">{t('tables.node')}</span>
          <select
            value={node.id}
            onChange={(e) => {
              setPicked(e.target.value);
              select({ kind: 'node', node: e.target.value });
            }}
            className="rounded border border-slate-400 px-1 py-0"
          >
            {topology.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {name(n.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 items-center gap-1.5">
          <span className="font-semibold">{t('tables.table')}</span>
          <select
            value={active.name}
            onChange={(e) => {
              setPickedTable(e.target.value);
              if (rowSel && rowSel.table !== e.target.value) select({ kind: 'node', node: node.id });
            }}
            className="min-w-0 rounded border border-slate-400 px-1 py-0"
          >
            {tables.map((tb) => (
              <option key={tb.name} value={tb.name}>
                {labelText(tb.view.title, t, exists)} ·{' '}
                {t('tables.rows', { count: tableSize(index, node.id, tb.name, cursor.pos) })}
              </option>
            ))}
          </select>
        </label>
        <label className="ml-auto flex items-center gap-1">
          <input type="checkbox" checked={newestFirst} onChange={(e) => setNewestFirst(e.target.checked)} />
          {t('tables.newestFirst')}
        </label>
      </div>
      <VirtualTable
        key={`${node.id}\u0000${active.name}`}
        index={index}
        node={node.id}
        table={active}
        label={`${nodeName} · ${labelText(active.view.title, t, exists)}`}
        cursor={cursor}
        newestFirst={newestFirst}
        selectedKey={rowSel?.table === active.name ? rowSel.key : null}
      />
    </section>
  );
}

interface VirtualTableProps {
  index: TraceIndex;
  node: string;
  table: ShownTable;
  label: string;
  cursor: Cursor;
  newestFirst: boolean;
  selectedKey: string | null;
}

function VirtualTable({ index, node, table, label, cursor, newestFirst, selectedKey }: VirtualTableProps) {
  const { t, exists } = usePanelText();
  const select = useRun((s) => s.select);
  const setHover = useRun((s) => s.setHover);
  const h = tableHistory(index, node, table.name);
  const inOrder = tableKeys(h, cursor.pos);
  const keys = useMemo(() => (newestFirst ? [...inOrder].reverse() : inOrder), [inOrder, newestFirst]);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(300);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const offsets = useMemo(
    () => rowOffsets(keys, heights.current, EST_ROW),
    // `measured` bumps when a drawn row's height changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [keys, measured],
  );

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    setViewH(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  // One observer measures every drawn row; height changes are applied once per frame.
  const rowObserver = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    let raf = 0;
    const ro = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const el = e.target as HTMLElement;
        const key = el.dataset.key;
        if (key === undefined) continue;
        const hgt = Math.round(el.offsetHeight);
        if (hgt > 0 && heights.current.get(key) !== hgt) {
          heights.current.set(key, hgt);
          changed = true;
        }
      }
      if (changed) {
        cancelAnimationFrame(raf);
        raf = requestAnimationFrame(() => setMeasured((m) => m + 1));
      }
    });
    rowObserver.current = ro;
    return () => {
      cancelAnimationFrame(raf);
      ro.disconnect();
      rowObserver.current = null;
    };
  }, []);
  const observe = useCallback((el: HTMLDivElement | null) => {
    if (el) rowObserver.current?.observe(el);
  }, []);

  // Keep the selected row in view when it is chosen from elsewhere (or with the keyboard).
  const selIdx = selectedKey === null ? -1 : keys.indexOf(selectedKey);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || selIdx < 0) return;
    const top = offsets[selIdx];
    const bottom = offsets[selIdx + 1];
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    // only when the selection moves, not on every measurement
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selIdx]);

  const n = keys.length;
  const total = offsets[n];
  const lo = Math.max(0, firstVisible(offsets, scrollTop) - OVERSCAN);
  const hi = Math.min(n, firstVisible(offsets, scrollTop + viewH) + 1 + OVERSCAN);
  const cols = table.view.columns;
  const grid = { gridTemplateColumns: `repeat(${cols.length}, minmax(7rem, 1fr))` };
  const minW = `${cols.length * 7}rem`;

  const pick = (key: string) => select({ kind: 'row', node, table: table.name, key });
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!n) return;
    let j = -1;
    // ↑/↓ move the row selection; Home, End, ←, → and Space stay playback shortcuts (UI.md).
    if (e.key === 'ArrowDown') j = selIdx < 0 ? 0 : Math.min(n - 1, selIdx + 1);
    else if (e.key === 'ArrowUp') j = selIdx < 0 ? 0 : Math.max(0, selIdx - 1);
    if (j < 0) return;
    e.preventDefault();
    e.stopPropagation();
    pick(keys[j]);
  };

  const rows = [];
  for (let i = lo; i < hi; i++) {
    const key = keys[i];
    const row = rowAt(h, key, cursor.pos);
    if (!row) continue;
    const tone = table.view.tone?.(row, key);
    const sel = key === selectedKey;
    rows.push(
      <div
        key={key}
        ref={observe}
        data-key={key}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={sel}
        onClick={() => pick(key)}
        onMouseEnter={() => setHover({ kind: 'row', node, table: table.name, key })}
        onMouseLeave={() => setHover(null)}
        style={{ ...grid, top: offsets[i], minWidth: minW }}
        className={
          'absolute right-0 left-0 grid cursor-pointer border-b ' +
          (tone ? toneClass[tone].replace(' tone-pulse', '') : 'border-slate-200 bg-white') +
          (sel ? ' outline-[3px] -outline-offset-[3px] outline-sky-700' : ' hover:brightness-95')
        }
      >
        {cols.map((c) => (
          <div
            key={c.field}
            role="gridcell"
            className={
              'px-2 py-0.5 break-words whitespace-pre-wrap [overflow-wrap:anywhere] ' +
              (c.field === '$key' ? 'font-mono font-semibold' : '')
            }
          >
            {cellText(c, key, row, cursor, t, exists, formatTime, table.builtin)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={n + 1}
      tabIndex={0}
      onKeyDown={onKey}
      className="flex min-h-0 flex-1 flex-col focus-visible:outline-2 focus-visible:outline-sky-700"
    >
      <div
        ref={scroller}
        // scroll-padding: a row scrolled into view lands below the sticky header, not under it
        className="relative min-h-0 flex-1 scroll-pt-8 overflow-auto"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div
          role="row"
          aria-rowindex={1}
          style={{ ...grid, minWidth: minW }}
          className="sticky top-0 z-10 grid border-b-2 border-slate-400 bg-slate-100 font-semibold"
        >
          {cols.map((c) => (
            <div key={c.field} role="columnheader" className="px-2 py-0.5">
              {labelText(c.label, t, exists)}
            </div>
          ))}
        </div>
        {n === 0 ? (
          <p className="p-2 text-slate-700">{t('tables.empty')}</p>
        ) : (
          <div role="rowgroup" className="relative" style={{ height: total, minWidth: minW }}>
            {rows}
          </div>
        )}
      </div>
    </div>
  );
}
