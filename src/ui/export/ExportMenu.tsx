/**
 * The Export menu: the diagram and the sequence chart as PNG / SVG, the trace as JSON, the events as CSV, the
 * scenario as the file the CLI and Import read. Every file name carries the pattern, the scenario and the cursor
 * time (build.ts). A failure is a message on screen, never a console error; the run stays as it was.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';
import { download, textBlob } from '../compare/exporting';
import { describeEvent, nodeName } from '../panels/describe';
import { eventsCsv, exportFileName, traceJson } from './build';
import type { ImageFormat } from './image';

type Item =
  { id: 'diagram' | 'sequence'; format: ImageFormat } | { id: 'trace' | 'events' | 'scenario'; format: 'json' | 'csv' };

const IMAGES: Item[] = [
  { id: 'diagram', format: 'png' },
  { id: 'diagram', format: 'svg' },
  { id: 'sequence', format: 'png' },
  { id: 'sequence', format: 'svg' },
];
const DATA: Item[] = [
  { id: 'trace', format: 'json' },
  { id: 'events', format: 'csv' },
  { id: 'scenario', format: 'json' },
];

export default function ExportMenu({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (item: Item) => {
    const s = useRun.getState();
    const { scenario, result, cursor } = s;
    const name = (what: string) => exportFileName(scenario, cursor.t, what, item.format);
    switch (item.id) {
      case 'diagram':
      case 'sequence': {
        const img = await import('./image');
        if (item.id === 'diagram') return download(name('diagram'), await img.diagramImage(item.format));
        const chart = document.querySelector<HTMLElement>(`section[aria-label="${CSS.escape(t('panels.seq.title'))}"]`);
        if (!chart) throw new Error('no sequence chart on screen');
        return download(name('sequence'), await img.sequenceImage(chart, item.format));
      }
      case 'events': {
        const label = (id: string) => nodeName(t, result.topology, id);
        const csv = eventsCsv(result.events, (ev) => describeEvent(t, ev, label));
        // A byte-order mark, so spreadsheet programs read the Chinese descriptions as UTF-8.
        return download(name('events'), textBlob('\ufeff' + csv, 'text/csv;charset=utf-8'));
      }
      case 'trace': {
        const { scenarioToJson } = await import('../../scenario/schema');
        const json = traceJson(JSON.parse(scenarioToJson(scenario)), result, cursor);
        return download(name('trace'), textBlob(json, 'application/json'));
      }
      case 'scenario': {
        const { scenarioToJson } = await import('../../scenario/schema');
        return download(name('scenario'), textBlob(scenarioToJson(scenario), 'application/json'));
      }
    }
  };

  const click = async (item: Item) => {
    const key = `${item.id}.${item.format}`;
    setBusy(key);
    try {
      await run(item);
      close();
    } catch (e) {
      useRun.getState().pushError('export.failed', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  const button = (item: Item) => {
    const key = `${item.id}.${item.format}`;
    return (
      <li key={key}>
        <button
          type="button"
          disabled={busy !== null}
          aria-busy={busy === key}
          onClick={() => void click(item)}
          className="flex w-full flex-col items-start rounded px-2 py-1 text-left hover:bg-slate-100 disabled:opacity-60"
        >
          <span className="font-semibold text-slate-950">{t(`export.${key}`)}</span>
          <span className="text-sm text-slate-700">{t(`export.${key}.desc`)}</span>
        </button>
      </li>
    );
  };

  return (
    <div className="text-[15px]">
      <h2 className="mb-1 text-base font-semibold">{t('export.title')}</h2>
      <p className="mb-2 text-sm text-slate-700">{t('export.intro')}</p>
      <h3 className="mt-1 text-sm font-semibold text-slate-700">{t('export.images')}</h3>
      <ul className="mb-2">{IMAGES.map(button)}</ul>
      <h3 className="text-sm font-semibold text-slate-700">{t('export.data')}</h3>
      <ul>{DATA.map(button)}</ul>
      {busy && (
        <p role="status" className="mt-2 text-sm text-slate-700">
          {t('export.working')}
        </p>
      )}
    </div>
  );
}
