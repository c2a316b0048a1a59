/**
 * The run's status strip under the header: while a long scenario is computed, a progress bar (events so far,
 * virtual time of the horizon) with Cancel — the previous run stays on screen and usable meanwhile; after a run
 * that hit its event budget, a message saying so and where to raise it. Nothing at all in the common case.
 */
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';
import { progressFraction } from '../../store/loader';
import { formatTime } from '../theme';

export function RunStatus() {
  const { t, i18n } = useTranslation();
  const loading = useRun((s) => s.loading);
  const stoppedBy = useRun((s) => s.result.stoppedBy);
  const budget = useRun((s) => s.result.maxEvents);
  const cancel = useRun((s) => s.cancelLoad);
  const num = (n: number) => n.toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en-US');

  if (loading) {
    const p = loading.progress;
    const pct = Math.round(progressFraction(p) * 100);
    const text =
      p.phase === 'simulate'
        ? t('run.simulating', { events: num(p.events), t: formatTime(p.t), horizon: formatTime(p.horizon) })
        : t('run.indexing', { done: num(p.indexed), total: num(p.total) });
    return (
      <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-sky-800 bg-sky-100 px-4 py-1 text-[15px] text-sky-950">
        <span className="font-semibold">{t('run.loading')}</span>
        <div
          role="progressbar"
          aria-label={t('run.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={text}
          className="h-3 w-64 max-w-[40vw] overflow-hidden rounded-full border border-sky-800 bg-white"
        >
          <div className="h-full bg-sky-700" style={{ width: `${pct}%` }} />
        </div>
        <span className="font-mono text-[14px]">{text}</span>
        <span className="text-sky-900">{t('run.previousStays')}</span>
        <button
          type="button"
          onClick={cancel}
          className="ml-auto rounded border border-sky-900 bg-white px-3 py-0.5 font-semibold hover:bg-sky-50"
        >
          {t('run.cancel')}
        </button>
      </div>
    );
  }
  if (stoppedBy === 'maxEvents') {
    return (
      <p
        role="status"
        className="shrink-0 border-b border-amber-600 bg-amber-50 px-4 py-1 text-[15px] font-semibold text-amber-950"
      >
        ⚠ {t('run.budgetStop', { n: num(budget) })}
      </p>
    );
  }
  return null;
}
