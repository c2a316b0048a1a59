/** Accessible tabs (tablist / tab / tabpanel, arrow keys move between tabs) for the bottom panels. */
import { Suspense, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';

export interface TabDef {
  id: string;
  /** i18n key of the tab's title. */
  label: string;
  render: () => ReactNode;
}

export function Tabs({ tabs, label }: { tabs: TabDef[]; label: string }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(tabs[0].id);
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = tabs.find((x) => x.id === active) ?? tabs[0];
  const onKey = (e: React.KeyboardEvent, i: number) => {
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    if (j < 0) return;
    e.preventDefault();
    setActive(tabs[j].id);
    refs.current[j]?.focus();
  };
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label={t(label)} className="flex shrink-0 gap-1 border-b border-slate-300 px-2 pt-1">
        {tabs.map((tab, i) => {
          const selected = tab.id === current.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              id={`${base}-tab-${tab.id}`}
              role="tab"
              type="button"
              aria-selected={selected}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setActive(tab.id)}
              onKeyDown={(e) => onKey(e, i)}
              className={
                'rounded-t-md border-b-[3px] px-3 py-1 text-[15px] font-semibold ' +
                (selected
                  ? 'border-sky-700 text-slate-950'
                  : 'border-transparent text-slate-600 hover:bg-slate-100 hover:text-slate-900')
              }
            >
              {t(tab.label)}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-${current.id}`}
        aria-labelledby={`${base}-tab-${current.id}`}
        className="min-h-0 flex-1 overflow-hidden"
      >
        <ErrorBoundary name={current.label} key={current.id}>
          <Suspense fallback={<p className="p-3 text-[15px] text-slate-600">{t('app.loading')}</p>}>
            {current.render()}
          </Suspense>
        </ErrorBoundary>
      </div>
    </div>
  );
}
