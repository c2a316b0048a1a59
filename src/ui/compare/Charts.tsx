/**
 * The Compare view's charts (Recharts 3): latency percentiles and CDF, outcome mix, lock hold, messages by type,
 * inconsistency, and the sweep. Projector-readable: 14 px+ text in slate-900, Okabe–Ito hues, and every series also
 * named in the legend / axis (lines also differ by dash), never by colour alone. Each has its numbers as a table.
 * Clicking a bar or point lists the anomalous runs it stands for.
 */
import { Fragment, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Anomaly, PatternAggregate } from '../../lab/aggregate';
import type { LabConfig } from '../../lab/config';
import { patterns } from '../../patterns/registry';
import { ChartCard, NumTable } from './ChartCard';
import { PatternTick, RowTick, rowTickWidth, textWidth, TILTED_AXIS_H, valueTick, WRAPPED_AXIS_H } from './axisLabels';
import {
  blockingRows,
  OUTCOME_GROUPS,
  SWEEP_METRICS,
  cdfSeries,
  dash,
  hue,
  inconsistencyRows,
  latencyRows,
  lockRows,
  MESSAGE_SLOTS,
  messageRows,
  type MessageRow,
  outcomeRows,
  sweepLabelValue,
  sweepRows,
  type SweepMetric,
} from './shape';

export type Pick = (pattern: string | null, point: number, kinds?: Anomaly['kind'][]) => void;

interface Props {
  aggs: PatternAggregate[];
  /**
   * The page's translation function, as a prop rather than useTranslation(): a language switch then redraws each
   * chart in its turn (ComparePage's staggered slots), not every Recharts tree in one task.
   */
  t: TFunction;
  /** Pattern display name. */
  name: (id: string) => string;
  point: number;
  onPick: Pick;
}

const AXIS = { stroke: '#334155' };
/** Right margins (px) of the charts whose x axis is a value axis: the room its last label may spill into. */
const CDF_RIGHT = 16;
const MESSAGES_RIGHT = 48;
const SWEEP_RIGHT = 16;
/** A percent axis is 0–100 whatever the rounding: stacked shares rounded to 0.1 % can add up to 100.1. */
const PERCENT_AXIS = {
  domain: [0, 100] as [number, number],
  ticks: [0, 25, 50, 75, 100],
  allowDataOverflow: true,
  width: 64,
};
const H = 260;
const LEGEND = { fontSize: 14, color: '#0f172a' };
const anim = false;
/** Legend text in the text colour (Recharts paints it in the series hue, unreadable for yellow / orange). */
const legendText = (v: string) => <span style={{ color: '#0f172a' }}>{v}</span>;

/** What every bar chart here shares: the grid, the patterns along x, a y axis (its unit, width, domain), tooltip, legend. */
function Bars({
  data,
  yAxis,
  narrow,
  children,
}: {
  data: object[];
  yAxis: React.ComponentProps<typeof YAxis>;
  /** A half-width chart: its pattern names tilt instead of wrapping. */
  narrow?: boolean;
  children: React.ReactNode;
}) {
  const axisH = narrow ? TILTED_AXIS_H : WRAPPED_AXIS_H;
  return (
    <ResponsiveContainer width="100%" height={H + axisH - 30}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: narrow ? 36 : 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis dataKey="label" interval={0} height={axisH} tick={narrow ? tiltedTick : wrappedTick} {...AXIS} />
        <YAxis tick={valueTick(String(yAxis.unit ?? ''))} {...AXIS} interval={0} {...yAxis} />
        <Tooltip />
        <Legend wrapperStyle={LEGEND} formatter={legendText} />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
/** A time tick that fits its axis: "850 ms", "120 s" (a 6-digit "120000 ms" wrapped onto two lines). */
const msTick = (v: number) => (Math.abs(v) >= 10_000 ? `${+(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

/**
 * The click handler of a chart's bars, the same function from one update to the next: Recharts 3 memoizes its
 * components on their props (Bar, XAxis, Legend: React.memo with a shallow compare), so a Bar whose props did not
 * change is not re-rendered when only the data did. A new function per render re-rendered every Bar, which replaced
 * its legend payload, which re-rendered the legend and made it measure itself (a forced layout of the page) on
 * every update of a streaming sweep.
 */
function useBarClick(onPick: Pick, point: number, kinds?: readonly Anomaly['kind'][]) {
  return useMemo(
    () => (d: { payload?: { pattern?: string } }) => {
      if (d.payload?.pattern) onPick(d.payload.pattern, point, kinds && [...kinds]);
    },
    [onPick, point, kinds],
  );
}
const SLOWEST: readonly Anomaly['kind'][] = ['slowest'];
const BLOCKED: readonly Anomaly['kind'][] = ['blocked'];
const OUTCOME_KINDS: readonly Anomaly['kind'][] = ['blocked', 'inconsistent', 'never-converged'];
const INCONSISTENT: readonly Anomaly['kind'][] = ['inconsistent', 'never-converged'];
const NEVER: readonly Anomaly['kind'][] = ['never-converged'];
/** The pattern-name ticks, one function each way for the same reason (a new one per render redrew the axis). */
const wrappedTick = (p: React.ComponentProps<typeof PatternTick>) => <PatternTick {...p} />;
const tiltedTick = (p: React.ComponentProps<typeof PatternTick>) => <PatternTick {...p} tilt />;

export function LatencyChart({ aggs, name, point, onPick, t }: Props) {
  const rows = latencyRows(aggs).map((r) => ({ ...r, label: name(r.pattern) }));
  const keys = ['p50', 'p95', 'p99'] as const;
  const click = useBarClick(onPick, point, SLOWEST);
  return (
    <ChartCard
      empty={!aggs.length}
      id="latency"
      title={t('compare.chart.latency')}
      note={t('compare.chart.clickSlowest')}
      table={
        <NumTable
          caption={t('compare.chart.latency')}
          head={[t('compare.col.pattern'), t('compare.col.txs'), 'p50 ms', 'p95 ms', 'p99 ms', t('compare.col.mean')]}
          rows={rows.map((r) => [r.label, r.n, r.p50, r.p95, r.p99, r.mean])}
        />
      }
    >
      <Bars data={rows} yAxis={{ tickFormatter: msTick, width: 80 }}>
        {keys.map((k, i) => (
          <Bar key={k} dataKey={k} name={k} fill={hue(i)} isAnimationActive={anim} onClick={click} cursor="pointer" />
        ))}
      </Bars>
    </ChartCard>
  );
}

export function CdfChart({ aggs, name, t }: Props) {
  const series = cdfSeries(aggs);
  return (
    <ChartCard
      empty={!aggs.length}
      id="cdf"
      title={t('compare.chart.cdf')}
      table={
        <NumTable
          caption={t('compare.chart.cdf')}
          head={[t('compare.col.pattern'), ...[10, 25, 50, 75, 90, 100].map((q) => `≤ ${q} %`)]}
          rows={series.map((s) => [
            name(s.pattern),
            ...[10, 25, 50, 75, 90, 100].map((q) => s.points.find((p) => (p.y ?? 0) >= q)?.x ?? null),
          ])}
        />
      }
    >
      <ResponsiveContainer width="100%" height={H}>
        <LineChart margin={{ top: 8, right: CDF_RIGHT, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis
            dataKey="x"
            type="number"
            tick={valueTick('', CDF_RIGHT)}
            {...AXIS}
            interval={0}
            domain={[0, 'dataMax']}
            tickFormatter={msTick}
          />
          <YAxis dataKey="y" type="number" tick={valueTick(' %')} {...AXIS} interval={0} unit=" %" {...PERCENT_AXIS} />
          <Tooltip />
          <Legend wrapperStyle={LEGEND} formatter={legendText} />
          {series.map((s, i) => (
            <Line
              key={s.pattern}
              data={s.points}
              dataKey="y"
              name={name(s.pattern)}
              stroke={hue(i)}
              strokeDasharray={dash(i)}
              strokeWidth={3}
              type="stepAfter"
              dot={false}
              isAnimationActive={anim}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function OutcomeChart({ aggs, name, point, onPick, t }: Props) {
  type Row = Record<string, number | string | null>;
  const rows = outcomeRows(aggs).map((r): Row => ({ ...r, label: name(String(r.pattern)) }));
  const kinds = OUTCOME_KINDS;
  const click = useBarClick(onPick, point, kinds);
  return (
    <ChartCard
      empty={!aggs.length}
      id="outcomes"
      title={t('compare.chart.outcomes')}
      note={t('compare.chart.clickAnomalies')}
      table={
        <NumTable
          caption={t('compare.chart.outcomes')}
          head={[t('compare.col.pattern'), ...OUTCOME_GROUPS.map((g) => t(`compare.outcome.${g.id}`) + ' %'), '']}
          rows={rows.map((r) => [
            r.label,
            ...OUTCOME_GROUPS.map((g) => r[g.id] as number | null),
            <button
              key="open"
              type="button"
              className="hbtn"
              onClick={() => onPick(String(r.pattern), point, [...kinds])}
              aria-label={t('compare.anom.listFor', { pattern: String(r.label) })}
            >
              {t('compare.anom.list')}
            </button>,
          ])}
        />
      }
    >
      <Bars data={rows} yAxis={{ unit: ' %', ...PERCENT_AXIS }}>
        {OUTCOME_GROUPS.map((g, i) => (
          <Bar
            key={g.id}
            dataKey={g.id}
            name={t(`compare.outcome.${g.id}`)}
            stackId="mix"
            fill={[hue(2), hue(5), hue(4), hue(3), hue(1)][i]}
            stroke="#fff"
            isAnimationActive={anim}
            onClick={click}
            cursor="pointer"
          />
        ))}
      </Bars>
    </ChartCard>
  );
}

export function LockChart({ aggs, name, point, onPick, t }: Props) {
  const rows = lockRows(aggs).map((r) => ({ ...r, label: name(r.pattern) }));
  const click = useBarClick(onPick, point, BLOCKED);
  return (
    <ChartCard
      empty={!aggs.length}
      id="locks"
      title={t('compare.chart.locks')}
      table={
        <NumTable
          caption={t('compare.chart.locks')}
          head={[
            t('compare.col.pattern'),
            t('compare.col.holdPerTx'),
            t('compare.col.ci'),
            t('compare.col.maxHold'),
            t('compare.outcome.blocked') + ' %',
          ]}
          rows={rows.map((r) => [r.label, r.hold, r.lo === null ? null : `${r.lo} – ${r.hi}`, r.max, r.blocked])}
        />
      }
    >
      <Bars data={rows} yAxis={{ tickFormatter: msTick, width: 80 }}>
        <Bar
          dataKey="hold"
          name={t('compare.col.holdPerTx')}
          fill={hue(1)}
          isAnimationActive={anim}
          onClick={click}
          cursor="pointer"
        />
      </Bars>
    </ChartCard>
  );
}

/** Throughput lost to blocking under contention: what the hot lock lets through against the offered rate. */
export function BlockingChart({ aggs, name, point, onPick, offered, t }: Props & { offered: number }) {
  const rows = blockingRows(aggs, offered).map((r) => ({ ...r, label: name(r.pattern) }));
  const click = useBarClick(onPick, point, BLOCKED);
  return (
    <ChartCard
      empty={!aggs.length}
      id="blocking"
      title={t('compare.chart.blocking')}
      // Before a run the offered rate would be the form's, not a run's: the note comes with the figures.
      note={aggs.length ? t('compare.chart.blockingNote', { offered: +offered.toFixed(3) }) : undefined}
      table={
        <NumTable
          caption={t('compare.chart.blocking')}
          head={[
            t('compare.col.pattern'),
            t('compare.col.hotLock'),
            t('compare.col.holdPerDone'),
            t('compare.col.capacity'),
            t('compare.col.utilization'),
            t('compare.col.throughput'),
            t('compare.col.offered'),
            t('compare.col.lost'),
          ]}
          rows={rows.map((r) => [
            r.label,
            r.key ?? t('compare.blocking.noLock'),
            r.hold,
            r.capacity,
            r.utilization,
            r.throughput,
            r.offered,
            r.lost,
          ])}
        />
      }
    >
      <div className="grid grid-cols-2 gap-2">
        <Bars data={rows} narrow yAxis={{ unit: ' tx/s', width: 88 }}>
          <Bar dataKey="offered" name={t('compare.col.offered')} fill={hue(5)} isAnimationActive={anim} />
          <Bar dataKey="throughput" name={t('compare.col.throughput')} fill={hue(2)} isAnimationActive={anim} />
          <Bar
            dataKey="capacity"
            name={t('compare.col.capacity')}
            fill={hue(3)}
            isAnimationActive={anim}
            onClick={click}
            cursor="pointer"
          />
        </Bars>
        <Bars data={rows} narrow yAxis={{ unit: ' %', ...PERCENT_AXIS }}>
          <Bar
            dataKey="lost"
            name={t('compare.col.lost')}
            fill={hue(4)}
            isAnimationActive={anim}
            onClick={click}
            cursor="pointer"
          />
        </Bars>
      </div>
    </ChartCard>
  );
}

/** Ink for a label on each slot's hue: white on the dark blue, the text colour on the lighter ones (contrast ≥ 4.5). */
const SLOT_INK = Array.from({ length: MESSAGE_SLOTS }, (_, i) => (hue(i) === '#0072B2' ? '#fff' : '#0f172a'));
/**
 * A segment's label: its type's name inside it when it fits (else the tooltip and the table have it); the first
 * segment also writes the bar's total past the bar's end (x scale from that segment: it starts at 0). The label is
 * handed the whole row (`dataKey={wholeRow}`).
 */
const SEGMENT_LABELS = SLOT_INK.map(
  (ink, i) =>
    function SegmentLabel(p: { viewBox?: unknown; value?: unknown }) {
      const box = p.viewBox as { x: number; y: number; width: number; height: number } | undefined;
      const row = p.value as MessageDatum | undefined;
      if (!box || !row) return null;
      const text = String(row[`n${i}`] ?? '');
      const inside = text && box.width >= textWidth(text) + 10;
      const value = Number(row[`s${i}`]);
      const end = i === 0 && value > 0 ? box.x + (box.width * Number(row.total)) / value : null;
      const cy = box.y + box.height / 2;
      return (
        <g>
          {inside && (
            <text
              x={box.x + box.width / 2}
              y={cy}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={14}
              fill={ink}
            >
              {text}
            </text>
          )}
          {end !== null && (
            <text x={end + 6} y={cy} dominantBaseline="central" fontSize={14} fontWeight={600} fill="#0f172a">
              {row.total}
            </text>
          )}
        </g>
      );
    },
);
const wholeRow = (d: MessageDatum) => d;
const MSG_ROW_H = 38;
/**
 * The chart is as tall as every registered pattern needs, with or without figures and however many ran, so it does
 * not grow (and push the charts below it down) when a run fills it; fewer rows get wider bands, not thicker bars.
 */
const MSG_H = patterns.length * MSG_ROW_H + 44;

type MessageDatum = MessageRow & { label: string };

function MessageTip({
  active,
  payload,
  t,
}: {
  active?: boolean;
  payload?: readonly { payload?: MessageDatum }[];
  t: TFunction;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded border border-slate-400 bg-white px-3 py-2 text-sm text-slate-950 shadow">
      <p className="font-bold">
        {row.label} · {t('compare.col.total')} {row.total}
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-4 tabular-nums">
        {row.types.map((x) => (
          <Fragment key={x.type}>
            <dt>{x.type}</dt>
            <dd className="text-right">{x.perTx}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

export function MessageChart({ aggs, name, t }: Props) {
  const data = messageRows(aggs).map((r): MessageDatum => ({
    ...r,
    label: name(r.pattern),
    [`n${MESSAGE_SLOTS - 1}`]: r.rest ? t('compare.msg.rest', { n: r.rest }) : r[`n${MESSAGE_SLOTS - 1}`],
  }));
  const labelW = rowTickWidth(data.map((d) => d.label));
  const tip = useMemo(() => <MessageTip t={t} />, [t]);
  return (
    <ChartCard
      empty={!aggs.length}
      id="messages"
      title={t('compare.chart.messages')}
      note={t('compare.chart.messagesNote')}
      table={
        <NumTable
          caption={t('compare.chart.messages')}
          head={[t('compare.col.pattern'), t('compare.col.total'), t('compare.col.byType')]}
          rows={data.map((r) => [r.label, r.total, r.types.map((x) => `${x.type} ${x.perTx}`).join(' · ')])}
        />
      }
    >
      <ResponsiveContainer width="100%" height={MSG_H}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: MESSAGES_RIGHT, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" horizontal={false} />
          <XAxis type="number" tick={valueTick('', MESSAGES_RIGHT)} {...AXIS} />
          <YAxis type="category" dataKey="label" width={labelW} interval={0} tick={RowTick} {...AXIS} />
          <Tooltip content={tip} />
          {/* No figures: no segments (an empty chart's first draw, at the page's opening, stays light). */}
          {(data.length ? SEGMENT_LABELS : []).map((label, i) => (
            <Bar
              key={i}
              dataKey={`s${i}`}
              stackId="msg"
              fill={hue(i)}
              stroke="#fff"
              maxBarSize={MSG_ROW_H - 10}
              isAnimationActive={anim}
            >
              <LabelList dataKey={wholeRow} content={label} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function InconsistencyChart({ aggs, name, point, onPick, t }: Props) {
  const rows = inconsistencyRows(aggs).map((r) => ({ ...r, label: name(r.pattern) }));
  const click = useBarClick(onPick, point, INCONSISTENT);
  const clickNever = useBarClick(onPick, point, NEVER);
  return (
    <ChartCard
      empty={!aggs.length}
      id="inconsistency"
      title={t('compare.chart.inconsistency')}
      note={t('compare.chart.clickAnomalies')}
      table={
        <NumTable
          caption={t('compare.chart.inconsistency')}
          head={[
            t('compare.col.pattern'),
            t('compare.col.affected'),
            t('compare.col.never'),
            t('compare.col.window') + ' p50',
            t('compare.col.window') + ' p95',
            t('compare.col.window') + ' max',
          ]}
          rows={rows.map((r) => [r.label, r.affected, r.never, r.windowP50, r.windowP95, r.windowMax])}
        />
      }
    >
      <div className="grid grid-cols-2 gap-2">
        <Bars data={rows} narrow yAxis={{ tickFormatter: msTick, width: 80 }}>
          <Bar
            dataKey="windowP50"
            name={t('compare.col.window') + ' p50'}
            fill={hue(0)}
            isAnimationActive={anim}
            onClick={click}
            cursor="pointer"
          />
          <Bar
            dataKey="windowP95"
            name={t('compare.col.window') + ' p95'}
            fill={hue(3)}
            isAnimationActive={anim}
            onClick={click}
            cursor="pointer"
          />
        </Bars>
        <Bars data={rows} narrow yAxis={{ unit: ' %', width: 64 }}>
          <Bar
            dataKey="affected"
            name={t('compare.col.affected')}
            fill={hue(4)}
            isAnimationActive={anim}
            onClick={click}
            cursor="pointer"
          />
          <Bar
            dataKey="never"
            name={t('compare.col.never')}
            fill={hue(7)}
            isAnimationActive={anim}
            onClick={clickNever}
            cursor="pointer"
          />
        </Bars>
      </div>
    </ChartCard>
  );
}

export function SweepChart({
  standIn,
  config,
  aggs,
  patterns,
  name,
  onPick,
  t,
}: {
  /** Drawn for the form's sweep, not a run's: it needs a run (its note says so). */
  standIn?: boolean;
  config: LabConfig;
  aggs: PatternAggregate[];
  patterns: string[];
  name: (id: string) => string;
  onPick: Pick;
  t: TFunction;
}) {
  const [metric, setMetric] = useState<SweepMetric>('latencyMean');
  const sweepKey = config.sweep?.key;
  // Stable from one update to the next, so the x axis is not redrawn for a new function (see useBarClick).
  const xTick = useMemo(() => (v: number) => (sweepKey ? sweepLabelValue(sweepKey, v) : String(v)), [sweepKey]);
  if (!config.sweep) return null;
  const key = config.sweep.key;
  const rows = sweepRows(config, aggs, patterns, metric);
  const unit = metric.startsWith('latency') || metric === 'lockHold' ? ' ms' : metric === 'messages' ? '' : ' %';
  return (
    <ChartCard
      empty={standIn ? 'run' : !aggs.length}
      id="sweep"
      title={t('compare.chart.sweep', { metric: t(`compare.metric.${metric}`), key: t(`compare.field.${key}`) })}
      note={t('compare.chart.sweepNote')}
      table={
        <NumTable
          caption={t('compare.chart.sweep', { metric: t(`compare.metric.${metric}`), key: t(`compare.field.${key}`) })}
          head={[t(`compare.field.${key}`), ...patterns.map(name)]}
          rows={rows.map((r) => [
            sweepLabelValue(key, r.x as number),
            ...patterns.map((p) => {
              const v = r[p] as number | null | undefined;
              const b = r[p + ':band'] as [number, number] | undefined;
              return v === undefined || v === null ? null : b ? `${v} (${b[0]} – ${b[1]})` : v;
            }),
          ])}
        />
      }
    >
      <label className="mb-1 flex items-center gap-2 text-[15px]">
        {t('compare.sweep.metric')}
        <select className="hselect" value={metric} onChange={(e) => setMetric(e.target.value as SweepMetric)}>
          {SWEEP_METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`compare.metric.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <ResponsiveContainer width="100%" height={H + 40}>
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: SWEEP_RIGHT, bottom: 4, left: 8 }}
          onClick={(s) => {
            const i = Number(s?.activeIndex);
            if (Number.isInteger(i) && i >= 0) onPick(null, i);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={config.sweep.values}
            tickFormatter={xTick}
            tick={valueTick('', SWEEP_RIGHT)}
            {...AXIS}
          />
          <YAxis tick={valueTick(unit)} {...AXIS} interval={0} unit={unit} width={80} />
          <Tooltip />
          <Legend wrapperStyle={LEGEND} formatter={legendText} />
          {patterns.map((p, i) => (
            <Area
              key={p + ':band'}
              dataKey={p + ':band'}
              name={`${name(p)} 95 %`}
              fill={hue(i)}
              fillOpacity={0.18}
              stroke="none"
              isAnimationActive={anim}
              legendType="none"
            />
          ))}
          {patterns.map((p, i) => (
            <Line
              key={p}
              dataKey={p}
              name={name(p)}
              stroke={hue(i)}
              strokeDasharray={dash(i)}
              strokeWidth={3}
              dot={{ r: 5 }}
              activeDot={{ r: 7 }}
              isAnimationActive={anim}
              cursor="pointer"
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
