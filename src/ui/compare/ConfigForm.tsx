/**
 * The Compare view's config form: patterns (all by default), the business workload, the fault profile (a preset or
 * custom figures), runs, seed and an optional sweep. Every input has a label; an invalid one says what is wrong
 * and names its field (aria-invalid + aria-describedby).
 */
import { useTranslation } from 'react-i18next';
import type { SweepKey } from '../../lab/config';
import { formErrors, PRESETS, SWEEP_KEYS, useCompare, type FormField, type Preset } from '../../store/compare';

function NumberField({ field, unit, disabled }: { field: FormField; unit?: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const value = useCompare((s) => s.form[field]) as string;
  const error = useCompare((s) => formErrors(s).find((e) => e.field === field));
  const id = `cmp-${field}`;
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-[15px] font-semibold text-slate-900">
        {t(`compare.field.${field}`)}
        {unit && <span className="font-normal text-slate-700"> ({unit})</span>}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? id + '-err' : undefined}
        onChange={(e) => useCompare.getState().setField(field, e.target.value)}
        className={
          'h-9 w-full rounded-md border bg-white px-2 text-[15px] text-slate-950 tabular-nums disabled:bg-slate-100 disabled:text-slate-700 ' +
          (error ? 'border-2 border-red-700' : 'border-slate-400')
        }
      />
      {error && (
        <p id={id + '-err'} className="text-sm font-semibold text-red-800">
          {t('compare.err.field', { field: t(`compare.field.${field}`), message: t(error.key, error.params) })}
        </p>
      )}
    </div>
  );
}

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-300 p-2">
      <legend className="px-1 text-base font-bold text-slate-950">{legend}</legend>
      <div className="grid grid-cols-2 gap-2">{children}</div>
    </fieldset>
  );
}

export function ConfigForm() {
  const { t } = useTranslation();
  const all = useCompare((s) => s.allPatterns);
  const chosen = useCompare((s) => s.form.patterns);
  const preset = useCompare((s) => s.form.preset);
  const sweepKey = useCompare((s) => s.form.sweepKey);
  const patternsError = useCompare((s) => formErrors(s).find((e) => e.field === 'patterns'));
  const running = useCompare((s) => s.status === 'running');
  const custom = preset === 'custom';
  return (
    <form
      aria-label={t('compare.form')}
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        useCompare.getState().run();
      }}
    >
      <fieldset
        className="rounded-lg border border-slate-300 p-2"
        aria-describedby={patternsError ? 'cmp-patterns-err' : undefined}
        disabled={running}
      >
        <legend className="px-1 text-base font-bold text-slate-950">{t('compare.field.patterns')}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {all.map((id) => (
            <label key={id} className="flex items-center gap-1.5 text-[15px]">
              <input
                type="checkbox"
                className="size-4"
                checked={chosen.includes(id)}
                onChange={() => useCompare.getState().togglePattern(id)}
              />
              {t(`pattern.${id}.name`)}
            </label>
          ))}
        </div>
        {patternsError && (
          <p id="cmp-patterns-err" className="mt-1 text-sm font-semibold text-red-800">
            {t('compare.err.field', { field: t('compare.field.patterns'), message: t(patternsError.key) })}
          </p>
        )}
      </fieldset>
      <fieldset disabled={running} className="contents">
        <Fieldset legend={t('compare.group.workload')}>
          <NumberField field="transactions" />
          <NumberField field="perSecond" unit={t('compare.unit.perSecond')} />
          <NumberField field="failureRate" unit="0…1" />
        </Fieldset>
        <Fieldset legend={t('compare.group.faults')}>
          <div className="col-span-2 flex flex-col gap-0.5">
            <label htmlFor="cmp-preset" className="text-[15px] font-semibold">
              {t('compare.field.preset')}
            </label>
            <select
              id="cmp-preset"
              className="hselect"
              value={preset}
              onChange={(e) => useCompare.getState().setPreset(e.target.value as Preset)}
            >
              {PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`compare.preset.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <NumberField field="loss" unit="0…1" disabled={!custom} />
          <NumberField field="duplicate" unit="0…1" disabled={!custom} />
          <NumberField field="latencyMean" unit="ms" disabled={!custom} />
          <NumberField field="crashRate" unit={t('compare.unit.perMinute')} disabled={!custom} />
          <NumberField field="recoveryTime" unit="ms" disabled={!custom} />
        </Fieldset>
        <Fieldset legend={t('compare.group.runs')}>
          <NumberField field="runs" />
          <NumberField field="seed" />
          <div className="flex flex-col gap-0.5">
            <label htmlFor="cmp-sweepKey" className="text-[15px] font-semibold">
              {t('compare.field.sweepKey')}
            </label>
            <select
              id="cmp-sweepKey"
              className="hselect"
              value={sweepKey}
              onChange={(e) => useCompare.getState().setField('sweepKey', e.target.value as SweepKey | '')}
            >
              <option value="">{t('compare.sweep.none')}</option>
              {SWEEP_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(`compare.field.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {sweepKey && <NumberField field="sweepValues" />}
        </Fieldset>
      </fieldset>
    </form>
  );
}
