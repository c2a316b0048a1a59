/**
 * The Compare view's charts: latency percentiles and CDF, outcome mix, lock hold, messages by type, inconsistency,
 * and the sweep, drawn as plain SVG (Svg.tsx: a chart draws in a millisecond or two, so results can stream into all
 * of them without long tasks). Projector-readable: 14 px+ text in slate-900, Okabe–Ito hues, and every series also
 * named in the legend / axis (lines also differ by dash), never by colour alone. Each has its numbers as a table.
 * Clicking a bar or point lists the anomalous runs it stands for. Each chart is memoized: it redraws only when its
 * own figures (or the language) change.
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Anomaly, PatternAggregate } from '../../lab/aggregate';
import type { LabConfig } from '../../lab/config';
import { ChartCard, NumTable } from './ChartCard';
import { BarPlot, LinePlot, Sized, type Row, type Series, type YAxisSpec } from './Svg';
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
  messageRows,
  outcomeRows,
  sweepLabelValue,
  sweepRows,
  type SweepMetric,
} from './shape';

export type Pick = (pattern: string | null, point: number, kinds?: Anomaly['kind'][]) => void;

interface Props {
  aggs: PatternAggregate[];
  /** Pattern display name. */
  name: (id: string) => string;
  point: number;
  onPick: Pick;
}

/** A percent axis is 0–100 whatever the rounding: stacked shares rounded to 0.1 % can add up to 100.1. */
const PERCENT_AXIS: YAxisSpec = { domain: [0, 100], ticks: [0, 25, 50, 75, 100], unit: ' %', width: 64 };
const H = 260;
/** A time tick that fits its axis: "850 ms", "120 s" (a 6-digit "120000 ms" wrapped onto two lines). */
const msTick = (v: number) => (Math.abs(v) >= 10_000 ? `${+(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const MS_AXIS: YAxisSpec = { format: msTick, width: 80 };
const msText = (v: number, s: Series) => `${s.name}: ${v} ms`;

/** What every bar chart here shares: the patterns along x, a y axis (its unit, width, domain), legend, a width. */
function Bars(props: Omit<React.ComponentProps<typeof BarPlot>, 'width' | 'height'>) {
  return <Sized>{(width) => <BarPlot {...props} width={width} height={H} />}</Sized>;
}

function barClick(onPick: Pick, point: number, kinds?: Anomaly['kind'][]) {
  return (row: Row) => {
    if (typeof row.pattern === 'string') onPick(row.pattern, point, kinds);
  };
}

export const LatencyChart = memo(function LatencyChart({ aggs, name, point, onPick }: Props) {
  const { t } = useTranslation();
  const rows = latencyRows(aggs).map((r) => ({ ...r, label: name(r.pattern) }));
  const series = (['p50', 'p95', 'p99'] as const).map((k, i) => ({ key: k, name: k, color: hue(i) }));
  return (
    <ChartCard
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
      <Bars rows={rows} series={series} y={MS_AXIS} valueText={msText} onClick={barClick(onPick, point, ['slowest'])} />
    </ChartCard>
  );
});

export const CdfChart = memo(function CdfChart({ aggs, name }: Props) {
  const { t } = useTranslation();
  const series = cdfSeries(aggs);
  return (
    <ChartCard
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
      <Sized>
        {(width) => (
          <LinePlot
            width={width}
            height={H}
            y={PERCENT_AXIS}
            xDomain={[0, Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.x)))]}
            xFormat={msTick}
            valueText={(s, x, v) => `${s.name}: ${v} % ≤ ${x} ms`}
            series={series.map((s, i) => ({
              key: s.pattern,
              name: name(s.pattern),
              color: hue(i),
              dash: dash(i),
              step: true,
              points: s.points,
            }))}
          />
        )}
      </Sized>
    </ChartCard>
  );
});

export const OutcomeChart = memo(function OutcomeChart({ aggs, name, point, onPick }: Props) {
  const { t } = useTranslation();
  const rows = outcomeRows(aggs).map((r): Row => ({ ...r, label: name(String(r.pattern)) }));
  const kinds: Anomaly['kind'][] = ['blocked', 'inconsistent', 'never-converged'];
  const colors = [hue(2), hue(5), hue(4), hue(3), hue(1)];
  const series = OUTCOME_GROUPS.map((g, i) => ({ key: g.id, name: t(`compare.outcome.${g.id}`), color: colors[i] }));
  return (
    <ChartCard
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
              onClick={() => onPick(String(r.pattern), point, kinds)}
              aria-label={t('compare.anom.listFor', { pattern: String(r.label) })}
            >
              {t('compare.anom.list')}
            </button>,
          ])}
        />
      }
    >
      <Bars rows={rows} series={series} stack y={PERCENT_AXIS} onClick={barClick(onPick, point, kinds)} />
    </ChartCard>
  );
});

export const LockChart = memo(function LockChart({ aggs, name, point, onPick }: Props) {
  const { t } = useTranslation();
  const rows = lockRows(aggs).map((r) => ({ ...r, label: name(r.pattern) }));
  return (
    <ChartCard
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
      <Bars
        rows={rows}
        series={[{ key: 'hold', name: t('compare.col.holdPerTx'), color: hue(1) }]}
        y={MS_AXIS}
        valueText={msText}
        onClick={barClick(onPick, point, ['blocked'])}
      />
    </ChartCard>
  );
});

/** Throughput lost to blocking under contention: what the hot lock lets through against the offered rate. */
export const BlockingChart = memo(function BlockingChart({
  aggs,
  name,
  point,
  onPick,
  offered,
}: Props & { offered: number }) {
  const { t } = useTranslation();
  const rows = blockingRows(aggs, offered).map((r) => ({ ...r, label: name(r.pattern) }));
  const click = barClick(onPick, point, ['blocked']);
  return (
    <ChartCard
      id="blocking"
      title={t('compare.chart.blocking')}
      note={t('compare.chart.blockingNote', { offered: +offered.toFixed(3) })}
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
        <Bars
          rows={rows}
          series={[
            { key: 'offered', name: t('compare.col.offered'), color: hue(5), noClick: true },
            { key: 'throughput', name: t('compare.col.throughput'), color: hue(2), noClick: true },
            { key: 'capacity', name: t('compare.col.capacity'), color: hue(3) },
          ]}
          y={{ unit: ' tx/s', width: 88 }}
          onClick={click}
        />
        <Bars
          rows={rows}
          series={[{ key: 'lost', name: t('compare.col.lost'), color: hue(4) }]}
          y={PERCENT_AXIS}
          onClick={click}
        />
      </div>
    </ChartCard>
  );
});

export const MessageChart = memo(function MessageChart({ aggs, name }: Props) {
  const { t } = useTranslation();
  const { types, rows } = messageRows(aggs);
  const data = rows.map((r): Row => ({ ...r, label: name(String(r.pattern)) }));
  return (
    <ChartCard
      id="messages"
      title={t('compare.chart.messages')}
      table={
        <NumTable
          caption={t('compare.chart.messages')}
          head={[t('compare.col.pattern'), ...types, t('compare.col.total')]}
          rows={data.map((r) => [r.label, ...types.map((ty) => r['m:' + ty] as number), r.total as number])}
        />
      }
    >
      <Bars
        rows={data}
        series={types.map((ty, i) => ({ key: 'm:' + ty, name: ty, color: hue(i) }))}
        stack
        y={{ width: 56 }}
      />
    </ChartCard>
  );
});

export const InconsistencyChart = memo(function InconsistencyChart({ aggs, name, point, onPick }: Props) {
  const { t } = useTranslation();
  const rows = inconsistencyRows(aggs).map((r) => ({ ...r, label: name(r.pattern) }));
  const kinds: Anomaly['kind'][] = ['inconsistent', 'never-converged'];
  const click = barClick(onPick, point, kinds);
  return (
    <ChartCard
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
        <Bars
          rows={rows}
          series={[
            { key: 'windowP50', name: t('compare.col.window') + ' p50', color: hue(0) },
            { key: 'windowP95', name: t('compare.col.window') + ' p95', color: hue(3) },
          ]}
          y={MS_AXIS}
          valueText={msText}
          onClick={click}
        />
        <Bars
          rows={rows}
          series={[
            { key: 'affected', name: t('compare.col.affected'), color: hue(4) },
            { key: 'never', name: t('compare.col.never'), color: hue(7) },
          ]}
          y={{ unit: ' %', width: 64 }}
          onClick={(row, s) => barClick(onPick, point, s.key === 'never' ? ['never-converged'] : kinds)(row)}
        />
      </div>
    </ChartCard>
  );
});

export const SweepChart = memo(function SweepChart({
  config,
  aggs,
  patterns,
  name,
  onPick,
}: {
  config: LabConfig;
  aggs: PatternAggregate[];
  patterns: string[];
  name: (id: string) => string;
  onPick: Pick;
}) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<SweepMetric>('latencyMean');
  if (!config.sweep) return null;
  const key = config.sweep.key;
  const rows = sweepRows(config, aggs, patterns, metric);
  const unit = metric.startsWith('latency') || metric === 'lockHold' ? ' ms' : metric === 'messages' ? '' : ' %';
  const values = config.sweep.values;
  return (
    <ChartCard
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
      <Sized>
        {(width) => (
          <LinePlot
            width={width}
            height={H + 40}
            y={{ unit, width: 80 }}
            xDomain={[Math.min(...values), Math.max(...values)]}
            xTicks={values}
            xFormat={(v) => sweepLabelValue(key, v)}
            onColumn={(i) => onPick(null, i)}
            valueText={(s, x, v) => `${s.name}: ${sweepLabelValue(key, x)} → ${v}${unit}`}
            series={patterns.map((p, i) => ({
              key: p,
              name: name(p),
              color: hue(i),
              dash: dash(i),
              dots: true,
              points: rows.map((r) => ({ x: r.x as number, y: (r[p] as number | null | undefined) ?? null })),
              bands: rows.map((r) => (r[p + ':band'] as [number, number] | undefined) ?? null),
            }))}
          />
        )}
      </Sized>
    </ChartCard>
  );
});
