import { useMemo } from 'react';
import { useRun } from '../../store/run';
import { usePanelText } from './common';
import { activeHandlers } from './traceViews';

/** "Code burden": the handlers a business team writes for this pattern, the one running at the cursor lit up. */
export function CodePanel() {
  const { t, exists } = usePanelText();
  const pattern = useRun((s) => s.pattern);
  const topology = useRun((s) => s.result.topology);
  const events = useRun((s) => s.index.events);
  const pos = useRun((s) => s.cursor.pos);

  const roleOf = useMemo(() => {
    const m = new Map(topology.nodes.map((n) => [n.id, n.role]));
    return (id: string) => m.get(id);
  }, [topology]);
  const active = activeHandlers(pattern.handlers, events, pos, roleOf);

  const groups = new Map<string, typeof pattern.handlers>();
  for (const h of pattern.handlers) {
    const g = groups.get(h.role);
    if (g) g.push(h);
    else groups.set(h.role, [h]);
  }
  const lines = pattern.handlers.reduce((n, h) => n + h.code.length, 0);
  const roleName = (r: string) => (exists(`role.${pattern.id}.${r}`) ? t(`role.${pattern.id}.${r}`) : r);

  return (
    <section className="h-full overflow-auto bg-white p-2 text-sm text-slate-900" aria-label={t('panels.code.title')}>
      <h2 className="sr-only">{t('panels.code.title')}</h2>
      {pattern.handlers.length === 0 ? (
        <p className="text-slate-600">{t('panels.code.none')}</p>
      ) : (
        <p className="mb-2 font-semibold text-slate-800">
          {t('panels.code.count', { handlers: pattern.handlers.length, lines })}
        </p>
      )}
      {[...groups.entries()].map(([role, hs]) => (
        <div key={role} className="mb-3">
          <h3 className="mb-1 border-b border-slate-200 font-semibold">{roleName(role)}</h3>
          {hs.map((h) => {
            const on = active.has(h.id);
            return (
              <div
                key={h.id}
                className={`mb-1.5 rounded border ${on ? 'border-amber-600 bg-amber-50' : 'border-slate-200'}`}
                aria-current={on ? 'step' : undefined}
              >
                <div className="flex flex-wrap items-baseline gap-2 px-2 pt-0.5">
                  <span className="font-mono font-semibold">{h.id}</span>
                  <span className="text-slate-600">{t('panels.code.runsOn', { list: h.runsOn.join(', ') })}</span>
                  {on && (
                    <span className="ml-auto rounded bg-amber-600 px-1.5 font-semibold text-white">
                      ▶ {t('panels.code.running')}
                    </span>
                  )}
                </div>
                <pre className="overflow-x-auto px-2 pb-1 font-mono text-[14px] leading-snug">
                  {h.code.map((line, i) => (
                    <div key={i} className="flex">
                      <span className="mr-2 w-6 shrink-0 text-right text-slate-500 select-none">{i + 1}</span>
                      <code>{line}</code>
                    </div>
                  ))}
                </pre>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
