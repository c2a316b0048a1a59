/** The header's way into (and out of) the Compare view; the page itself is lazy-loaded. */
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';
import { navigate, openCompare, useCompareRoute } from './route';

/** Back to the animated view, its address the scenario on screen (no reload: no hashchange). */
export async function closeCompare() {
  const { encodeLink } = await import('../../scenario/link');
  navigate(encodeLink(useRun.getState().scenario));
}

export function CompareButton() {
  const { t } = useTranslation();
  const on = useCompareRoute();
  return (
    <button
      type="button"
      className={'hbtn ' + (on ? 'bg-slate-800! text-white! hover:bg-slate-900!' : '')}
      aria-pressed={on}
      title={t('compare.open.desc')}
      onClick={() => (on ? void closeCompare() : openCompare())}
    >
      {t('compare.open')}
    </button>
  );
}
