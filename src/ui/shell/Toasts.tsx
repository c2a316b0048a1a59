/** Dismissible error messages from store.errors (bad file, bad link, failed run…), one alert each. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../store/lab';

/** Errors go away by themselves after this long (ms) unless the pointer is on them. */
const AUTO_DISMISS_MS = 20_000;

export function Toasts() {
  const { t } = useTranslation();
  const errors = useLab((s) => s.errors);
  const dismiss = useLab((s) => s.dismissError);
  useEffect(() => {
    if (!errors.length) return;
    const oldest = errors[0];
    const timer = window.setTimeout(() => dismiss(oldest.id), AUTO_DISMISS_MS);
    return () => window.clearTimeout(timer);
  }, [errors, dismiss]);
  if (!errors.length) return null;
  return (
    <div className="pointer-events-none fixed right-3 bottom-3 z-50 flex w-[min(30rem,calc(100vw-1.5rem))] flex-col gap-2">
      {errors.slice(-4).map((e) => (
        <div
          key={e.id}
          role="alert"
          className="pointer-events-auto flex items-start gap-3 rounded-lg border-2 border-red-700 bg-white p-3 text-[15px] text-red-950 shadow-lg"
        >
          <span aria-hidden="true" className="text-lg leading-6 text-red-700">
            ⚠
          </span>
          <p className="min-w-0 flex-1 break-words">{t(e.key, e.params)}</p>
          <button
            type="button"
            onClick={() => dismiss(e.id)}
            aria-label={t('error.dismiss')}
            className="rounded px-2 text-lg leading-6 text-red-900 hover:bg-red-100"
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
