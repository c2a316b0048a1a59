/** Guard (safeguard) switches: each a role=switch with its label; its description is shown beside it. */
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';

export function GuardSwitches() {
  const { t } = useTranslation();
  const pattern = useRun((s) => s.pattern);
  const guards = useRun((s) => s.scenario.guards);
  const edit = useRun((s) => s.editScenario);
  if (!pattern.guards.length) return <p className="text-[15px] text-slate-600">{t('guards.none')}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {pattern.guards.map((g) => {
        const on = guards[g.key] ?? g.default;
        const labelId = `guard-${g.key}-label`;
        const descId = `guard-${g.key}-desc`;
        return (
          <li key={g.key} className="flex items-start gap-3">
            <button
              type="button"
              role="switch"
              aria-checked={on}
              aria-labelledby={labelId}
              aria-describedby={descId}
              onClick={() => edit((s) => ({ ...s, guards: { ...s.guards, [g.key]: !on } }))}
              className={
                'mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 transition-colors ' +
                (on ? 'border-emerald-700 bg-emerald-600' : 'border-slate-500 bg-slate-200')
              }
            >
              <span
                aria-hidden="true"
                className={
                  'inline-block h-4 w-4 rounded-full bg-white shadow transition-transform ' +
                  (on ? 'translate-x-5' : 'translate-x-0.5')
                }
              />
            </button>
            <div className="min-w-0">
              <div id={labelId} className="text-[15px] font-semibold">
                {t(`guard.${pattern.id}.${g.key}`)}{' '}
                <span className={on ? 'text-emerald-800' : 'text-slate-600'}>
                  ({on ? t('common.on') : t('common.off')})
                </span>
              </div>
              <div id={descId} className="text-sm text-slate-700">
                {t(`guard.${pattern.id}.${g.key}.desc`)}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
