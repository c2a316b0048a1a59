/**
 * The header's tour button (issue 15 tours). Apart from the player (TourPlayer.tsx), which loads only when a tour
 * runs: the first screen has the button, not the player. [issue 15: initial JS]
 */
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';
import { stepsOf, useTour } from '../../store/tour';

/** The header's button: starts the tour of the pattern on screen, or ends the running one. */
export function TourButton() {
  const { t } = useTranslation();
  const pattern = useRun((s) => s.pattern);
  const active = useTour((s) => s.tour !== null);
  // A pattern just picked is still loading: the tour would be the previous pattern's.
  const pending = useRun((s) => s.pendingPattern !== null);
  if (!stepsOf(pattern).length) return null;
  return (
    <button
      type="button"
      aria-pressed={active}
      disabled={pending && !active}
      className={'hbtn ' + (active ? 'bg-slate-800! text-white! hover:bg-slate-900!' : '')}
      title={active ? t('tour.stop') : t('tour.start.desc')}
      onClick={() => (active ? useTour.getState().exit() : useTour.getState().start(pattern.id))}
    >
      {t('tour.start')}
    </button>
  );
}
