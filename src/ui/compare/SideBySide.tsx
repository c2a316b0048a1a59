/**
 * Same scenario, every pattern, side by side (issue 14): one business workload and one fault plan ("the service
 * that holds the money crashes 200 ms in and comes back at 5 s"), run under every registered pattern; a grid of
 * read-only mini diagrams (the animated view's own Topology, compact) on one shared virtual clock — play, pause,
 * scrub one cursor for all — and a table of outcomes. Its plan lives in the address (`#lab=side.…`).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { LAB_ROLES } from '../../engine';
import { patterns } from '../../patterns/registry';
import { DEFAULT_PLAN, type SidePlan } from '../../lab/side';
import { metricsOf } from '../../lab/runs';
import { encodeLink } from '../../scenario/link';
import { useRun } from '../../store/run';
import { useSide, type SideTrace } from '../../store/compare-side';
import { decodeSideLink, encodeSideLink } from '../../store/compare-link';
import { CompactTitleFit, DiagramSource } from '../diagram/source';
import { compactTitle } from '../diagram/compactTitle';
import Topology from '../diagram/Topology';
import { navigate } from './route';
import { NumTable } from './ChartCard';

/**
 * The shared clock's steps: the arrow keys (and the slider's step) move at most 10 ms whatever the longest run, so a
 * 20-minute check-back ladder does not make the first second unreachable; a clicker's PageUp/PageDown move 1/200.
 */
const clockSteps = (end: number) => {
  const coarse = Math.max(1, Math.round(end / 200));
  return { fine: Math.min(10, coarse), coarse };
};
const fmtS = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

/** The plan form's text, kept as typed; the plan it stands for when valid (else the field in error). */
interface PlanText {
  target: SidePlan['target'];
  crashAt: string;
  recoverAt: string;
  transactions: string;
  seed: string;
}

const toText = (p: SidePlan): PlanText => ({
  target: p.target,
  crashAt: String(p.crashAt),
  recoverAt: p.recoverAt === null ? '' : String(p.recoverAt),
  transactions: String(p.transactions),
  seed: String(p.seed),
});

type PlanCheck = { ok: true; plan: SidePlan } | { ok: false; field: keyof PlanText };

export function planOf(x: PlanText): PlanCheck {
  const num = (s: string, min: number, max: number, int: boolean) => {
    const v = Number(s.trim());
    return s.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!int || Number.isInteger(v)) ? v : null;
  };
  const crashAt = num(x.crashAt, 0, 86_400_000, false);
  if (crashAt === null) return { ok: false, field: 'crashAt' };
  const recoverAt = x.recoverAt.trim() === '' ? null : num(x.recoverAt, 0, 86_400_000, false);
  if (x.recoverAt.trim() !== '' && (recoverAt === null || recoverAt <= crashAt))
    return { ok: false, field: 'recoverAt' };
  const transactions = num(x.transactions, 1, 20, true);
  if (transactions === null) return { ok: false, field: 'transactions' };
  const seed = num(x.seed, 0, 2 ** 31 - 1, true);
  if (seed === null) return { ok: false, field: 'seed' };
  return { ok: true, plan: { target: x.target, crashAt, recoverAt, transactions, seed } };
}

function PlanForm() {
  const { t } = useTranslation();
  const plan = useSide((s) => s.plan);
  const [text, setText] = useState<PlanText>(() => toText(plan));
  // A plan from the address (or a reset) replaces what is typed.
  const shown = useRef(plan);
  useEffect(() => {
    if (shown.current !== plan) {
      shown.current = plan;
      setText(toText(plan));
    }
  }, [plan]);
  const check = planOf(text);
  const update = (next: PlanText) => {
    setText(next);
    const r = planOf(next);
    if (r.ok) {
      shown.current = r.plan;
      navigate(encodeSideLink(r.plan), 'replace');
      useSide.getState().setPlan(r.plan);
    }
  };
  const field = (k: Exclude<keyof PlanText, 'target'>, unit?: string) => {
    const bad = !check.ok && check.field === k;
    const id = `side-${k}`;
    return (
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-[15px] font-semibold text-slate-900">
          {t(`compare.side.field.${k}`)}
          {unit && <span className="font-normal text-slate-700"> ({unit})</span>}
        </label>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text[k]}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? id + '-err' : undefined}
          onChange={(e) => update({ ...text, [k]: e.target.value })}
          className={
            'h-9 w-32 rounded-md border bg-white px-2 text-[15px] tabular-nums ' +
            (bad ? 'border-2 border-red-700' : 'border-slate-400')
          }
        />
        {bad && (
          <p id={id + '-err'} className="max-w-48 text-sm font-semibold text-red-800">
            {t(`compare.side.err.${k}`)}
          </p>
        )}
      </div>
    );
  };
  return (
    <form
      aria-label={t('compare.side.plan')}
      className="flex flex-wrap items-start gap-3 rounded-lg border border-slate-300 bg-white p-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="flex flex-col gap-0.5">
        <label htmlFor="side-target" className="text-[15px] font-semibold text-slate-900">
          {t('compare.side.field.target')}
        </label>
        <select
          id="side-target"
          className="hselect h-9"
          value={text.target}
          onChange={(e) => update({ ...text, target: e.target.value as SidePlan['target'] })}
        >
          {[...LAB_ROLES, 'none' as const].map((r) => (
            <option key={r} value={r}>
              {t(`compare.side.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {field('crashAt', 'ms')}
      {field('recoverAt', 'ms')}
      {field('transactions')}
      {field('seed')}
      <p className="max-w-[34rem] self-center text-[15px] text-slate-800">
        {check.ok ? planSentence(t, check.plan) : t('compare.err.fixForm')}
      </p>
    </form>
  );
}

function planSentence(t: (k: string, o?: Record<string, unknown>) => string, p: SidePlan): string {
  if (p.target === 'none') return t('compare.side.sentence.none', { n: p.transactions });
  const who = t(`compare.side.role.${p.target}`);
  return p.recoverAt === null
    ? t('compare.side.sentence.stays', { who, at: p.crashAt, n: p.transactions })
    : t('compare.side.sentence', { who, at: p.crashAt, back: fmtS(p.recoverAt), n: p.transactions });
}

function Clock() {
  const { t } = useTranslation();
  const time = useSide((s) => s.t);
  const end = useSide((s) => s.end);
  const playing = useSide((s) => s.playing);
  const speed = useSide((s) => s.speed);
  // Playback: the shared clock advances by wall time × speed, one frame at a time, and stops at the end.
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let raf = requestAnimationFrame(function frame(now) {
      const st = useSide.getState();
      const next = st.t + (now - last) * st.speed;
      last = now;
      st.seek(next);
      if (next >= st.end) st.setPlaying(false);
      else raf = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(raf);
  }, [playing]);
  // While the side by side is on screen, the playback keys (Space, ←/→, Home/End, a clicker's PageUp/PageDown and
  // ".") drive the shared clock — not the animated view behind it. Capture phase, so the app's own shortcuts (which
  // skip a handled key) never see them; fields being typed in, selects, tabs and a button's own Space/Enter keep them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el) {
        if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return;
        if (el instanceof HTMLInputElement && el.type !== 'range') return;
        if (el.closest('[role="tablist"],[role="dialog"],[role="menu"]')) return;
        if (el.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
      }
      const st = useSide.getState();
      const { fine, coarse } = clockSteps(st.end);
      const go = (t: number) => {
        st.setPlaying(false);
        st.seek(t);
      };
      switch (e.key) {
        case ' ':
        case '.':
          st.setPlaying(!st.playing);
          break;
        case 'ArrowRight':
        case 'ArrowUp':
          go(st.t + fine);
          break;
        case 'PageDown':
          go(st.t + coarse);
          break;
        case 'ArrowLeft':
        case 'ArrowDown':
          go(st.t - fine);
          break;
        case 'PageUp':
          go(st.t - coarse);
          break;
        case 'Home':
          go(0);
          break;
        case 'End':
          go(st.end);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const step = clockSteps(end).fine;
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border-2 border-slate-700 bg-white p-2 shadow">
      <button
        type="button"
        className="hbtn min-w-24 bg-sky-800! px-3 text-white! hover:bg-sky-900!"
        disabled={end <= 0}
        onClick={() => useSide.getState().setPlaying(!playing)}
      >
        {playing ? t('compare.side.pause') : t('compare.side.play')}
      </button>
      <label htmlFor="side-clock" className="text-[15px] font-semibold">
        {t('compare.side.clock')}
      </label>
      <input
        id="side-clock"
        type="range"
        min={0}
        max={Math.max(1, Math.ceil(end))}
        step={step}
        value={Math.round(time)}
        aria-valuetext={t('compare.side.clockText', { t: fmtS(time), end: fmtS(end) })}
        onChange={(e) => {
          useSide.getState().setPlaying(false);
          useSide.getState().seek(Number(e.target.value));
        }}
        className="min-w-48 flex-1 accent-sky-800"
      />
      <output htmlFor="side-clock" className="min-w-40 text-[17px] font-bold tabular-nums">
        t = {fmtS(time)} s / {fmtS(end)} s
      </output>
      <label className="flex items-center gap-1 text-[15px]">
        {t('compare.side.speed')}
        <select
          className="hselect"
          value={String(speed)}
          onChange={(e) => useSide.getState().setSpeed(Number(e.target.value))}
        >
          {[...new Set([end / 60_000, end / 20_000, end / 5_000, speed])]
            .filter((v) => v > 0)
            .sort((a, b) => a - b)
            .map((v) => (
              <option key={v} value={String(v)}>
                {t('compare.side.speedValue', { s: fmtS(end / v) })}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}

/** Chart label of a pattern: its name before the parenthesis. */
function usePatternName() {
  const { t } = useTranslation();
  return useMemo(() => (id: string) => t(`pattern.${id}.name`).replace(/\s*[（(].*$/, ''), [t]);
}

function openRun(tr: SideTrace, at: number) {
  const run = useRun.getState();
  if (!run.loadScenario(tr.scenario, { at })) return;
  let hash = '#';
  try {
    hash = encodeLink(tr.scenario, at);
  } catch {
    // Too large for a link: it still opens.
  }
  navigate(hash);
}

function MiniDiagram({ tr }: { tr: SideTrace }) {
  const { t } = useTranslation();
  const name = usePatternName();
  const pos = useStore(tr.view, (s) => s.cursor.pos);
  const time = useSide((s) => s.t);
  const title = name(tr.pattern.id);
  const label = (id: string | null) =>
    id === null ? '—' : t(tr.index.result.topology.nodes.find((n) => n.id === id)?.label ?? id);
  return (
    <section
      aria-label={t('compare.side.mini', { pattern: title })}
      data-pattern={tr.pattern.id}
      className="flex min-w-0 flex-col rounded-lg border border-slate-300 bg-white"
    >
      <div className="flex flex-wrap items-baseline gap-x-2 border-b border-slate-200 px-2 py-1">
        <h3 className="mr-auto text-[18px] font-bold text-slate-950">{title}</h3>
        <span className="text-[15px] text-slate-800">
          {tr.target ? t('compare.side.crashes', { node: label(tr.target) }) : t('compare.side.noCrash')}
        </span>
      </div>
      <div className="h-[17rem] min-h-0 2xl:h-[20rem]">
        <DiagramSource.Provider value={tr.view}>
          <CompactTitleFit.Provider value={compactTitle}>
            <Topology compact label={t('compare.side.diagram', { pattern: title })} />
          </CompactTitleFit.Provider>
        </DiagramSource.Provider>
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-2 py-1 text-[15px]">
        <span className="mr-auto tabular-nums" data-cursor={pos}>
          {t('compare.side.events', { pos, total: tr.index.events.length })}
          {time > tr.index.endTime && ` · ${t('compare.side.ended', { s: fmtS(tr.index.endTime) })}`}
        </span>
        <button
          type="button"
          className="hbtn"
          aria-label={t('compare.side.open.label', { pattern: title })}
          onClick={() => openRun(tr, Math.min(time, tr.index.endTime))}
        >
          {t('compare.side.open')}
        </button>
      </div>
    </section>
  );
}

function OutcomeTable({ traces }: { traces: SideTrace[] }) {
  const { t } = useTranslation();
  const name = usePatternName();
  const rows = traces.map((tr) => {
    const r = tr.index.result;
    const m = metricsOf({ pattern: tr.pattern.id, point: 0, seed: tr.scenario.seed }, r);
    const node = (id: string | null) => (id === null ? '—' : t(r.topology.nodes.find((n) => n.id === id)?.label ?? id));
    const counts = new Map<string, number>();
    for (const o of r.outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
    const outcome = [...counts].map(([o, n]) => (n > 1 ? `${n} × ` : '') + t(`panels.outcome.${o}`)).join(', ');
    const broke = r.invariants.filter((i) => i.firstBreak !== null && (i.kind === 'always' || i.final === 'violated'));
    const sent = Object.values(m.messages).reduce((a, b) => a + b, 0);
    const lat = m.latencies.length ? Math.round(Math.max(...m.latencies)) : null;
    return [
      name(tr.pattern.id),
      node(tr.target),
      outcome || '—',
      lat,
      broke.length ? (
        <span key="b" className="font-semibold text-red-800">
          {broke.map((i) => t(`inv.${i.id}`)).join(', ')}
        </span>
      ) : (
        t('compare.side.none')
      ),
      m.firstBreak === null ? null : (
        <button
          key="first"
          type="button"
          className="hbtn tabular-nums"
          aria-label={t('compare.side.seekBreak', { pattern: name(tr.pattern.id), ms: Math.round(m.firstBreak) })}
          onClick={() => {
            useSide.getState().setPlaying(false);
            useSide.getState().seek(m.firstBreak ?? 0);
          }}
        >
          {Math.round(m.firstBreak)} ms
        </button>
      ),
      sent,
      m.locks.max ? Math.round(m.locks.max) : 0,
      fmtS(r.endTime) + ' s',
    ];
  });
  return (
    <section aria-labelledby="side-outcomes" className="rounded-lg border border-slate-300 bg-white p-3">
      <h3 id="side-outcomes" className="mb-2 text-base font-bold">
        {t('compare.side.outcomes')}
      </h3>
      <div className="overflow-x-auto">
        <NumTable
          caption={t('compare.side.outcomes')}
          head={[
            t('compare.col.pattern'),
            t('compare.side.col.crashed'),
            t('compare.side.col.outcome'),
            t('compare.side.col.latency'),
            t('compare.side.col.broke'),
            t('compare.side.col.firstBreak'),
            t('compare.side.col.messages'),
            t('compare.col.maxHold'),
            t('compare.side.col.end'),
          ]}
          rows={rows}
        />
      </div>
    </section>
  );
}

/** Load the plan from the address (now and when a pasted link changes it), then simulate it under every pattern. */
function useSideLink(setError: (e: string | null) => void) {
  useEffect(() => {
    const load = () => {
      const r = decodeSideLink(location.hash);
      if (!r.ok) setError(r.error);
      else setError(null);
      const plan = (r.ok && r.plan) || DEFAULT_PLAN;
      const st = useSide.getState();
      if (JSON.stringify(plan) !== JSON.stringify(st.plan) || !st.traces.length) st.setPlan(plan);
      if (!st.traces.length && !st.computing) void st.compute(patterns);
    };
    load();
    window.addEventListener('hashchange', load);
    return () => window.removeEventListener('hashchange', load);
  }, [setError]);
  // A changed plan is simulated again (the clock keeps nothing of the old traces).
  const plan = useSide((s) => s.plan);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      const st = useSide.getState();
      if (st.traces.length || st.computing) return;
    }
    void useSide.getState().compute(patterns);
  }, [plan]);
}

export function SideBySide() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  useSideLink(setError);
  const traces = useSide((s) => s.traces);
  const computing = useSide((s) => s.computing);
  const runError = useSide((s) => s.error);
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <p className="text-[15px] text-slate-800">{t('compare.side.intro')}</p>
      {(error || runError) && (
        <div role="alert" className="flex items-start gap-2 rounded-md border-2 border-red-700 bg-white p-2">
          <p className="text-[15px] text-red-900">
            {error ? t('compare.err.link', { message: error }) : t('compare.err.run', { message: runError })}
          </p>
          <button type="button" className="hbtn" onClick={() => setError(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
      <PlanForm />
      <Clock />
      <p role="status" className="text-[15px]">
        {computing
          ? t('compare.side.computing', { done: traces.length, total: patterns.length })
          : t('compare.side.ready', { n: traces.length })}
      </p>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 min-[1800px]:grid-cols-3">
        {traces.map((tr) => (
          <MiniDiagram key={tr.pattern.id} tr={tr} />
        ))}
      </div>
      {traces.length > 0 && <OutcomeTable traces={traces} />}
    </div>
  );
}
