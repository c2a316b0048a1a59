/**
 * Parameters: number inputs with min/max validation. Values are edited as a draft; Apply checks every field and
 * only then edits the scenario. An absurd value shows a message beside its field and nothing changes.
 * A parameter whose default follows another (ParamDef.presets, e.g. the framework) shows which option's value it is
 * and where it comes from; changing that option sets the draft to the option's values (still a draft until Apply).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultParams, type ParamDef, type Params as ParamValues, type PatternDef, type Scenario } from '../../engine';
import { useRun } from '../../store/run';
import { DEFAULT_MAX_EVENTS } from '../../store/loader';
import { formatTime } from '../theme';

/** Bounds when a pattern gives none: generous but finite (absurd values stay out). */
const DEFAULT_MAX: Record<string, number> = { int: 1000, ms: 30 * 24 * 3600 * 1000, prob: 1 };

export function bounds(p: ParamDef): { min: number; max: number } {
  const min = p.min ?? 0;
  const max = p.max ?? DEFAULT_MAX[p.kind] ?? 1e9;
  return { min, max };
}

/** The event budget's field id (`param-maxEvents`); not a pattern parameter: it edits `scenario.maxEvents`. */
const BUDGET_KEY = 'maxEvents';

export type FieldError = { key: string; params?: Record<string, string | number> };

/** Validate one draft value; returns the parsed value or an error (i18n key + params). */
export function validateParam(p: ParamDef, raw: string): { value: number | string | boolean } | { error: FieldError } {
  if (p.kind === 'bool') return { value: raw === 'true' };
  if (p.kind === 'text') return { value: raw.trim() };
  if (p.kind === 'enum') {
    if (p.options && !p.options.includes(raw)) return { error: { key: 'params.err.option' } };
    return { value: raw };
  }
  const text = raw.trim();
  if (text === '') return { error: { key: 'params.err.empty' } };
  const n = Number(text);
  if (!Number.isFinite(n)) return { error: { key: 'params.err.nan' } };
  if ((p.kind === 'int' || p.kind === 'ms') && !Number.isInteger(n)) return { error: { key: 'params.err.int' } };
  const { min, max } = bounds(p);
  if (n < min || n > max) {
    // "10000 ms (10.0 s)": the unit typed, then the readable form when it says something else ("0 ms", not "0 ms (0 ms)").
    const fmt = (x: number) => {
      if (p.kind !== 'ms') return String(x);
      const readable = formatTime(x);
      return readable === `${x} ms` ? readable : `${x} ms (${readable})`;
    };
    return { error: { key: 'params.err.range', params: { min: fmt(min), max: fmt(max) } } };
  }
  return { value: n };
}

/** Bounds of the event budget field (a run keeps every event in memory: tens of millions would not fit a tab). */
export const BUDGET_MIN = 1;
export const BUDGET_MAX = 20_000_000;

/** Validate the event budget field: an integer in [BUDGET_MIN, BUDGET_MAX]. */
export function validateBudget(raw: string): { value: number } | { error: FieldError } {
  const text = raw.trim().replace(/[,_\s]/g, '');
  if (text === '') return { error: { key: 'params.err.empty' } };
  const n = Number(text);
  if (!Number.isFinite(n)) return { error: { key: 'params.err.nan' } };
  if (!Number.isInteger(n)) return { error: { key: 'params.err.int' } };
  if (n < BUDGET_MIN || n > BUDGET_MAX)
    return { error: { key: 'params.err.range', params: { min: BUDGET_MIN, max: BUDGET_MAX } } };
  return { value: n };
}

/** The scenario with this event budget (the default budget is not written, so links stay short). */
export function withBudget(s: Scenario, budget: number): Scenario {
  const { maxEvents: _old, ...rest } = s;
  return budget === DEFAULT_MAX_EVENTS ? rest : { ...rest, maxEvents: budget };
}

/** New scenario with new params; the workload follows the params when it was the pattern's default one. */
export function withParams(pattern: PatternDef, s: Scenario, params: ParamValues): Scenario {
  const defaultWorkload = JSON.stringify(pattern.workload({ ...defaultParams(pattern), ...s.params }));
  const workload =
    JSON.stringify(s.workload) === defaultWorkload
      ? pattern.workload({ ...defaultParams(pattern), ...params })
      : s.workload;
  return { ...s, params, workload };
}

/**
 * Where a parameter's value comes from, for the draft: the selected preset's source (e.g. "dtm: dtmsvr/config/config.go
 * TimeoutToFail …"), marked edited when the draft differs from that preset's value; else the parameter's own source.
 */
export function sourceOf(p: ParamDef, draft: Record<string, string>): { source: string; edited: boolean } | null {
  const preset = p.presets?.values[draft[p.presets.by] ?? ''];
  if (preset) return { source: preset.source, edited: String(preset.value) !== (draft[p.key] ?? '') };
  return p.source ? { source: p.source, edited: false } : null;
}

/** The draft after `key` changed to `value`: parameters whose presets follow `key` take that option's values. */
export function withPresets(params: ParamDef[], draft: Record<string, string>, key: string, value: string) {
  const next = { ...draft, [key]: value };
  for (const p of params) {
    const v = p.presets?.by === key ? p.presets.values[value] : undefined;
    if (v) next[p.key] = String(v.value);
  }
  return next;
}

export function ParamsForm({ close }: { close: () => void }) {
  const { t, i18n } = useTranslation();
  const label = (k: string, fallback: string) => (i18n.exists(k) ? t(k) : fallback);
  // While a run is being computed, the form edits the scenario asked for last (the one being computed).
  const pattern = useRun((s) => s.loading?.pattern ?? s.pattern);
  const scenario = useRun((s) => s.loading?.scenario ?? s.scenario);
  const current = { ...defaultParams(pattern), ...scenario.params };
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(pattern.params.map((p) => [p.key, String(current[p.key])])),
  );
  const [budget, setBudget] = useState(() => String(scenario.maxEvents ?? DEFAULT_MAX_EVENTS));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});

  const apply = () => {
    const next: ParamValues = { ...scenario.params };
    const errs: Record<string, FieldError> = {};
    for (const p of pattern.params) {
      const r = validateParam(p, draft[p.key] ?? '');
      if ('error' in r) errs[p.key] = r.error;
      else next[p.key] = r.value;
    }
    const b = validateBudget(budget);
    if ('error' in b) errs[BUDGET_KEY] = b.error;
    setErrors(errs);
    const bad = [...pattern.params.map((p) => p.key), BUDGET_KEY].find((k) => errs[k]);
    if (bad) {
      // Show the first bad field (the form may be scrolled) and put the caret there.
      requestAnimationFrame(() => {
        const el = document.getElementById(`param-${bad}`);
        el?.scrollIntoView({ block: 'center' });
        el?.focus();
      });
      return;
    }
    const value = (b as { value: number }).value;
    const ok = useRun.getState().editScenario((s) => withBudget(withParams(pattern, s, next), value));
    if (ok) close();
  };

  const budgetId = `param-${BUDGET_KEY}`;
  const budgetErr = errors[BUDGET_KEY];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      className="flex flex-col gap-3"
    >
      <h2 className="text-base font-semibold">{t('params.title')}</h2>
      {!pattern.params.length && <p className="text-[15px]">{t('params.none')}</p>}
      {pattern.params.map((p) => {
        const id = `param-${p.key}`;
        const err = errors[p.key];
        const { min, max } = bounds(p);
        const src = sourceOf(p, draft);
        return (
          <div key={p.key} className="flex flex-col gap-1">
            <label htmlFor={id} className="text-[15px] font-semibold">
              {t(`param.${pattern.id}.${p.key}`)}
              {p.kind === 'ms' && <span className="font-normal text-slate-600"> (ms)</span>}
            </label>
            {p.kind === 'enum' ? (
              <select
                id={id}
                value={draft[p.key]}
                aria-describedby={`${id}-help`}
                onChange={(e) => setDraft(withPresets(pattern.params, draft, p.key, e.target.value))}
                className="w-fit rounded border border-slate-400 px-2 py-1 text-[15px]"
              >
                {(p.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {label(`param.${pattern.id}.${p.key}.opt.${o}`, o)}
                  </option>
                ))}
              </select>
            ) : p.kind === 'bool' ? (
              <input
                id={id}
                type="checkbox"
                checked={draft[p.key] === 'true'}
                onChange={(e) => setDraft({ ...draft, [p.key]: String(e.target.checked) })}
                className="h-5 w-5"
              />
            ) : (
              <input
                id={id}
                type={p.kind === 'text' ? 'text' : 'number'}
                inputMode={p.kind === 'text' ? 'text' : 'decimal'}
                min={min}
                max={max}
                step={p.kind === 'prob' ? 0.01 : 1}
                value={draft[p.key]}
                aria-invalid={!!err}
                aria-describedby={`${id}-help${err ? ` ${id}-err` : ''}`}
                onChange={(e) => setDraft({ ...draft, [p.key]: e.target.value })}
                className={
                  'w-48 rounded border px-2 py-1 font-mono text-[15px] ' +
                  (err ? 'border-red-700 bg-red-50' : 'border-slate-400')
                }
              />
            )}
            <span id={`${id}-help`} className="text-sm text-slate-700">
              {t(`param.${pattern.id}.${p.key}.help`)}
              {p.kind !== 'enum' && p.kind !== 'bool' && p.kind !== 'text' && <> · {t('params.range', { min, max })}</>}
              {p.kind === 'enum' && i18n.exists(`param.${pattern.id}.${p.key}.opt.${draft[p.key]}.help`) && (
                <> · {t(`param.${pattern.id}.${p.key}.opt.${draft[p.key]}.help`)}</>
              )}
            </span>
            {src && (
              <span data-testid={`${id}-source`} className="font-mono text-[13px] text-slate-700">
                {t(src.edited ? 'params.sourceEdited' : 'params.source', { source: src.source })}
              </span>
            )}
            {err && (
              <span id={`${id}-err`} role="alert" className="text-sm font-semibold text-red-800">
                {t(err.key, err.params)}
              </span>
            )}
          </div>
        );
      })}
      <div className="flex flex-col gap-1 border-t border-slate-300 pt-2">
        <label htmlFor={budgetId} className="text-[15px] font-semibold">
          {t('params.maxEvents')}
        </label>
        <input
          id={budgetId}
          type="text"
          inputMode="numeric"
          value={budget}
          aria-invalid={!!budgetErr}
          aria-describedby={`${budgetId}-help${budgetErr ? ` ${budgetId}-err` : ''}`}
          onChange={(e) => setBudget(e.target.value)}
          className={
            'w-48 rounded border px-2 py-1 font-mono text-[15px] ' +
            (budgetErr ? 'border-red-700 bg-red-50' : 'border-slate-400')
          }
        />
        <span id={`${budgetId}-help`} className="text-sm text-slate-700">
          {t('params.maxEvents.help', { n: DEFAULT_MAX_EVENTS })} ·{' '}
          {t('params.range', { min: BUDGET_MIN, max: BUDGET_MAX })}
        </span>
        {budgetErr && (
          <span id={`${budgetId}-err`} role="alert" className="text-sm font-semibold text-red-800">
            {t(budgetErr.key, budgetErr.params)}
          </span>
        )}
      </div>
      <div className="flex gap-2 pt-1">
        <button type="submit" className="rounded bg-sky-800 px-3 py-1.5 text-[15px] font-semibold text-white">
          {t('params.apply')}
        </button>
        <button
          type="button"
          className="hbtn"
          onClick={() => {
            // the defaults of the chosen framework (or other preset), not those of another one
            const base = Object.fromEntries(pattern.params.map((p) => [p.key, String(p.default)]));
            const keep = pattern.params.filter((p) => pattern.params.some((q) => q.presets?.by === p.key));
            setDraft(keep.reduce((d, p) => withPresets(pattern.params, d, p.key, draft[p.key] ?? ''), base));
            setBudget(String(DEFAULT_MAX_EVENTS));
          }}
        >
          {t('params.defaults')}
        </button>
        <button type="button" className="hbtn" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
