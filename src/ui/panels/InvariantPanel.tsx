import { useLab } from '../../store/lab';
import { useMemo } from 'react';
import { invariantsAt, type TxReport } from '../../engine';
import { allLocksAt } from '../tables/rows';
import { formatTime } from '../theme';
import { usePanelText } from './common';
import { wordOf } from './describe';
import { LockIcon } from './icons';

const VERDICT = {
  holds: { icon: '✓', cls: 'text-emerald-700', box: 'border-emerald-600/40 bg-emerald-50' },
  violated: { icon: '●', cls: 'text-red-700', box: 'border-red-600 bg-red-50' },
  undecided: { icon: '?', cls: 'text-slate-700', box: 'border-slate-300 bg-slate-50' },
} as const;

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

/** Invariant verdicts at the cursor, locks (blocking) at the cursor, outcomes at the end of the run. */
export function InvariantPanel() {
  const { t, name, exists } = usePanelText();
  const index = useLab((s) => s.index);
  const cursor = useLab((s) => s.cursor);
  const pattern = useLab((s) => s.pattern);
  const outcomes = useLab((s) => s.result.outcomes);
  const seekPos = useLab((s) => s.seekPos);
  const select = useLab((s) => s.select);
  const setHover = useLab((s) => s.setHover);

  const invs = invariantsAt(index, cursor.pos);
  const { rows: locks, total: lockTotal } = allLocksAt(index, cursor, PANEL_LOCKS);
  const { shown, counts } = useMemo(() => outcomeSummary(outcomes, PANEL_OUTCOMES), [outcomes]);
  const firstBreakTime = (id: string) => index.result.invariants.find((r) => r.id === id)?.firstBreak ?? null;

  return (
    <section className="h-full overflow-auto bg-white p-2 text-sm text-slate-900" aria-label={t('panels.inv.title')}>
      <h2 className="mb-1 font-semibold">{t('panels.inv.title')}</h2>
      {invs.length === 0 && <p className="text-slate-600">{t('panels.inv.none')}</p>}
      <ul className="space-y-1">
        {invs.map((inv) => {
          const v = VERDICT[inv.verdict];
          const title = t('inv.' + inv.id);
          const desc = exists('inv.' + inv.id + '.desc') ? t('inv.' + inv.id + '.desc') : '';
          const canJump = inv.firstBreakSeq !== null && (inv.everBroken || inv.verdict !== 'holds');
          const fb = firstBreakTime(inv.id);
          const body = (
            <>
              <span className={`mt-0.5 w-5 shrink-0 text-center text-base font-bold ${v.cls}`} aria-hidden="true">
                {v.icon}
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-semibold">{title}</span>
                  <span className={`font-semibold ${v.cls}`}>{t('panels.inv.verdict.' + inv.verdict)}</span>
                  {inv.since !== null && inv.verdict !== 'holds' && (
                    <span className="text-slate-700">{t('panels.inv.since', { time: formatTime(inv.since) })}</span>
                  )}
                  <span className="text-slate-600">({t('panels.inv.kind.' + inv.kind)})</span>
                </span>
                {desc && <span className="block text-slate-700">{desc}</span>}
                {canJump && fb !== null && (
                  <span className="block text-red-800 underline">
                    {t('panels.inv.everBroken', { time: formatTime(fb) })}
                  </span>
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
                  aria-label={`${title}: ${t('panels.inv.verdict.' + inv.verdict)}. ${t('panels.inv.jump', { name: title })}`}
                  onClick={() => {
                    const seq = inv.firstBreakSeq as number;
                    seekPos(seq + 1);
                    select({ kind: 'event', seq });
                  }}
                  onMouseEnter={() => setHover({ kind: 'event', seq: inv.firstBreakSeq as number })}
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
    </section>
  );
}
