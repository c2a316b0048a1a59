/**
 * Presentation mode's verdict strip: every invariant at the cursor in large type — its state and since when —
 * broken first, so what broke is on screen while the panels are hidden. Each verdict jumps to where it broke.
 */
import { jumpTo, STATUS_LOOK, statusText, useInvariantViews } from './InvariantPanel';
import { useFastT } from '../hooks/useFastT';

export function VerdictStrip() {
  const { t } = useFastT();
  const invs = useInvariantViews();
  if (!invs.length) return null;
  return (
    <section
      aria-label={t('present.verdicts')}
      className="flex min-w-0 flex-1 flex-wrap items-center gap-x-1.5 gap-y-1 px-2 py-1"
    >
      <h2 className="sr-only">{t('present.verdicts')}</h2>
      <ul className="contents">
        {invs.map((inv) => {
          const look = STATUS_LOOK[inv.status];
          const { word, detail } = statusText(t, inv);
          const title = t('inv.' + inv.id);
          const canJump = inv.status !== 'holds' && inv.from !== null;
          const cls = `flex items-baseline gap-1.5 rounded-md border-2 px-1.5 leading-snug ${look.box}`;
          const body = (
            <>
              <span aria-hidden="true" className={`font-bold ${look.cls}`}>
                {look.icon}
              </span>
              <span className="font-semibold">{title}</span>
              <span className={`font-bold ${look.cls}`}>{word}</span>
              {detail && (
                <span className={inv.status === 'was-broken' ? 'text-amber-900' : 'text-slate-800'}>{detail}</span>
              )}
            </>
          );
          return (
            <li key={inv.id} className="flex">
              {canJump ? (
                <button type="button" className={cls + ' text-left hover:brightness-95'} onClick={() => jumpTo(inv)}>
                  {body}
                </button>
              ) : (
                <span className={cls}>{body}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
