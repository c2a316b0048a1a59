/**
 * One chart of the Compare view: a titled card with the chart, a "numbers" toggle that shows the same figures as a
 * table, and SVG / PNG downloads of the chart.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompare } from '../../store/compare';
import { chartPngBlob, chartSvgBlob, chartSvgs, download } from './exporting';

export function ChartCard({
  empty,
  id,
  title,
  note,
  table,
  children,
}: {
  /**
   * No figures yet: the chart is drawn empty, with a note saying so ('run': they need a run, whatever the store
   * holds).
   */
  empty?: boolean | 'run';
  id: string;
  title: string;
  note?: string;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // An empty chart while a run goes on or has figures: they are on their way (a chart off screen takes them when it
  // comes near the screen), not missing.
  const pending = useCompare((s) => empty === true && (s.status === 'running' || s.aggregates.length > 0));
  const [showTable, setShowTable] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const chart = () => (box.current && chartSvgs(box.current).length ? box.current : null);
  const headingId = `chart-${id}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-chart={id}
      className="flex min-w-0 flex-col rounded-lg border border-slate-300 bg-white p-3"
      // A card off screen is not laid out or painted when its chart redraws (most are, while a sweep streams in).
      style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 420px' }}
    >
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="mr-auto text-base font-bold text-slate-950">
          {title}
        </h3>
        <button type="button" className="hbtn" aria-pressed={showTable} onClick={() => setShowTable(!showTable)}>
          {t('compare.chart.table')}
        </button>
        <button
          type="button"
          className="hbtn"
          aria-label={t('compare.chart.svg.label', { chart: title })}
          onClick={() => {
            const c = chart();
            if (c) download(`dtx-lab-${id}.svg`, chartSvgBlob(c, title));
          }}
        >
          SVG
        </button>
        <button
          type="button"
          className="hbtn"
          aria-label={t('compare.chart.png.label', { chart: title })}
          onClick={() => {
            const c = chart();
            if (c)
              void chartPngBlob(c, title).then(
                (b) => download(`dtx-lab-${id}.png`, b),
                () => undefined,
              );
          }}
        >
          PNG
        </button>
      </div>
      {note && <p className="mb-1 text-sm text-slate-700">{note}</p>}
      <div ref={box} role="img" aria-label={title} className="relative min-w-0">
        {children}
        {empty && (
          <p className="pointer-events-none absolute inset-x-0 top-1/3 flex justify-center pl-16 pr-4">
            {/* On a white badge: the note sits over the empty plot and must not run into its axis labels. */}
            <span className="rounded bg-white/95 px-3 py-1 text-center text-[15px] font-semibold text-slate-800 shadow-sm ring-1 ring-slate-200">
              {t(pending ? 'compare.chart.pending' : 'compare.chart.empty')}
            </span>
          </p>
        )}
      </div>
      {showTable && <div className="mt-2 overflow-x-auto">{table}</div>}
    </section>
  );
}

/** A plain numbers table: a header row and rows of cells (the first cell is the row's name). */
export function NumTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: (string | number | null | ReactNode)[][];
}) {
  return (
    <table className="w-full border-collapse text-[15px] tabular-nums">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th
              key={i}
              scope="col"
              className={'border-b-2 border-slate-400 px-2 py-1 font-semibold ' + (i ? 'text-right' : 'text-left')}
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, j) => (
          <tr key={j} className="border-b border-slate-200">
            {r.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="px-2 py-1 text-left font-semibold">
                  {c}
                </th>
              ) : (
                <td key={i} className="px-2 py-1 text-right">
                  {c === null || c === undefined ? '—' : c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
