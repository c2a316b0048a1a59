/**
 * The guided-tour player (issue 15): chapter picker, step n of N, previous / next, end; the step's caption. The
 * keys are in useKeyboard (→ / PageDown / "." next, ← / PageUp back, so a presenter's clicker drives it) and here
 * (Esc ends the tour; in presentation mode a second Esc leaves presentation mode). In presentation mode it sits
 * beside the verdict strip with its caption large (≥ 28 px at 1920 px wide).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadedPattern as getPattern } from '../../patterns/catalog'; // the pattern on screen is loaded
import { useRun } from '../../store/run';
import { stepsOf, useTour } from '../../store/tour';
import { useUi } from '../../store/ui';
import { escTaken } from '../hooks/usePresentation';

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range', 'file'].includes(el.type);
}

export function TourPlayer() {
  const { t } = useTranslation();
  const tour = useTour((s) => s.tour);
  const step = useTour((s) => s.step);
  const go = useTour((s) => s.go);
  const exit = useTour((s) => s.exit);
  const patternId = useRun((s) => s.pattern.id);
  const scenarioName = useRun((s) => s.scenario.name);
  const present = useUi((s) => s.present);

  // Another pattern on screen (the picker, Back, a link without a tour): the tour ends.
  useEffect(() => {
    if (tour !== null && patternId !== tour) exit();
  }, [tour, patternId, exit]);

  useEffect(() => {
    if (tour === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || isTyping(e.target) || escTaken()) return;
      e.preventDefault(); // presentation mode's own Esc waits for the next press
      useTour.getState().exit();
    };
    // Capture phase, like presentation mode's Esc: both see the key before anything closes.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [tour]);

  if (tour === null) return null;
  const pattern = getPattern(tour);
  const steps = stepsOf(pattern);
  const fs = steps[step];
  if (!pattern?.tour || !fs) return null;
  const chapters = pattern.tour.chapters;
  const firstOf = (c: number) => steps.find((s) => s.chapter === c)?.index ?? 0;
  const btn =
    'tour-btn flex h-9 min-w-9 items-center justify-center rounded-md border border-slate-500 bg-white px-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-40';

  return (
    <section
      aria-label={t('tour.region')}
      className={
        'tour flex min-w-0 gap-x-3 gap-y-1 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-slate-950 ' +
        (present ? 'tour-present flex-col basis-[58%]' : 'flex-wrap items-center')
      }
    >
      <div className={'flex shrink-0 flex-wrap items-center gap-1.5' + (present ? ' pz self-start' : '')}>
        <label className="flex min-w-0 items-center">
          <span className="sr-only">{t('tour.chapter')}</span>
          <select
            value={fs.chapter}
            onChange={(e) => go(firstOf(Number(e.target.value)))}
            className="hselect max-w-[22rem] min-w-0 font-semibold"
            title={t('tour.chapter')}
          >
            {chapters.map((c, i) => (
              <option key={c.id} value={i}>
                {`${i + 1}. ${t(c.title)}`}
              </option>
            ))}
          </select>
        </label>
        <span className="px-1 font-semibold whitespace-nowrap tabular-nums" aria-live="off">
          {t('tour.stepOf', { n: step + 1, total: steps.length })}
        </span>
        <button type="button" className={btn} onClick={() => go(step - 1)} disabled={step === 0}>
          <span aria-hidden="true">◀</span>
          <span className="sr-only">{t('tour.prev')}</span>
        </button>
        <button type="button" className={btn} onClick={() => go(step + 1)} disabled={step === steps.length - 1}>
          <span aria-hidden="true">▶</span>
          <span className="sr-only">{t('tour.next')}</span>
        </button>
        <button type="button" className={btn} onClick={exit} title={t('tour.stop') + ' (Esc)'}>
          <span aria-hidden="true">✕</span>
          <span className="sr-only">{t('tour.stop')}</span>
        </button>
      </div>
      <div className="min-w-[min(100%,24rem)] flex-1">
        <p
          id="tour-caption"
          aria-live="polite"
          className={
            'tour-caption font-medium text-pretty ' +
            (present ? 'text-[clamp(20px,1.6vw,34px)] leading-snug' : 'text-[17px] leading-snug')
          }
        >
          {t(fs.step.caption)}
        </p>
        {scenarioName !== fs.step.scenario && (
          <p className={'text-amber-950 italic ' + (present ? 'text-[length:var(--pfs)]' : 'text-[15px]')}>
            {t('tour.otherScenario')}
          </p>
        )}
      </div>
    </section>
  );
}
