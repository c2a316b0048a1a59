/**
 * The header's Guards and Parameters buttons. The buttons (and the guard count) are on the first screen; the
 * panels they open are not, so their code (switches, the parameter form with its validation) loads on first open.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';
import { Popover } from './Popover';

const GuardSwitches = lazy(() => import('./Guards').then((m) => ({ default: m.GuardSwitches })));
const ParamsForm = lazy(() => import('./Params').then((m) => ({ default: m.ParamsForm })));

function Loading() {
  const { t } = useTranslation();
  return <p className="text-[15px] text-slate-600">{t('app.loading')}</p>;
}

export function GuardsPopover() {
  const { t } = useTranslation();
  const pattern = useRun((s) => s.pattern);
  const guards = useRun((s) => s.scenario.guards);
  const on = pattern.guards.filter((g) => guards[g.key] ?? g.default).length;
  const label = t('guards.button', { on, total: pattern.guards.length });
  return (
    <Popover label={label} ariaLabel={t('guards.title')}>
      {() => (
        <>
          <h2 className="mb-2 text-base font-semibold">{t('guards.title')}</h2>
          <Suspense fallback={<Loading />}>
            <GuardSwitches />
          </Suspense>
        </>
      )}
    </Popover>
  );
}

export function ParamsPopover() {
  const { t } = useTranslation();
  const pattern = useRun((s) => s.pattern);
  return (
    <Popover label={t('params.button')} ariaLabel={t('params.title')} key={pattern.id}>
      {(close) => (
        <Suspense fallback={<Loading />}>
          <ParamsForm close={close} />
        </Suspense>
      )}
    </Popover>
  );
}
