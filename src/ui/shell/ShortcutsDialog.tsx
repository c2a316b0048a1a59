/** The "?" dialog: every keyboard shortcut, from the same list the handler uses. Lazy-loaded. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../hooks/useKeyboard';
import { useUi } from '../../store/ui';

export default function ShortcutsDialog() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const close = () => useUi.getState().setShortcutsOpen(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={close}
      onCancel={close}
      onKeyDown={(e) => {
        if (e.key === '?') {
          e.preventDefault();
          close();
        }
      }}
      onClick={(e) => {
        if (e.target === ref.current) close();
      }}
      className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id="shortcuts-title" className="text-xl font-semibold">
          {t('shortcuts.title')}
        </h2>
        <button
          type="button"
          onClick={close}
          aria-label={t('common.close')}
          className="rounded px-2 text-xl hover:bg-slate-100"
          autoFocus
        >
          ✕
        </button>
      </div>
      <table className="w-full text-[16px]">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action} className="border-b border-slate-100 last:border-0">
              <td className="px-5 py-2 whitespace-nowrap">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="px-1 text-slate-500">/</span>}
                    <kbd className="rounded border border-slate-400 bg-slate-50 px-2 py-0.5 font-mono text-[15px]">
                      {k === 'Space' ? t('key.space') : k === 'Esc' ? t('key.esc') : k}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="px-5 py-2">{t(s.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
