/**
 * Messages from store.errors (bad file, bad link, failed run…), one alert each. Errors stay until dismissed;
 * informational ones (a hint such as "copy the address bar instead") go away by themselves. They stack at the top
 * right, under the header and above the timeline — never over the timeline's controls (issue 13) — and scroll
 * when there are more than fit.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';

/** Informational messages (not errors) time out after this long (ms), unless the pointer or focus is on them. */
const INFO_DISMISS_MS = 6000;

/** Keys of messages that inform rather than report an error ('info.*', and hints pushed through pushError). */
export function isInformational(key: string): boolean {
  return key.startsWith('info.') || key === 'error.clipboard';
}

/** The band between the header's bottom and the timeline's top, in viewport px. */
function useBand(active: boolean): { top: number; bottom: number } {
  const [band, setBand] = useState({ top: 8, bottom: 8 });
  useLayoutEffect(() => {
    if (!active) return;
    const measure = () => {
      const header = document.querySelector('header');
      const timeline = document.querySelector('[role="slider"]')?.closest('section');
      const top = (header?.getBoundingClientRect().bottom ?? 0) + 8;
      const tlTop = timeline?.getBoundingClientRect().top ?? window.innerHeight;
      const bottom = Math.max(8, window.innerHeight - tlTop + 8);
      setBand((b) => (b.top === top && b.bottom === bottom ? b : { top, bottom }));
    };
    // Measured when the observer reports (after the frame's layout, before its paint; flushSync so the toasts are
    // drawn in place in that frame), not at once: a toast that comes with a new long trace (the link notice) would
    // force the layout of the whole new page inside the task that renders it.
    const ro = new ResizeObserver(() => flushSync(measure));
    ro.observe(document.body);
    const header = document.querySelector('header');
    if (header) ro.observe(header);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [active]);
  return band;
}

function Toast({ id, text, info }: { id: number; text: string; info: boolean }) {
  const { t } = useTranslation();
  const dismiss = useRun((s) => s.dismissError);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!info || held) return;
    const timer = window.setTimeout(() => dismiss(id), INFO_DISMISS_MS);
    return () => window.clearTimeout(timer);
  }, [info, held, id, dismiss]);
  return (
    <div
      role={info ? 'status' : 'alert'}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className={
        'pointer-events-auto flex shrink-0 items-start gap-3 rounded-lg border-2 bg-white p-3 text-[15px] shadow-lg ' +
        (info ? 'border-sky-800 text-slate-900' : 'border-red-700 text-red-950')
      }
    >
      <span aria-hidden="true" className={'text-lg leading-6 ' + (info ? 'text-sky-800' : 'text-red-700')}>
        {info ? 'ℹ' : '⚠'}
      </span>
      <p className="min-w-0 flex-1 break-words">{text}</p>
      <button
        type="button"
        onClick={() => dismiss(id)}
        aria-label={t('error.dismiss')}
        className="rounded px-2 text-lg leading-6 text-red-900 hover:bg-red-100"
      >
        ✕
      </button>
    </div>
  );
}

export function Toasts() {
  const { t } = useTranslation();
  const errors = useRun((s) => s.errors);
  const band = useBand(errors.length > 0);
  if (!errors.length) return null;
  return (
    <div
      className="pointer-events-none fixed right-3 z-50 flex w-[min(30rem,calc(100vw-1.5rem))] flex-col gap-2 overflow-y-auto"
      style={{ top: band.top, maxHeight: `calc(100dvh - ${band.top + band.bottom}px)` }}
    >
      {errors.slice(-6).map((e) => (
        <Toast key={e.id} id={e.id} text={t(e.key, e.params)} info={isInformational(e.key)} />
      ))}
    </div>
  );
}
