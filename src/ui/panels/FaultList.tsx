import { useTranslation } from 'react-i18next';
import { useLab } from '../../store/lab';

/** Placeholder; full implementation follows. */
export function FaultList() {
  const { t } = useTranslation();
  const n = useLab((s) => s.index.events.length);
  return (
    <section className="h-full overflow-auto p-2 text-sm" aria-label={t('panels.faults.title')}>
      {t('panels.faults.title')} ({n})
    </section>
  );
}
