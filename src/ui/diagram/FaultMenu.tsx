/**
 * Fault injection where the thing is: the menu a right-click or ⋯ opens on a node or a link. Every entry is a
 * store.addFault (a row in the fault list; the trace recomputes; the cursor keeps its time).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Fault } from '../../engine';
import { isUpAt } from '../../engine';
import { useRun } from '../../store/run';
import { formatTime } from '../theme';
import { meanFlight, sendTypesByNode } from './derive';
import type { MenuTarget } from './menu';

/** Longest delay the scenario schema accepts (its MAX_TIME, 30 days); kept here so the menu does not load it. */
const MAX_TIME = 30 * 24 * 3600 * 1000;

function inject(f: Omit<Fault, 'id'>) {
  const run = useRun.getState();
  const before = run.scenario.faults.length;
  run.addFault(f);
  const after = useRun.getState().scenario.faults;
  if (after.length > before) run.select({ kind: 'fault', id: after[after.length - 1].id });
}

function Item({
  onSelect,
  children,
  disabled,
}: {
  onSelect: () => void;
  children: React.ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      onClick={onSelect}
      className="block w-full rounded px-3 py-1.5 text-left text-[15px] hover:bg-sky-100 focus:bg-sky-100 focus:outline-none disabled:text-slate-400 disabled:hover:bg-transparent"
    >
      {children}
    </button>
  );
}

export function FaultMenu({ target, onClose }: { target: MenuTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ x: target.x, y: target.y });
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  const topo = useRun((s) => s.result.topology);
  const [forward, setForward] = useState(true);
  const [delay, setDelay] = useState(() => String(Math.max(100, Math.round(meanFlight(index) * 10))));
  const label = (id: string) => t(topo.nodes.find((n) => n.id === id)?.label ?? id);

  const close = () => {
    onClose();
    target.opener?.focus();
  };

  // Keep the menu on screen; focus its first item.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const x = Math.max(4, Math.min(target.x, window.innerWidth - r.width - 4));
    const y = target.y + r.height > window.innerHeight - 4 ? Math.max(4, target.y - r.height - 30) : target.y;
    setPos({ x, y });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([disabled]),input')?.focus();
  }, [target]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose]);

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = Array.from(
      ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled]),[role="menuitemradio"]') ?? [],
    );
    const i = items.indexOf(document.activeElement as HTMLElement);
    const j = e.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length;
    items[j]?.focus();
  };

  const at = cursor.t;
  const when = { at };
  let body: React.ReactNode;
  let title: string;

  if (target.kind === 'node') {
    const n = target.node;
    const up = isUpAt(index, n, cursor.pos);
    const types = sendTypesByNode(index).get(n) ?? [];
    const others = topo.nodes.map((x) => x.id).filter((x) => x !== n);
    title = t('menu.nodeTitle', { node: label(n) });
    const run = (f: Omit<Fault, 'id'>) => () => {
      inject(f);
      close();
    };
    body = (
      <>
        <Item disabled={!up} onSelect={run({ when, do: { crash: n } })}>
          {t('menu.crashNow')}
        </Item>
        {types.map((type) => {
          const seen = index.sends.filter((s) => s.seq < cursor.pos && s.node === n && s.msg.type === type).length;
          return (
            <Item
              key={type}
              onSelect={run({ when: { on: { kind: 'send', node: n, type }, nth: seen + 1 }, do: { crash: n } })}
            >
              {t('menu.crashAfterSend', { type })}
            </Item>
          );
        })}
        <Item disabled={up} onSelect={run({ when, do: { recover: n } })}>
          {t('menu.recoverNow')}
        </Item>
        <Item disabled={!others.length} onSelect={run({ when, do: { partition: { a: [n], b: others } } })}>
          {t('menu.partition')}
        </Item>
        <Item onSelect={run({ when, do: { heal: true } })}>{t('menu.heal')}</Item>
      </>
    );
  } else {
    const from = forward ? target.a : target.b;
    const to = forward ? target.b : target.a;
    title = t('menu.edgeTitle', { a: label(target.a), b: label(target.b) });
    const m = { from, to, count: 1 };
    const delayN = Number(delay);
    const delayOk = delay.trim() !== '' && Number.isInteger(delayN) && delayN >= 1 && delayN <= MAX_TIME;
    const run = (f: Omit<Fault, 'id'>) => () => {
      inject(f);
      close();
    };
    const dir = (fw: boolean, text: string) => (
      <button
        type="button"
        role="menuitemradio"
        aria-checked={forward === fw}
        onClick={() => setForward(fw)}
        className={
          'flex-1 rounded px-2 py-1 text-[14px] font-semibold ' +
          (forward === fw ? 'bg-slate-800 text-white' : 'bg-slate-100 text-slate-800 hover:bg-slate-200')
        }
      >
        {text}
      </button>
    );
    body = (
      <>
        <div role="group" aria-label={t('menu.direction')} className="mb-1 flex gap-1 px-1">
          {dir(true, `${label(target.a)} → ${label(target.b)}`)}
          {dir(false, `${label(target.b)} → ${label(target.a)}`)}
        </div>
        <Item onSelect={run({ when, do: { drop: m } })}>{t('menu.dropNext')}</Item>
        <div className="flex items-center gap-2 px-1">
          <Item disabled={!delayOk} onSelect={run({ when, do: { delay: m, by: delayN } })}>
            {t('menu.delayNext')}
          </Item>
          <label className="flex shrink-0 items-center gap-1 pr-2 text-[14px]">
            <span className="sr-only">{t('menu.delayBy')}</span>
            <input
              type="number"
              min={1}
              max={MAX_TIME}
              value={delay}
              aria-invalid={!delayOk}
              onChange={(e) => setDelay(e.target.value)}
              className={
                'w-24 rounded border px-1 font-mono ' + (delayOk ? 'border-slate-400' : 'border-red-700 bg-red-50')
              }
            />
            ms
          </label>
        </div>
        {!delayOk && (
          <p role="alert" className="px-3 text-sm font-semibold text-red-800">
            {t('menu.delayInvalid', { max: MAX_TIME })}
          </p>
        )}
        <Item onSelect={run({ when, do: { duplicate: m } })}>{t('menu.duplicateNext')}</Item>
      </>
    );
  }

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={title}
      onKeyDown={onKey}
      onContextMenu={(e) => e.preventDefault()}
      style={{ left: pos.x, top: pos.y }}
      className="fixed z-50 w-max max-w-[24rem] min-w-[16rem] rounded-lg border border-slate-300 bg-white p-1 text-slate-900 shadow-2xl"
    >
      <div className="px-3 pt-1 pb-1 text-[13px] font-bold tracking-wide text-slate-600 uppercase">{title}</div>
      <div className="px-3 pb-1 text-[13px] text-slate-600">{t('menu.atTime', { time: formatTime(at) })}</div>
      {body}
    </div>,
    document.body,
  );
}
