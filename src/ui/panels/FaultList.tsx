import { cloneElement, useMemo, useState, type ReactElement } from 'react';
import { useRun } from '../../store/run';
import type { EventMatcher } from '../../engine';
import { formatTime } from '../theme';
import { usePanelText } from './common';
import { describeFault } from './describe';
import { ACTION_KINDS, TRIGGER_KINDS, emptyDraft, validateDraft, type FaultDraft } from './faultForm';

const INPUT = 'rounded border border-slate-400 bg-white px-1 py-0.5';

function L({ label, children }: { label: string; children: ReactElement<{ 'aria-label'?: string }> }) {
  return (
    <label className="flex flex-col gap-0.5">
      <span className="text-slate-700" aria-hidden="true">
        {label}
      </span>
      {cloneElement(children, { 'aria-label': label })}
    </label>
  );
}

/** The scenario's fault schedule (a row per fault, removable) and a form to add one. */
export function FaultList() {
  const { t, name } = usePanelText();
  const faults = useRun((s) => s.scenario.faults);
  const index = useRun((s) => s.index);
  const events = index.events;
  const nodes = useRun((s) => s.index.nodeIds);
  const cursorT = useRun((s) => s.cursor.t);
  const selection = useRun((s) => s.selection);
  const hover = useRun((s) => s.hover);
  const removeFault = useRun((s) => s.removeFault);
  const addFault = useRun((s) => s.addFault);
  const seekPos = useRun((s) => s.seekPos);
  const select = useRun((s) => s.select);
  const setHover = useRun((s) => s.setHover);

  const [draft, setDraft] = useState<FaultDraft | null>(null);
  const [showErr, setShowErr] = useState(false);

  // From the index's lists of fault events and of the sends a fault acted on: not a walk of every event.
  const info = useMemo(() => {
    const fired = new Map<string, number>();
    const affected = new Map<string, number>();
    for (const seq of index.kindSeqs.fault) {
      const ev = index.events[seq];
      if (ev.kind === 'fault' && !fired.has(ev.faultId)) fired.set(ev.faultId, ev.seq);
    }
    for (const seq of index.faultSends) {
      const ev = index.events[seq];
      if (ev.kind === 'send' && ev.faultId) affected.set(ev.faultId, (affected.get(ev.faultId) ?? 0) + 1);
    }
    return { fired, affected };
  }, [index]);

  const d = draft ?? emptyDraft(nodes, cursorT);
  const set = (patch: Partial<FaultDraft>) => {
    setDraft({ ...d, ...patch });
    setShowErr(false);
  };
  const v = validateDraft(d, nodes);
  const err = !v.ok ? t(v.key, v.params) : null;
  const errVisible = !v.ok && (showErr || draft !== null);
  const invalid = (f: keyof FaultDraft) => errVisible && !v.ok && v.field === f;
  const errId = 'fault-add-error';

  const nodeSelect = (
    value: string,
    onChange: (v: string) => void,
    label: string,
    any: boolean,
    field: keyof FaultDraft,
  ) => (
    <L label={label}>
      <select
        className={INPUT}
        value={value}
        aria-invalid={invalid(field) || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {any && <option value="">{t('panels.common.any')}</option>}
        {nodes.map((n) => (
          <option key={n} value={n}>
            {name(n)}
          </option>
        ))}
      </select>
    </L>
  );

  const submit = () => {
    if (!v.ok) {
      setShowErr(true);
      return;
    }
    addFault(v.fault);
    setDraft(null);
    setShowErr(false);
  };

  const side = (list: string[], key: 'partA' | 'partB', label: string) => (
    <fieldset className="flex flex-wrap items-center gap-x-2">
      <legend className="text-slate-700">{label}</legend>
      {nodes.map((n) => (
        <label key={n} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={list.includes(n)}
            onChange={(e) => set({ [key]: e.target.checked ? [...list, n] : list.filter((x) => x !== n) })}
          />
          {name(n)}
        </label>
      ))}
    </fieldset>
  );

  const isMsg = d.action === 'drop' || d.action === 'delay' || d.action === 'duplicate';

  return (
    <section className="h-full overflow-auto bg-white p-2 text-sm text-slate-900" aria-label={t('panels.faults.title')}>
      <h2 className="sr-only">{t('panels.faults.title')}</h2>
      {faults.length === 0 ? (
        <p className="text-slate-600">{t('panels.faults.empty')}</p>
      ) : (
        <ul className="space-y-1" aria-label={t('panels.faults.list')}>
          {faults.map((f) => {
            const desc = describeFault(t, f, name);
            const firedSeq = info.fired.get(f.id);
            const n = info.affected.get(f.id) ?? 0;
            const isHl =
              (selection?.kind === 'fault' && selection.id === f.id) || (hover?.kind === 'fault' && hover.id === f.id);
            return (
              <li
                key={f.id}
                className={`flex items-start gap-2 rounded border px-2 py-1 ${isHl ? 'border-orange-600 bg-yellow-100' : 'border-slate-300'}`}
                onMouseEnter={() => setHover({ kind: 'fault', id: f.id })}
                onMouseLeave={() => setHover(null)}
              >
                <button
                  type="button"
                  className="min-w-0 flex-1 text-left"
                  onClick={() => {
                    select({ kind: 'fault', id: f.id });
                    if (firedSeq !== undefined) seekPos(firedSeq + 1);
                  }}
                >
                  <span className="font-semibold">
                    <span aria-hidden="true" className="text-orange-700">
                      ⚡{' '}
                    </span>
                    {desc}
                  </span>
                  <span className="block text-slate-700">
                    {firedSeq !== undefined
                      ? t('panels.faults.fired', { time: formatTime(events[firedSeq].t) })
                      : t('panels.faults.notFired')}
                    {n > 0 && ` · ${t('panels.faults.affected', { n })}`}
                  </span>
                </button>
                <button
                  type="button"
                  className="rounded border border-slate-400 px-2 font-bold text-red-800 hover:bg-red-50"
                  aria-label={t('panels.faults.remove', { desc })}
                  title={t('panels.faults.remove', { desc })}
                  onClick={() => removeFault(f.id)}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <form
        className="mt-3 space-y-2 rounded border border-slate-300 bg-slate-50 p-2"
        aria-label={t('panels.add.title')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <h3 className="font-semibold">{t('panels.add.title')}</h3>
        <div className="flex flex-wrap items-end gap-2">
          <L label={t('panels.add.trigger')}>
            <select
              className={INPUT}
              value={d.trigger}
              onChange={(e) => set({ trigger: e.target.value as 'at' | 'on' })}
            >
              <option value="at">{t('panels.add.trigger.at')}</option>
              <option value="on">{t('panels.add.trigger.on')}</option>
            </select>
          </L>
          {d.trigger === 'at' ? (
            <>
              <L label={t('panels.add.at')}>
                <input
                  className={`${INPUT} w-28`}
                  inputMode="decimal"
                  value={d.at}
                  aria-invalid={invalid('at') || undefined}
                  aria-describedby={invalid('at') ? errId : undefined}
                  onChange={(e) => set({ at: e.target.value })}
                />
              </L>
              <button
                type="button"
                className="rounded border border-slate-400 bg-white px-2 py-0.5 hover:bg-slate-100"
                onClick={() => set({ at: String(Math.round(cursorT)) })}
              >
                {t('panels.add.useCursor')} ({formatTime(cursorT)})
              </button>
            </>
          ) : (
            <>
              <L label={t('panels.add.nth')}>
                <input
                  className={`${INPUT} w-16`}
                  inputMode="numeric"
                  value={d.nth}
                  aria-invalid={invalid('nth') || undefined}
                  onChange={(e) => set({ nth: e.target.value })}
                />
              </L>
              <L label={t('panels.add.onKind')}>
                <select
                  className={INPUT}
                  value={d.onKind}
                  onChange={(e) => set({ onKind: e.target.value as EventMatcher['kind'] })}
                >
                  {TRIGGER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t('panels.kind.' + k)}
                    </option>
                  ))}
                </select>
              </L>
              {nodeSelect(d.onNode, (x) => set({ onNode: x }), t('panels.add.onNode'), true, 'onNode')}
              <L label={t('panels.add.onType')}>
                <input className={`${INPUT} w-32`} value={d.onType} onChange={(e) => set({ onType: e.target.value })} />
              </L>
              <L label={t('panels.add.onDelay')}>
                <input
                  className={`${INPUT} w-20`}
                  inputMode="decimal"
                  value={d.onDelay}
                  aria-invalid={invalid('onDelay') || undefined}
                  onChange={(e) => set({ onDelay: e.target.value })}
                />
              </L>
            </>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <L label={t('panels.add.action')}>
            <select
              className={INPUT}
              value={d.action}
              onChange={(e) => set({ action: e.target.value as FaultDraft['action'] })}
            >
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t('panels.add.action.' + k)}
                </option>
              ))}
            </select>
          </L>
          {(d.action === 'crash' || d.action === 'recover') &&
            nodeSelect(d.node, (x) => set({ node: x }), t('panels.add.node'), false, 'node')}
          {isMsg && (
            <>
              {nodeSelect(d.from, (x) => set({ from: x }), t('panels.add.from'), true, 'from')}
              {nodeSelect(d.to, (x) => set({ to: x }), t('panels.add.to'), true, 'to')}
              <L label={t('panels.add.type')}>
                <input className={`${INPUT} w-28`} value={d.type} onChange={(e) => set({ type: e.target.value })} />
              </L>
              <L label={t('panels.add.count')}>
                <input
                  className={`${INPUT} w-16`}
                  inputMode="numeric"
                  value={d.count}
                  aria-invalid={invalid('count') || undefined}
                  onChange={(e) => set({ count: e.target.value })}
                />
              </L>
              {d.action === 'delay' && (
                <L label={t('panels.add.by')}>
                  <input
                    className={`${INPUT} w-24`}
                    inputMode="decimal"
                    value={d.by}
                    aria-invalid={invalid('by') || undefined}
                    onChange={(e) => set({ by: e.target.value })}
                  />
                </L>
              )}
            </>
          )}
        </div>
        {d.action === 'partition' && (
          <div className="space-y-1">
            {side(d.partA, 'partA', t('panels.add.sideA'))}
            {side(d.partB, 'partB', t('panels.add.sideB'))}
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={d.oneWay} onChange={(e) => set({ oneWay: e.target.checked })} />
              {t('panels.add.oneWay')}
            </label>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className="rounded bg-slate-800 px-3 py-1 font-semibold text-white hover:bg-slate-700">
            {t('panels.add.submit')}
          </button>
          {v.ok ? (
            <span className="text-slate-700">{t('panels.add.preview', { desc: describeFault(t, v.fault, name) })}</span>
          ) : (
            errVisible && (
              <span id={errId} role="alert" className="font-semibold text-red-800">
                ✕ {err}
              </span>
            )
          )}
        </div>
      </form>
    </section>
  );
}
