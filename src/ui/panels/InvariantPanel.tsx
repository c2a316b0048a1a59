import { memo, useMemo } from 'react';
import { useRun } from '../../store/run';
import type { TxReport } from '../../engine';
import { allLocksAt } from '../tables/rows';
import { formatTime } from '../theme';
import { usePanelText } from './common';
import { wordOf } from './describe';
import { invDescKey } from '../../i18n/inv';
import { LockIcon } from './icons';
import { invariantViews, type InvStatus, type InvView } from './traceViews';

/** One look per status: broken is the only red; a closed window is amber text on a row that holds. */
export const STATUS_LOOK: Record<InvStatus, { icon: string; cls: string; box: string }> = {
  broken: { icon: '●', cls: 'text-red-700', box: 'border-red-600 bg-red-50' },
  undecided: { icon: '?', cls: 'text-slate-700', box: 'border-slate-400 bg-slate-50' },
  'was-broken': { icon: '✓', cls: 'text-emerald-700', box: 'border-emerald-600/40 bg-emerald-50' },
  holds: { icon: '✓', cls: 'text-emerald-700', box: 'border-emerald-600/40 bg-emerald-50' },
};

const OUTCOME_CLS: Record<string, string> = {
  committed: 'bg-emerald-50 text-emerald-900 border-emerald-600',
  aborted: 'bg-slate-200 text-slate-800 border-slate-500',
  blocked: 'bg-purple-50 text-purple-950 border-purple-600',
  inconsistent: 'bg-red-50 text-red-900 border-red-600',
  pending: 'bg-amber-50 text-amber-950 border-amber-500',
  delivered: 'bg-emerald-50 text-emerald-900 border-emerald-600',
  repaired: 'bg-emerald-50 text-emerald-900 border-emerald-600',
  half: 'bg-amber-50 text-amber-950 border-amber-500',
  'given-up': 'bg-red-50 text-red-900 border-red-600',
  'dead-lettered': 'bg-red-50 text-red-900 border-red-600',
};

/** Locks listed (longest held first); the table view lists every node's locks. */
const PANEL_LOCKS = 30;

/** Outcomes listed one by one; a run with more shows counts per outcome and the ones that need a look first. */
const PANEL_OUTCOMES = 50;

/** Outcomes that need a look sort first. */
const OUTCOME_ORDER = ['inconsistent', 'blocked', 'pending', 'half', 'given-up', 'dead-lettered', 'repaired'];

function outcomeSummary(outcomes: readonly TxReport[], limit: number) {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
  if (outcomes.length <= limit) return { shown: outcomes, counts };
  const rank = (o: TxReport) => {
    const i = OUTCOME_ORDER.indexOf(o.outcome);
    return i < 0 ? OUTCOME_ORDER.length : i;
  };
  const shown = outcomes
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.o);
  return { shown, counts };
}

/** The invariants at the cursor, broken and undecided first (what broke is never below the fold). */
export function useInvariantViews(): InvView[] {
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  return useMemo(() => invariantViews(index.result.invariants, index.events, cursor), [index, cursor]);
}

/** The status words of a row: "broken now · since 35 ms", "holds · was broken from 293 ms to 310 ms", … */
export function statusText(t: (k: string, o?: Record<string, string | number>) => string, v: InvView) {
  const word = t('panels.inv.status.' + (v.status === 'was-broken' ? 'holds' : v.status));
  let detail = '';
  if ((v.status === 'broken' || v.status === 'undecided') && v.from !== null)
    detail = t('panels.inv.since', { time: formatTime(v.from) });
  else if (v.status === 'was-broken' && v.from !== null && v.to !== null)
    detail = t(v.windows > 1 ? 'panels.inv.windowMany' : 'panels.inv.window', {
      from: formatTime(v.from),
      to: formatTime(v.to),
      count: v.windows,
    });
  return { word, detail };
}

/** Move the cursor to where this break (or window) began. */
export function jumpTo(v: InvView) {
  const lab = useRun.getState();
  const ev = v.fromSeq !== null ? lab.index.events[v.fromSeq] : undefined;
  lab.setPlaying(false);
  if (ev && v.from !== null && ev.t === v.from) {
    lab.seekPos(ev.seq + 1);
    lab.select({ kind: 'event', seq: ev.seq });
  } else if (v.from !== null) lab.seekTime(v.from);
}

/** Invariant verdicts at the cursor, locks (blocking) at the cursor, outcomes at the end of the run. */
export function InvariantPanel() {
  const { t, name, exists } = usePanelText();
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  const pattern = useRun((s) => s.pattern);
  const select = useRun((s) => s.select);
  const setHover = useRun((s) => s.setHover);

  const invs = useInvariantViews();
  const brokenCount = invs.filter((v) => v.status === 'broken').length;
  const { rows: locks, total: lockTotal } = allLocksAt(index, cursor, PANEL_LOCKS);

  return (
    <section className="h-full overflow-auto bg-white p-2 text-sm text-slate-900" aria-label={t('panels.inv.title')}>
      <h2 className="mb-1 flex items-baseline gap-2 font-semibold">
        {t('panels.inv.title')}
        {brokenCount > 0 && (
          <span className="rounded-full bg-red-700 px-2 text-[14px] leading-5 font-bold text-white">
            {t('panels.inv.brokenCount', { count: brokenCount })}
          </span>
        )}
      </h2>
      {invs.length === 0 && <p className="text-slate-600">{t('panels.inv.none')}</p>}
      <ul className="space-y-1">
        {invs.map((inv) => {
          const v = STATUS_LOOK[inv.status];
          const title = t('inv.' + inv.id);
          const descKey = invDescKey(exists, pattern.id, inv.id);
          const desc = descKey ? t(descKey) : '';
          const { word, detail } = statusText(t, inv);
          const canJump = inv.status !== 'holds' && inv.from !== null;
          const body = (
            <>
              <span className={`mt-0.5 w-5 shrink-0 text-center text-base font-bold ${v.cls}`} aria-hidden="true">
                {v.icon}
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-semibold">{title}</span>
                  <span className={`font-semibold ${v.cls}`}>{word}</span>
                  {detail && inv.status !== 'was-broken' && <span className="text-slate-700">{detail}</span>}
                  <span className="text-slate-600">({t('panels.inv.kind.' + inv.kind)})</span>
                </span>
                {inv.status === 'was-broken' && detail && (
                  <span className="block font-semibold text-amber-900">
                    {detail} <span className="font-normal underline">{t('panels.inv.showWindow')}</span>
                  </span>
                )}
                {desc && <span className="block text-slate-700">{desc}</span>}
                {inv.status === 'broken' && (
                  <span className="block text-red-800 underline">{t('panels.inv.show')}</span>
                )}
              </span>
            </>
          );
          return (
            <li key={inv.id}>
              {canJump ? (
                <button
                  type="button"
                  className={`flex w-full items-start gap-2 rounded border px-2 py-1 text-left hover:brightness-95 ${v.box}`}
                  aria-label={`${title}: ${word}${detail ? ', ' + detail : ''}. ${t('panels.inv.jump', { name: title })}`}
                  onClick={() => jumpTo(inv)}
                  onMouseEnter={() =>
                    inv.fromSeq !== null && inv.fromSeq < index.events.length
                      ? setHover({ kind: 'event', seq: inv.fromSeq })
                      : undefined
                  }
                  onMouseLeave={() => setHover(null)}
                >
                  {body}
                </button>
              ) : (
                <div className={`flex items-start gap-2 rounded border px-2 py-1 ${v.box}`}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>

      <h3 className="mt-3 mb-1 font-semibold">{t('panels.inv.locks')}</h3>
      {locks.length === 0 ? (
        <p className="text-slate-600">{t('panels.inv.noLocks')}</p>
      ) : (
        <ul className="space-y-0.5">
          {locks.map((l) => (
            <li key={`${l.node}:${l.resource}`}>
              <button
                type="button"
                className="flex w-full items-baseline gap-2 rounded border border-purple-600/60 bg-purple-50 px-2 py-0.5 text-left text-purple-950 hover:bg-purple-100"
                onClick={() => select({ kind: 'node', node: l.node })}
                onMouseEnter={() => setHover({ kind: 'node', node: l.node })}
                onMouseLeave={() => setHover(null)}
              >
                <LockIcon />
                <span className="flex-1">{t('panels.inv.lockRow', { node: name(l.node), res: l.resource })}</span>
                <span className="font-mono">{t('panels.inv.heldFor', { time: formatTime(l.heldFor) })}</span>
              </button>
            </li>
          ))}
          {lockTotal > locks.length && (
            <li className="px-2 text-slate-700">{t('panels.inv.moreLocks', { count: lockTotal - locks.length })}</li>
          )}
        </ul>
      )}

      <Outcomes />
    </section>
  );
}

/**
 * The run's outcomes (they do not depend on the cursor): a component of its own, memoized, so a seek does not
 * rebuild its fifty rows.
 */
const Outcomes = memo(function Outcomes() {
  const { t, name, exists } = usePanelText();
  const pattern = useRun((s) => s.pattern);
  const outcomes = useRun((s) => s.result.outcomes);
  const { shown, counts } = useMemo(() => outcomeSummary(outcomes, PANEL_OUTCOMES), [outcomes]);
  return (
    <>
      <h3 className="mt-3 mb-1 font-semibold">{t('panels.inv.outcomes')}</h3>
      {outcomes.length === 0 ? (
        <p className="text-slate-600">{t('panels.inv.noOutcomes')}</p>
      ) : (
        <>
          {outcomes.length > PANEL_OUTCOMES && (
            <p className="mb-1 flex flex-wrap gap-1.5" aria-label={t('panels.inv.outcomeCounts')}>
              {[...counts].map(([outcome, n]) => (
                <span key={outcome} className={`rounded border px-1.5 font-semibold ${OUTCOME_CLS[outcome] ?? ''}`}>
                  {t('panels.outcome.' + outcome)}: {n}
                </span>
              ))}
            </p>
          )}
          <ul className="space-y-1">
            {shown.map((o) => (
              <li key={o.tx} className="rounded border border-slate-200 px-2 py-1">
                <div className="flex items-baseline gap-2">
                  <span className="font-mono font-semibold">{o.tx}</span>
                  <span className={`rounded border px-1.5 font-semibold ${OUTCOME_CLS[o.outcome] ?? ''}`}>
                    {t('panels.outcome.' + o.outcome)}
                  </span>
                </div>
                <div className="mt-0.5 flex flex-wrap gap-x-3 text-slate-700">
                  {Object.entries(o.at).map(([node, st]) => (
                    <span key={node}>
                      {name(node)}: <span className="font-semibold">{wordOf(t, exists, pattern.id, st)}</span>
                    </span>
                  ))}
                </div>
              </li>
            ))}
            {outcomes.length > shown.length && (
              <li className="px-2 text-slate-700">
                {t('panels.inv.moreOutcomes', { count: outcomes.length - shown.length })}
              </li>
            )}
          </ul>
        </>
      )}
    </>
  );
});
