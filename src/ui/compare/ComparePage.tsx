/**
 * The Compare view (issue 14): every pattern on one business workload and one fault profile, many seeded runs in
 * Web Workers, charted side by side. Lazy-loaded (with Recharts) the first time it is shown, so the animated view's
 * first screen does not grow. Its config lives in the address (`#lab=1.…`); a chart's anomalous runs open in the
 * animated view at the moment they went wrong.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { patterns, getPattern } from '../../patterns/registry';
import { jobScenario } from '../../lab/runs';
import { toCsv } from '../../lab/sweep';
import type { Anomaly, PatternAggregate } from '../../lab/aggregate';
import { defaultLabConfig, type LabConfig } from '../../lab/config';
import { encodeLink } from '../../scenario/link';
import { useRun } from '../../store/run';
import { formErrors, formToConfig, useCompare } from '../../store/compare';
import { decodeLabLink, encodeLabLink, isLabHash, isSideHash } from '../../store/compare-link';
import { ConfigForm } from './ConfigForm';
import {
  BlockingChart,
  CdfChart,
  InconsistencyChart,
  LatencyChart,
  LockChart,
  MessageChart,
  OutcomeChart,
  SweepChart,
  type Pick as OnPick,
} from './Charts';
import { NumTable } from './ChartCard';
import { download, textBlob } from './exporting';
import { anomaliesFor, atPoint, offeredAt, prosConsRows, sweepLabelValue } from './shape';
import { navigate, useSideRoute } from './route';
import { SideBySide } from './SideBySide';
import { closeCompare } from './CompareButton';
import { onIdle } from '../shell/firstScreen';

const ALL = patterns.map((p) => p.id);

function useLinkSync(setLinkError: (e: string | null) => void) {
  // Load the config from the address (now and when a pasted link changes it).
  useEffect(() => {
    const load = () => {
      const h = location.hash;
      if (!isLabHash(h)) return;
      // The side-by-side view has its own link; the form keeps what it had (the defaults the first time).
      if (isSideHash(h)) {
        if (!useCompare.getState().allPatterns.length) useCompare.getState().init(ALL);
        return;
      }
      if (h === '#lab' || h === '#lab=') return useCompare.getState().init(ALL);
      const r = decodeLabLink(h);
      if (r.ok) {
        setLinkError(null);
        useCompare.getState().init(ALL, r.config);
      } else {
        setLinkError(r.error);
        useCompare.getState().init(ALL);
      }
    };
    load();
    window.addEventListener('hashchange', load);
    return () => window.removeEventListener('hashchange', load);
  }, [setLinkError]);
  // Keep the address equal to the (valid) form.
  const form = useCompare((s) => s.form);
  const all = useCompare((s) => s.allPatterns);
  useEffect(() => {
    if (!all.length || !isLabHash(location.hash) || isSideHash(location.hash)) return;
    const r = formToConfig(form, all);
    if (r.ok) {
      const h = encodeLabLink(r.config);
      if (location.hash !== h) navigate(h, 'replace');
    }
  }, [form, all]);
}

function fmtSeconds(ms: number) {
  return Math.max(0, Math.round(ms / 100) / 10).toFixed(1);
}

function RunBar() {
  const { t } = useTranslation();
  const status = useCompare((s) => s.status);
  const progress = useCompare((s) => s.progress);
  const error = useCompare((s) => s.error);
  // formErrors is cached per form: this selector runs on every change of the store, i.e. at each step of a sweep.
  const invalid = useCompare((s) => formErrors(s).length > 0);
  const running = status === 'running';
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="hbtn bg-sky-800! px-4 text-white! hover:bg-sky-900! disabled:opacity-50"
          disabled={running || invalid}
          onClick={() => useCompare.getState().run()}
        >
          {t('compare.run')}
        </button>
        <button type="button" className="hbtn px-4" disabled={!running} onClick={() => useCompare.getState().cancel()}>
          {t('compare.cancel')}
        </button>
        <p role="status" className="text-[15px] text-slate-900">
          {progress &&
            t(`compare.status.${status}`, {
              done: progress.done,
              total: progress.total,
              elapsed: fmtSeconds(progress.elapsed),
            })}
          {running && progress?.eta !== null && progress?.eta !== undefined && (
            <> · {t('compare.eta', { s: fmtSeconds(progress.eta) })}</>
          )}
        </p>
        {invalid && <p className="text-sm font-semibold text-red-800">{t('compare.err.fixForm')}</p>}
      </div>
      {progress && (
        <div
          role="progressbar"
          aria-label={t('compare.progress')}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          aria-valuetext={t('compare.progress.text', { done: progress.done, total: progress.total })}
          className="h-4 w-full overflow-hidden rounded-full border border-slate-500 bg-slate-100"
        >
          <div
            className={
              'h-full w-full origin-left ' +
              (status === 'cancelled' || status === 'failed' ? 'bg-slate-500' : 'bg-sky-700')
            }
            // A transform, not a width: each progress step is then composited, with no layout or repaint of the page.
            style={{ transform: `scaleX(${pct / 100})` }}
          />
        </div>
      )}
      {error && (
        <p role="alert" className="text-[15px] font-semibold text-red-800">
          {t('compare.err.run', { message: error })}
        </p>
      )}
    </div>
  );
}

interface PickState {
  pattern: string | null;
  point: number;
  kinds?: Anomaly['kind'][];
}

function AnomalyList({ pick, onClose, name }: { pick: PickState; onClose: () => void; name: (id: string) => string }) {
  const { t } = useTranslation();
  const aggs = useCompare((s) => s.aggregates);
  const config = useCompare((s) => s.ranConfig);
  const ran = useCompare((s) => s.ranPatterns);
  const list = (pick.pattern ? [pick.pattern] : ran).flatMap((p) =>
    anomaliesFor(aggs, p, pick.point, pick.kinds).map((a) => ({ pattern: p, a })),
  );
  const open = (pattern: string, a: Anomaly) => {
    const p = getPattern(pattern);
    if (!p || !config) return;
    const sc = jobScenario(p, config, { pattern, point: pick.point, seed: a.seed });
    // The cursor goes to the moment it went wrong when the load finishes (a long run loads in slices).
    const at = a.at !== null && a.kind !== 'slowest' ? a.at : undefined;
    if (!useRun.getState().loadScenario(sc, { at })) return;
    let hash = '#';
    try {
      hash = encodeLink(sc, at);
    } catch {
      // A scenario too large for a link still opens; the address just does not carry it.
    }
    navigate(hash);
  };
  const title = pick.pattern ? t('compare.anom.title', { pattern: name(pick.pattern) }) : t('compare.anom.titleAll');
  return (
    <section aria-label={title} className="rounded-lg border-2 border-sky-800 bg-white p-3">
      <div className="mb-2 flex items-center gap-2">
        <h3 className="mr-auto text-base font-bold">
          {title}
          {config?.sweep &&
            ` · ${t(`compare.field.${config.sweep.key}`)} = ${sweepLabelValue(config.sweep.key, config.sweep.values[pick.point])}`}
        </h3>
        <button type="button" className="hbtn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {list.length === 0 ? (
        <p className="text-[15px]">{t('compare.anom.none')}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {list.map(({ pattern, a }) => (
            <li key={pattern + a.kind + a.seed} className="flex flex-wrap items-center gap-2 text-[15px]">
              <span className="font-semibold">{name(pattern)}</span>
              <span>{t(`compare.anom.kind.${a.kind}`)}</span>
              <span className="tabular-nums">{t('compare.anom.seed', { seed: a.seed })}</span>
              <span className="tabular-nums text-slate-700">
                {a.kind === 'slowest'
                  ? t('compare.anom.latency', { ms: a.value })
                  : a.at !== null
                    ? t('compare.anom.at', { ms: a.at })
                    : ''}
              </span>
              <button
                type="button"
                className="hbtn"
                onClick={() => open(pattern, a)}
                aria-label={t('compare.anom.open.label', {
                  pattern: name(pattern),
                  seed: a.seed,
                  kind: t(`compare.anom.kind.${a.kind}`),
                })}
              >
                {t('compare.anom.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProsCons({
  aggs,
  point,
  name,
  t,
}: {
  aggs: PatternAggregate[];
  point: number;
  name: (id: string) => string;
  t: TFunction;
}) {
  const rows = prosConsRows(atPoint(aggs, point), (id) => getPattern(id)?.handlers ?? []);
  return (
    <section aria-labelledby="cmp-proscons" className="rounded-lg border border-slate-300 bg-white p-3">
      <h3 id="cmp-proscons" className="mb-1 text-base font-bold">
        {t('compare.pros.title')}
      </h3>
      <p className="mb-2 text-sm text-slate-700">{t('compare.pros.note')}</p>
      <div className="overflow-x-auto">
        <NumTable
          caption={t('compare.pros.title')}
          head={[
            t('compare.col.pattern'),
            t('compare.pros.consistency'),
            t('compare.col.never'),
            t('compare.pros.blocking'),
            t('compare.col.holdPerTx'),
            'p50 ms',
            'p99 ms',
            t('compare.pros.messages'),
            t('compare.pros.handlers'),
            t('compare.pros.lines'),
          ]}
          rows={rows.map((r) => [
            name(r.pattern),
            r.inconsistentRuns,
            r.neverConverged,
            r.blocked,
            r.lockHold,
            r.p50,
            r.p99,
            r.messages,
            r.handlers,
            r.lines,
          ])}
        />
      </div>
    </section>
  );
}

function Exports() {
  const { t } = useTranslation();
  const config = useCompare((s) => s.ranConfig);
  const status = useCompare((s) => s.status);
  const aggs = useCompare((s) => s.aggregates);
  const runs = useCompare((s) => s.runs);
  const ran = useCompare((s) => s.ranPatterns);
  const ready = !!config && status !== 'running' && aggs.length > 0;
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        className="hbtn"
        disabled={!ready}
        onClick={() => config && download('dtx-lab-compare.csv', textBlob(toCsv(config, aggs), 'text/csv'))}
      >
        {t('compare.export.csv')}
      </button>
      <button
        type="button"
        className="hbtn"
        disabled={!ready}
        onClick={() =>
          config &&
          download(
            'dtx-lab-compare.json',
            textBlob(
              JSON.stringify({ config, patterns: ran, shard: null, runs, aggregates: aggs }),
              'application/json',
            ),
          )
        }
      >
        {t('compare.export.json')}
      </button>
    </div>
  );
}

/** The two views of the Compare screen, as tabs: many seeded runs charted, or one scenario side by side. */
function Tabs({ side }: { side: boolean }) {
  const { t } = useTranslation();
  const toCharts = () => {
    const r = formToConfig(useCompare.getState().form, useCompare.getState().allPatterns);
    navigate(r.ok ? encodeLabLink(r.config) : '#lab');
  };
  const tab = (on: boolean, label: string, go: () => void, id: string) => (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={on}
      aria-controls="cmp-panel"
      tabIndex={on ? 0 : -1}
      onClick={() => !on && go()}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          if (side) toCharts();
          else navigate('#lab=side');
        }
      }}
      className={
        'rounded-t-md border-2 border-b-0 px-3 py-1.5 text-[16px] font-semibold ' +
        (on ? 'border-slate-700 bg-white text-slate-950' : 'border-transparent text-slate-800 hover:bg-slate-200')
      }
    >
      {label}
    </button>
  );
  return (
    <div role="tablist" aria-label={t('compare.tabs')} className="flex flex-wrap gap-1 border-b-2 border-slate-700">
      {tab(!side, t('compare.tab.charts'), toCharts, 'cmp-tab-charts')}
      {tab(side, t('compare.tab.side'), () => navigate('#lab=side'), 'cmp-tab-side')}
    </div>
  );
}

export default function ComparePage() {
  const { t } = useTranslation();
  const side = useSideRoute();
  return (
    <div role="region" aria-labelledby="cmp-title" className="min-h-0 flex-1 overflow-auto bg-slate-100">
      <div className="mx-auto flex max-w-[1900px] flex-wrap items-end gap-3 px-3 pt-3">
        <h2 id="cmp-title" className="text-xl font-bold text-slate-950">
          {t('compare.title')}
        </h2>
        <div className="mr-auto">
          <Tabs side={side} />
        </div>
        <button type="button" className="hbtn mb-1" onClick={() => void closeCompare()}>
          {t('compare.back')}
        </button>
      </div>
      <div
        role="tabpanel"
        id="cmp-panel"
        aria-labelledby={side ? 'cmp-tab-side' : 'cmp-tab-charts'}
        className="mx-auto max-w-[1900px]"
      >
        {side ? (
          <div className="p-3">
            <SideBySide />
          </div>
        ) : (
          <ChartsView />
        )}
      </div>
    </div>
  );
}

/**
 * What each chart shows, handed out one chart at a time, and only to the charts on (or near) the screen. A Recharts
 * 3 chart takes tens of milliseconds of CPU to redraw (more on a loaded 2-core machine: hundreds of ms of wall time),
 * and all of them redrawn in one task made every update of a streaming sweep a long task. So when new figures come,
 * the first visible slot gets them, the next one only once that one has committed and a frame has passed (Recharts
 * delivers a chart's store updates in a requestAnimationFrame), and so on: one chart's redraw at a time, and the page
 * answers input between any two. A slot off screen (IntersectionObserver) takes no new figures while a run goes on;
 * when it scrolls into view it asks for the latest, in its turn. Each redraw is its own transition (rendered in 5-ms
 * slices); all charts in ONE transition did not work: the progress bar's updates every 200 ms kept restarting it
 * until React's transition timeout rendered it all at once, a 6-s task.
 *
 * What a slot is handed is a ticket: the figures and the view (language, sweep point, the config that ran). A chart
 * takes `t` from its ticket, not from useTranslation(), so a language switch or another sweep point also redraws the
 * charts one per task.
 *
 * A chart's FIRST draw (its Recharts tree mounted: the chart's store, axes, legend, tooltip; 100-250 ms of CPU) is
 * far dearer than a redraw, so it is not left to the sweep: every chart is mounted when the page opens, empty (with
 * a note), one per idle moment (requestIdleCallback), on screen or not, and stays mounted across runs. During a run
 * only redraws happen. (No first draws while a run is going: a chart not drawn yet then waits for the screen, as
 * before.) When no run is going, the charts off screen are brought up to date the same way, except for a first fill
 * (see mountOne). A chart not drawn yet keeps its place with a card that has its title.
 */
const SLOTS = 9;

/** The view every chart is drawn for, besides its figures. */
interface View {
  t: TFunction;
  name: (id: string) => string;
  point: number;
  /** The config that ran (before any run: a stand-in with no figures behind it, for the empty charts' layout). */
  config: LabConfig;
  patterns: string[];
  /**
   * The sweep chart's config: the run's when it swept, else (the form has a sweep, not the run) a stand-in, so that
   * the chart is drawn, empty, before the run that fills it.
   */
  sweep: { config: LabConfig; patterns: string[]; ran: boolean } | null;
  onPick: OnPick;
}

interface Ticket {
  aggs: PatternAggregate[];
  view: View;
}

const NO_AGGS: PatternAggregate[] = [];

const chartProps = (aggs: PatternAggregate[], v: View) => ({
  aggs: atPoint(aggs, v.point),
  name: v.name,
  point: v.point,
  onPick: v.onPick,
  t: v.t,
});

/** Each slot's chart, drawn from its ticket alone (so a slot redraws only when handed a new ticket). */
const RENDER: ((aggs: PatternAggregate[], v: View) => ReactNode)[] = [
  (aggs, v) =>
    v.sweep && (
      <SweepChart
        standIn={!v.sweep.ran}
        config={v.sweep.config}
        aggs={v.sweep.ran ? aggs : NO_AGGS}
        patterns={v.sweep.patterns}
        name={v.name}
        onPick={v.onPick}
        t={v.t}
      />
    ),
  (aggs, v) => <LatencyChart {...chartProps(aggs, v)} />,
  (aggs, v) => <CdfChart {...chartProps(aggs, v)} />,
  (aggs, v) => <OutcomeChart {...chartProps(aggs, v)} />,
  (aggs, v) => <LockChart {...chartProps(aggs, v)} />,
  (aggs, v) => <BlockingChart {...chartProps(aggs, v)} offered={offeredAt(v.config, v.point)} />,
  (aggs, v) => <MessageChart {...chartProps(aggs, v)} />,
  (aggs, v) => <InconsistencyChart {...chartProps(aggs, v)} />,
  (aggs, v) => <ProsCons aggs={aggs} point={v.point} name={v.name} t={v.t} />,
];

const stagger = {
  /** Per slot: the ticket handed to it (undefined: its chart is not drawn). */
  given: [] as (Ticket | undefined)[],
  /** Every slot on the page: how to hand it a ticket. */
  slots: new Map<number, (ticket: Ticket) => void>(),
  /** The slots on (or near) the screen. */
  visible: new Set<number>(),
  view: null as View | null,
  onCommit: null as ((slot: number, ticket: Ticket) => void) | null,
  /** Start a round (a slot came into view, its ticket may be old; or the view changed) and go on mounting. */
  kick: null as (() => void) | null,
};

function useStaggeredFigures(view: View) {
  useEffect(() => {
    stagger.view = view;
    stagger.kick?.();
  }, [view]);
  useEffect(() => {
    let k = 0;
    /** The next step of a round, in a task of its own. */
    let pending: (() => void) | null = null;
    const schedule = () => {
      if (pending) return;
      const t = setTimeout(() => {
        pending = null;
        step();
      }, 0);
      pending = () => clearTimeout(t);
    };
    /**
     * The one slot drawing now (handed a ticket by a round or by the idle drawing), until the frame after its commit:
     * Recharts 3 sends a chart's store updates to its components in a requestAnimationFrame (its redux autoBatch),
     * and every chart that committed within one frame then redrew in that frame's single task. So nothing else is
     * handed out before that frame has passed.
     */
    let drawing: { slot: number; release: () => void } | null = null;
    const hand = (s: number, ticket: Ticket, give: (t: Ticket) => void, transition: boolean) => {
      stagger.given[s] = ticket;
      // Should the slot never commit (it cannot, short of a bug), the queue goes on after 2 s.
      const watchdog = setTimeout(() => done(s), 2000);
      drawing = { slot: s, release: () => clearTimeout(watchdog) };
      if (transition) startTransition(() => give(ticket));
      else give(ticket);
    };
    let frame: (() => void) | null = null;
    const done = (s: number) => {
      if (drawing?.slot !== s || frame) return;
      drawing.release();
      const after = () => {
        frame = null;
        drawing = null;
        if (round !== null && s === k) next();
        else schedule(); // a round may be due (one cannot start while a chart draws)
        mountSoon();
      };
      if (typeof requestAnimationFrame === 'function' && !document.hidden) {
        let t: ReturnType<typeof setTimeout> | null = null;
        const raf = requestAnimationFrame(() => (t = setTimeout(after, 0)));
        frame = () => {
          cancelAnimationFrame(raf);
          if (t !== null) clearTimeout(t);
        };
      } else {
        const t = setTimeout(after, 50);
        frame = () => clearTimeout(t);
      }
    };
    /** The ticket this round hands out (null: between rounds), and the one the last whole round handed out. */
    let round: Ticket | null = null;
    let shown: Ticket | null = null;
    let last: Ticket | null = null;
    const latest = () => {
      const aggs = useCompare.getState().aggregates;
      const v = stagger.view;
      if (!v) return null;
      if (!last || last.aggs !== aggs || last.view !== v) last = { aggs, view: v };
      return last;
    };
    // Drawing the charts not drawn yet (and those off screen behind), one per idle moment, while no round and no
    // run is going. Idle moments only, with no deadline: a mount forced by one (100-250 ms) would be a long task.
    let cancelIdle: (() => void) | null = null;
    const mountSoon = () => {
      if (cancelIdle === null && drawing === null) cancelIdle = onIdle(mountOne);
    };
    const mountOne = () => {
      cancelIdle = null;
      // Resumed when the round, the drawing or the run ends.
      if (round !== null || drawing !== null || useCompare.getState().status === 'running') return;
      const ticket = latest();
      if (!ticket) return;
      // First the charts not drawn at all; then those off screen drawn for an older ticket (another language, older
      // figures), so that a print, a screen reader or a quick scroll meets them up to date. Except a chart's FIRST
      // FILL (empty, figures now), a chart's dearest draw (the Messages chart, when it stacked ~45 series, took
      // 100-190 ms of CPU): as a run ends it was a long task right at "Done"; it waits until the chart comes near
      // the screen (the same one task, but only for a chart the person scrolls to), and till then its note says the
      // figures are on their way.
      // (Such a chart still follows the view, still empty: a new language costs little there.) Each hands out one
      // ticket and returns: the slot calls onCommit once it has drawn it.
      for (let s = 0; s < SLOTS; s++) {
        const give = stagger.slots.get(s);
        if (give && stagger.given[s] === undefined) return hand(s, ticket, give, false);
      }
      for (let s = 0; s < SLOTS; s++) {
        const give = stagger.slots.get(s);
        const given = stagger.given[s];
        if (!give || !given || given === ticket) continue;
        if (given.aggs.length || !ticket.aggs.length) return hand(s, ticket, give, false);
        if (given.view !== ticket.view) return hand(s, { aggs: given.aggs, view: ticket.view }, give, false);
      }
    };
    const next = () => {
      if (++k >= SLOTS) {
        shown = round;
        round = null;
        mountSoon();
      }
      schedule();
    };
    const step = () => {
      if (drawing !== null) return; // resumed when it is done
      if (round === null) {
        const now = latest();
        if (!now || now === shown) return;
        round = now;
        k = 0;
      }
      const ticket = round;
      // Skip, in the same task, the slots that have this ticket or are off screen (they ask when they show).
      while (k < SLOTS && (stagger.given[k] === ticket || !stagger.visible.has(k) || !stagger.slots.has(k))) k++;
      if (k >= SLOTS) {
        k = SLOTS - 1;
        return next();
      }
      // A transition: React renders the chart in 5-ms slices, yielding to input between them (one chart at a time,
      // so a progress update that restarts it costs that chart's slices only).
      const give = stagger.slots.get(k);
      if (give) hand(k, ticket, give, true); // the slot calls onCommit once it has drawn it
    };
    stagger.onCommit = (slot) => done(slot);
    stagger.kick = () => {
      shown = null;
      if (round === null) schedule();
      mountSoon();
    };
    const unsubscribe = useCompare.subscribe((st, prev) => {
      if (st.aggregates !== prev.aggregates && round === null) schedule();
      if (st.status !== prev.status && st.status !== 'running') mountSoon();
    });
    schedule();
    mountSoon();
    return () => {
      unsubscribe();
      stagger.onCommit = null;
      stagger.kick = null;
      pending?.();
      cancelIdle?.();
      frame?.();
      drawing?.release();
    };
  }, []);
}

function Slot({
  k,
  wide,
  title,
}: {
  k: number;
  wide?: boolean;
  /** The chart's title, on its card while the chart is not drawn yet. */
  title: string;
}) {
  const [ticket, setTicket] = useState<Ticket | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    stagger.slots.set(k, setTicket);
    const io = new IntersectionObserver(
      (entries) => {
        if (entries[entries.length - 1].isIntersecting) stagger.visible.add(k);
        else stagger.visible.delete(k);
        stagger.kick?.();
      },
      { rootMargin: '150px 0px' },
    );
    io.observe(el);
    stagger.kick?.();
    return () => {
      io.disconnect();
      stagger.slots.delete(k);
      stagger.visible.delete(k);
      // Gone (the page closed, or no sweep any more): the round goes on without this slot, which starts afresh.
      const given = stagger.given[k];
      stagger.given[k] = undefined;
      if (given) stagger.onCommit?.(k, given);
    };
  }, [k]);
  useEffect(() => {
    if (ticket) stagger.onCommit?.(k, ticket);
  }, [k, ticket]);
  // Drawn from the ticket alone: the page re-rendering (a keystroke in the form, the progress) leaves the chart be.
  const chart = useMemo(() => ticket && RENDER[k](ticket.aggs, ticket.view), [k, ticket]);
  const id = `slot-${k}-title`;
  return (
    <div ref={box} className={'min-w-0' + (wide ? ' 2xl:col-span-2' : '')}>
      {chart ?? (
        <section aria-labelledby={id} className="min-h-[340px] rounded-lg border border-slate-300 bg-white p-3">
          <h3 id={id} className="text-base font-bold text-slate-950">
            {title}
          </h3>
        </section>
      )}
    </div>
  );
}

/** Before any run: the empty charts' layout (a sweep chart when the form has a sweep); no figures come from it. */
const STAND_IN = defaultLabConfig();
const NO_PATTERNS: string[] = [];

/**
 * The sweep point the charts show, once a swept run has results. A component of its own, so that the first figures
 * of a run (results: none → some) redraw this picker, not the whole Compare view in the worker message that brought
 * them.
 */
function SweepPoint({ point, setPoint }: { point: number; setPoint: (p: number) => void }) {
  const { t } = useTranslation();
  const hasResults = useCompare((s) => s.aggregates.length > 0);
  const sweep = useCompare((s) => s.ranConfig?.sweep);
  if (!hasResults || !sweep) return null;
  return (
    <label className="flex items-center gap-2 text-[15px]">
      {t('compare.sweep.point', { key: t(`compare.field.${sweep.key}`) })}
      <select className="hselect" value={point} onChange={(e) => setPoint(Number(e.target.value))}>
        {sweep.values.map((v, i) => (
          <option key={i} value={i}>
            {sweepLabelValue(sweep.key, v)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ChartsView() {
  const { t } = useTranslation();
  const [linkError, setLinkError] = useState<string | null>(null);
  useLinkSync(setLinkError);
  const ranConfig = useCompare((s) => s.ranConfig);
  const ran = useCompare((s) => s.ranPatterns);
  const formSweep = useCompare((s) => s.form.sweepKey);
  const [point, setPoint] = useState(0);
  const [pick, setPick] = useState<PickState | null>(null);
  // Chart labels: the name before its parenthesis ("Two-phase commit (2PC / XA)" → "Two-phase commit").
  const name = useMemo(() => (id: string) => t(`pattern.${id}.name`).replace(/\s*[（(].*$/, ''), [t]);
  const onPick = useCallback(
    (pattern: string | null, pt: number, kinds?: Anomaly['kind'][]) => setPick({ pattern, point: pt, kinds }),
    [],
  );
  const standIn = useMemo(
    (): LabConfig => (formSweep ? { ...STAND_IN, sweep: { key: formSweep, values: [] } } : STAND_IN),
    [formSweep],
  );
  const config = ranConfig ?? standIn;
  const patterns = ranConfig ? ran : NO_PATTERNS;
  const sweep = useMemo(
    () =>
      config.sweep
        ? { config, patterns, ran: !!ranConfig }
        : standIn.sweep
          ? { config: standIn, patterns: NO_PATTERNS, ran: false }
          : null,
    [config, patterns, ranConfig, standIn],
  );
  const view = useMemo(
    (): View => ({ t, name, point, config, patterns, sweep, onPick }),
    [t, name, point, config, patterns, sweep, onPick],
  );
  useStaggeredFigures(view);
  return (
    <div className="grid grid-cols-1 gap-3 p-3 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-3">
        <p className="text-[15px] text-slate-800">{t('compare.intro')}</p>
        {linkError && (
          <div role="alert" className="flex items-start gap-2 rounded-md border-2 border-red-700 bg-white p-2">
            <p className="text-[15px] text-red-900">{t('compare.err.link', { message: linkError })}</p>
            <button type="button" className="hbtn" onClick={() => setLinkError(null)}>
              {t('common.close')}
            </button>
          </div>
        )}
        <ConfigForm />
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        <RunBar />
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="mr-auto text-lg font-bold">{t('compare.results')}</h2>
          <SweepPoint point={point} setPoint={setPoint} />
          <Exports />
        </div>
        {pick && <AnomalyList pick={pick} onClose={() => setPick(null)} name={name} />}
        <div className="grid grid-cols-1 gap-3 2xl:grid-cols-2">
          {sweep?.config.sweep && (
            <Slot
              k={0}
              wide
              title={t('compare.chart.sweep', {
                metric: t('compare.metric.latencyMean'),
                key: t(`compare.field.${sweep.config.sweep.key}`),
              })}
            />
          )}
          <Slot k={1} title={t('compare.chart.latency')} />
          <Slot k={2} title={t('compare.chart.cdf')} />
          <Slot k={3} title={t('compare.chart.outcomes')} />
          <Slot k={4} title={t('compare.chart.locks')} />
          <Slot k={5} title={t('compare.chart.blocking')} />
          <Slot k={6} title={t('compare.chart.messages')} />
          <Slot k={7} title={t('compare.chart.inconsistency')} />
        </div>
        <Slot k={8} title={t('compare.pros.title')} />
      </div>
    </div>
  );
}
