import { useEffect, useMemo, useRef, useState } from 'react';
import { useRun } from '../../store/run';
import { formatTime, messageColor } from '../theme';
import { usePanelText } from './common';
import { describeEvent } from './describe';
import { logRows, rowOfSeq } from './traceViews';
import { msgOfRow, rowKeysOf } from '../diagram/derive';
import { textWidth } from './measure';

const ROW_H = 28;
/** The actor column (px) and its text: a node's name when it fits, else its id (P1, C2 …), never "Particip…". */
const ACTOR_W = 96;
const OVERSCAN = 8;

const KIND_ICON: Record<string, string> = {
  start: '▷',
  recover: '↺',
  crash: '✕',
  deliver: '←',
  timer: '◷',
  request: '▶',
  send: '→',
  drop: '✕',
  note: '◆',
  fault: '⚡',
};

/** The trace as a virtualized list; the row at the cursor highlighted and kept in view. */
export function EventLog() {
  const { t, name } = usePanelText();
  const index = useRun((s) => s.index);
  const events = index.events;
  const pos = useRun((s) => s.cursor.pos);
  const selection = useRun((s) => s.selection);
  const hover = useRun((s) => s.hover);
  const seekPos = useRun((s) => s.seekPos);
  const select = useRun((s) => s.select);
  const setHover = useRun((s) => s.setHover);

  const [collapsed, setCollapsed] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(300);
  const ref = useRef<HTMLDivElement>(null);

  const actor = (id: string) => {
    const full = name(id);
    return textWidth(full, 14, 600) <= ACTOR_W ? full : id;
  };

  const { rows, firstSeq } = useMemo(() => logRows(events, collapsed, expanded), [events, collapsed, expanded]);
  const curRow = pos > 0 ? rowOfSeq(firstSeq, pos - 1) : -1;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    setViewH(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  // keep the cursor's row in view
  useEffect(() => {
    const el = ref.current;
    if (!el || curRow < 0) return;
    const y = curRow * ROW_H;
    if (y < el.scrollTop || y + ROW_H > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 2);
      setScrollTop(el.scrollTop);
    }
  }, [curRow]);

  const hlSeq = new Set<number>();
  const hlSend = new Set<number>();
  const hlNode = new Set<string>();
  const hlRows: ReadonlySet<string>[] = [];
  for (const s of [selection, hover]) {
    if (s?.kind === 'event') hlSeq.add(s.seq);
    if (s?.kind === 'message') hlSend.add(s.sendSeq);
    if (s?.kind === 'node') hlNode.add(s.node);
    if (s?.kind === 'group') for (const seq of s.sends) hlSend.add(seq);
    const keys = rowKeysOf(s, index);
    if (keys) hlRows.push(keys);
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);
  const items = [];
  for (let r = first; r < last; r++) {
    const row = rows[r];
    const isCur = r === curRow;
    const top = r * ROW_H;
    if (row.kind === 'group') {
      const n = row.to - row.from + 1;
      items.push(
        <li key={`g${row.from}`} style={{ top, height: ROW_H }} className="absolute right-0 left-0">
          <button
            type="button"
            className={`h-full w-full truncate px-2 text-left text-slate-700 italic hover:bg-slate-100 ${isCur ? 'bg-sky-100 ring-2 ring-sky-700 ring-inset' : ''}`}
            onClick={() => setExpanded(new Set([...expanded, row.from]))}
          >
            ⋯ {formatTime(events[row.from].t)}–{formatTime(events[row.to].t)} · {t('panels.log.group', { n })}
          </button>
        </li>,
      );
      continue;
    }
    const ev = events[row.seq];
    const msgSeq = ev.kind === 'send' ? ev.seq : ev.kind === 'deliver' || ev.kind === 'drop' ? ev.sendSeq : -1;
    const isHl =
      hlSeq.has(ev.seq) ||
      hlSend.has(msgSeq) ||
      hlNode.has(ev.node) ||
      (msgSeq >= 0 && 'msg' in ev && hlRows.some((k) => msgOfRow(ev.msg, k)));
    const future = ev.seq >= pos;
    const type = ev.kind === 'send' || ev.kind === 'deliver' || ev.kind === 'drop' ? ev.msg.type : null;
    items.push(
      <li key={ev.seq} style={{ top, height: ROW_H }} className="absolute right-0 left-0">
        <button
          type="button"
          aria-current={isCur ? 'true' : undefined}
          className={`flex h-full w-full items-center gap-2 px-2 text-left whitespace-nowrap ${
            isCur ? 'bg-sky-100 ring-2 ring-sky-700 ring-inset' : isHl ? 'bg-yellow-100' : 'hover:bg-slate-100'
          } ${future ? 'text-slate-500' : 'text-slate-900'}`}
          onClick={() => {
            seekPos(ev.seq + 1);
            select({ kind: 'event', seq: ev.seq });
          }}
          onMouseEnter={() =>
            setHover(msgSeq >= 0 ? { kind: 'message', sendSeq: msgSeq } : { kind: 'event', seq: ev.seq })
          }
          onMouseLeave={() => setHover(null)}
        >
          <span className="w-16 shrink-0 text-right font-mono text-[13px]">{formatTime(ev.t)}</span>
          <span
            className="log-actor shrink-0 overflow-hidden font-semibold whitespace-nowrap"
            style={{ width: ACTOR_W }}
            title={name(ev.node)}
          >
            {actor(ev.node)}
          </span>
          <span className="w-5 shrink-0 text-center" aria-hidden="true">
            {KIND_ICON[ev.kind]}
          </span>
          {type && (
            <span
              className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm"
              style={{ background: messageColor(type), opacity: future ? 0.5 : 1 }}
              aria-hidden="true"
            />
          )}
          <span
            className={`truncate ${ev.kind === 'fault' || ev.kind === 'crash' || ev.kind === 'drop' ? 'font-semibold text-red-800' : ''}`}
          >
            <span className="sr-only">{t('panels.kind.' + ev.kind)}: </span>
            {describeEvent(t, ev, name)}
          </span>
        </button>
      </li>,
    );
  }

  return (
    <section
      className="flex h-full min-h-0 flex-col bg-white text-sm text-slate-900"
      aria-label={t('panels.log.title')}
    >
      <div className="flex items-center gap-3 border-b border-slate-200 px-2 py-1">
        <h2 className="sr-only">{t('panels.log.title')}</h2>
        <span className="text-slate-600">{t('panels.log.count', { n: events.length })}</span>
        <label className="ml-auto flex items-center gap-1">
          <input
            type="checkbox"
            checked={collapsed}
            onChange={(e) => {
              setCollapsed(e.target.checked);
              setExpanded(new Set());
            }}
          />
          {t('panels.log.collapse')}
        </label>
      </div>
      <div
        ref={ref}
        className="relative min-h-0 flex-1 overflow-auto"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        {events.length === 0 ? (
          <p className="p-2 text-slate-600">{t('panels.log.empty')}</p>
        ) : (
          <ul className="relative" style={{ height: rows.length * ROW_H }}>
            {items}
          </ul>
        )}
      </div>
    </section>
  );
}
