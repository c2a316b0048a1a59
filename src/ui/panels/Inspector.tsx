import type { ReactNode } from 'react';
import { useRun } from '../../store/run';
import { arrivalSeqOf, dbAt, isUpAt, stateAt, type NodeViewRow, type TraceEvent } from '../../engine';
import { locksOfNode, tableRow } from '../tables/rows';
import { formatTime, messageColor, toneClass } from '../theme';
import { usePanelText } from './common';
import { describeEvent, describeFault, type TFn } from './describe';
import { recentAt } from './traceViews';
import { LockIcon } from './icons';

/** Locks listed in the inspector; the table view lists them all. */
const INSPECTOR_LOCKS = 20;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 flex-1 break-words">{children}</dd>
    </div>
  );
}

function Json({ summary, value }: { summary: string; value: unknown }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-slate-700">{summary}</summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-[13px] leading-snug">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

function rowText(t: TFn, exists: (k: string) => boolean, r: NodeViewRow): { label: string; value: string } {
  const label = exists(r.label) ? t(r.label) : r.label;
  const value = r.valueKey && exists(r.valueKey) ? t(r.valueKey) : String(r.value);
  return { label, value };
}

/** The selected node, message, event or fault, at the cursor. */
export function Inspector() {
  const { t, name, exists } = usePanelText();
  const selection = useRun((s) => s.selection);
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  const pattern = useRun((s) => s.pattern);
  const topology = useRun((s) => s.result.topology);
  const faults = useRun((s) => s.scenario.faults);
  const select = useRun((s) => s.select);
  const seekPos = useRun((s) => s.seekPos);
  const setHover = useRun((s) => s.setHover);
  const events = index.events;

  const eventButton = (ev: TraceEvent) => (
    <li key={ev.seq}>
      <button
        type="button"
        className="flex w-full gap-2 rounded px-1 text-left hover:bg-slate-100"
        onClick={() => {
          select({ kind: 'event', seq: ev.seq });
          seekPos(ev.seq + 1);
        }}
        onMouseEnter={() => setHover({ kind: 'event', seq: ev.seq })}
        onMouseLeave={() => setHover(null)}
      >
        <span className="w-20 shrink-0 font-mono text-slate-700">{formatTime(ev.t)}</span>
        <span className="min-w-0 flex-1">{describeEvent(t, ev, name)}</span>
      </button>
    </li>
  );

  let body: ReactNode;
  if (!selection || selection.kind === 'group') {
    // A tour step's highlight is not a selection to inspect.
    body = <p className="text-slate-700">{t('panels.insp.empty')}</p>;
  } else if (selection.kind === 'node' || selection.kind === 'row') {
    const node = topology.nodes.find((n) => n.id === selection.node);
    const state = node ? stateAt(index, node.id, cursor.pos) : undefined;
    if (!node) body = <p>{t('panels.insp.notFound')}</p>;
    else {
      const up = isUpAt(index, node.id, cursor.pos);
      let view: ReturnType<typeof pattern.view> | null = null;
      try {
        view = state ? pattern.view(node.id, node.role, state, up, dbAt(index, node.id, cursor.pos)) : null;
      } catch {
        view = null;
      }
      const tone = up ? (view?.tone ?? 'idle') : 'crashed';
      const { rows: locks, total: lockTotal } = locksOfNode(index, node.id, cursor, INSPECTOR_LOCKS);
      const rows = (list: NodeViewRow[]) =>
        list.length === 0 ? (
          <p className="text-slate-600">{t('panels.insp.empty.rows')}</p>
        ) : (
          <dl className="space-y-0.5">
            {list.map((r, i) => {
              const { label, value } = rowText(t, exists, r);
              return (
                <Field key={i} label={label}>
                  <span className={r.tone ? `rounded border px-1 ${toneClass[r.tone]}` : 'font-semibold'}>{value}</span>
                </Field>
              );
            })}
          </dl>
        );
      body = (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-base font-semibold">{name(node.id)}</h3>
            <span className={`rounded border px-1.5 ${toneClass[tone]}`}>
              {up ? '' : '✕ '}
              {up ? t('panels.insp.up') : t('panels.insp.down')}
            </span>
            {view && (
              <span className={`rounded border px-1.5 font-semibold ${toneClass[tone]}`}>{t(view.statusKey)}</span>
            )}
          </div>
          <dl className="mt-1">
            <Field label={t('panels.insp.role')}>
              {exists(`role.${pattern.id}.${node.role}`) ? t(`role.${pattern.id}.${node.role}`) : node.role}
            </Field>
            <Field label={t('panels.insp.locks')}>
              {locks.length === 0
                ? t('panels.insp.noLocks')
                : locks.map((l) => (
                    <span key={l.resource} className="mr-2 inline-block">
                      <LockIcon /> {l.resource} ({formatTime(l.heldFor)})
                    </span>
                  ))}
              {lockTotal > locks.length && (
                <span className="block text-slate-700">
                  {t('panels.insp.moreLocks', { count: lockTotal - locks.length })}
                </span>
              )}
            </Field>
          </dl>
          {view && (
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              <div className="rounded border border-slate-400 bg-slate-50 p-1.5">
                <h4 className="font-semibold">⛁ {t('panels.insp.durable')}</h4>
                {rows(view.durable)}
              </div>
              <div className="rounded border border-dashed border-slate-400 p-1.5">
                <h4 className="font-semibold">⚡ {t('panels.insp.volatile')}</h4>
                {rows(view.volatile)}
              </div>
            </div>
          )}
          {selection.kind === 'row' &&
            (() => {
              const row = tableRow(index, node.id, selection.table, selection.key, cursor.pos);
              return (
                <div className="mt-2 rounded border border-sky-700 bg-sky-50 p-1.5">
                  <h4 className="font-semibold">
                    {t('panels.insp.row', { key: selection.key, table: selection.table })}
                  </h4>
                  {row ? (
                    <pre className="mt-1 max-h-48 overflow-auto font-mono text-[13px] leading-snug whitespace-pre-wrap">
                      {JSON.stringify(row, null, 2)}
                    </pre>
                  ) : (
                    <p className="text-slate-700">{t('panels.insp.rowAbsent')}</p>
                  )}
                </div>
              );
            })()}
          {state && <Json summary={t('panels.insp.raw')} value={state} />}
          <h4 className="mt-2 font-semibold">{t('panels.insp.history')}</h4>
          {(() => {
            const recent = recentAt(events, node.id, cursor.pos, 12, index.nodeSeqs);
            return recent.length === 0 ? (
              <p className="text-slate-600">{t('panels.insp.noHistory')}</p>
            ) : (
              <ul>{recent.map(eventButton)}</ul>
            );
          })()}
        </>
      );
    }
  } else if (selection.kind === 'message') {
    const send = events[selection.sendSeq];
    if (!send || send.kind !== 'send') body = <p>{t('panels.insp.notFound')}</p>;
    else {
      const future = (seq: number) => (seq >= cursor.pos ? ` ${t('panels.insp.future')}` : '');
      const copies: ReactNode[] = [];
      if (send.copies.length === 0)
        copies.push(
          <li key="lost">✕ {t('panels.insp.lost', { reason: t('panels.reason.' + (send.lost ?? 'loss')) })}</li>,
        );
      send.copies.forEach((c, k) => {
        const arr = arrivalSeqOf(index, send.seq, k);
        const ev = arr !== undefined ? events[arr] : undefined;
        let text: string;
        if (ev?.kind === 'deliver')
          text = '✓ ' + t('panels.insp.delivered', { time: formatTime(ev.t) }) + future(ev.seq);
        else if (ev?.kind === 'drop')
          text =
            '✕ ' +
            t('panels.insp.dropped', { time: formatTime(ev.t), reason: t('panels.reason.' + ev.reason) }) +
            future(ev.seq);
        else text = '… ' + t('panels.insp.pending', { time: formatTime(c.deliverAt) });
        copies.push(
          <li key={k}>
            {ev ? (
              <button
                type="button"
                className="text-left underline decoration-dotted hover:bg-slate-100"
                onClick={() => seekPos(ev.seq + 1)}
              >
                {k > 0 ? '⧉ ' : ''}
                {t('panels.insp.copy', { n: k + 1 })}: {text}
              </button>
            ) : (
              <span>
                {t('panels.insp.copy', { n: k + 1 })}: {text}
              </span>
            )}
          </li>,
        );
      });
      const { type, ...payload } = send.msg;
      body = (
        <>
          <h3 className="text-base font-semibold">
            <span
              className="mr-1 inline-block h-3 w-3 rounded-sm align-middle"
              style={{ background: messageColor(type) }}
              aria-hidden="true"
            />
            {t('panels.insp.msg.title', { type })}
          </h3>
          <dl className="mt-1 space-y-0.5">
            <Field label={t('panels.insp.from')}>
              <button
                type="button"
                className="underline decoration-dotted"
                onClick={() => select({ kind: 'node', node: send.node })}
              >
                {name(send.node)}
              </button>
            </Field>
            <Field label={t('panels.insp.to')}>
              <button
                type="button"
                className="underline decoration-dotted"
                onClick={() => select({ kind: 'node', node: send.to })}
              >
                {name(send.to)}
              </button>
            </Field>
            <Field label={t('panels.insp.sentAt')}>
              {formatTime(send.t)} (#{send.seq}){future(send.seq)}
            </Field>
            <Field label={t('panels.insp.copies')}>
              <ul>{copies}</ul>
            </Field>
          </dl>
          <h4 className="mt-2 font-semibold">{t('panels.insp.payload')}</h4>
          <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-[13px]">
            {JSON.stringify(payload, null, 2)}
          </pre>
        </>
      );
    }
  } else if (selection.kind === 'event') {
    const ev = events[selection.seq];
    if (!ev) body = <p>{t('panels.insp.notFound')}</p>;
    else {
      const msgSeq = ev.kind === 'send' ? ev.seq : ev.kind === 'deliver' || ev.kind === 'drop' ? ev.sendSeq : null;
      body = (
        <>
          <h3 className="text-base font-semibold">{t('panels.insp.event.title', { seq: ev.seq })}</h3>
          <dl className="mt-1 space-y-0.5">
            <Field label={t('panels.insp.time')}>{formatTime(ev.t)}</Field>
            <Field label={t('panels.insp.node')}>
              <button
                type="button"
                className="underline decoration-dotted"
                onClick={() => select({ kind: 'node', node: ev.node })}
              >
                {name(ev.node)}
              </button>
            </Field>
            <Field label={t('panels.insp.kind')}>{t('panels.kind.' + ev.kind)}</Field>
            <Field label="">{describeEvent(t, ev, name)}</Field>
          </dl>
          {msgSeq !== null && (
            <button
              type="button"
              className="mt-1 rounded border border-slate-400 px-2 hover:bg-slate-100"
              onClick={() => select({ kind: 'message', sendSeq: msgSeq })}
            >
              {t('panels.insp.showMsg')}
            </button>
          )}
          {'state' in ev && <Json summary={t('panels.insp.stateAfter')} value={ev.state} />}
        </>
      );
    }
  } else {
    const id = selection.id;
    const f = faults.find((x) => x.id === id);
    const fired = events.find((e) => e.kind === 'fault' && e.faultId === id);
    body = !f ? (
      <p>{t('panels.insp.notFound')}</p>
    ) : (
      <>
        <h3 className="text-base font-semibold">⚡ {t('panels.insp.fault.title', { id: f.id })}</h3>
        <p>{describeFault(t, f, name)}</p>
        <p className="text-slate-700">
          {fired ? t('panels.insp.fault.fired', { time: formatTime(fired.t) }) : t('panels.insp.fault.notFired')}
        </p>
      </>
    );
  }

  return (
    <section className="h-full overflow-auto bg-white p-2 text-sm text-slate-900" aria-label={t('panels.insp.title')}>
      <div className="mb-1 flex items-center gap-2">
        <h2 className="sr-only">{t('panels.insp.title')}</h2>
        {selection && (
          <button
            type="button"
            className="ml-auto rounded border border-slate-300 px-2 hover:bg-slate-100"
            onClick={() => select(null)}
          >
            {t('panels.insp.clear')}
          </button>
        )}
      </div>
      {body}
    </section>
  );
}
