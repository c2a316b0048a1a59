/**
 * What the Export menu writes, as pure functions of (scenario, trace, cursor) — no DOM, testable in Node: the file
 * names, the events as CSV and the trace as JSON. The scenario file itself is the schema's `scenarioToJson`, the
 * same file the CLI (`npm run sim`) and Import read.
 */
import type { Cursor, NodeId, Scenario, SimResult, TraceEvent } from '../../engine';
import { toCsv, type CsvValue } from './csv';

/** A file-name-safe piece: letters, digits, dot, dash, underscore; anything else becomes a dash. */
function slug(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'x'
  );
}

/** Cursor time in a file name: whole milliseconds ("t1250ms"), so names sort and never hold a decimal point. */
export function timeTag(t: number): string {
  return Number.isFinite(t) ? `t${Math.round(t)}ms` : 'tend';
}

/** `dtx-<pattern>-<scenario>-t<ms>ms-<what>.<ext>`, e.g. dtx-2pc-s-2pc-2-t1250ms-diagram.png. */
export function exportFileName(s: Pick<Scenario, 'pattern' | 'name'>, t: number, what: string, ext: string): string {
  return `dtx-${slug(s.pattern)}-${slug(s.name ?? 'custom')}-${timeTag(t)}-${slug(what)}.${ext}`;
}

export const EVENT_COLUMNS = [
  'seq',
  't_ms',
  'node',
  'kind',
  'from',
  'to',
  'type',
  'tx',
  'msg_id',
  'send_seq',
  'detail',
  'description',
] as const;

/** The machine-readable detail of an event that its other columns do not carry. */
function detailOf(ev: TraceEvent): string {
  switch (ev.kind) {
    case 'send':
      return [
        ev.lost ? `lost:${ev.lost}` : '',
        ev.copies.length > 1 ? `copies:${ev.copies.length}` : '',
        ev.faultId ? `fault:${ev.faultId}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'drop':
      return `reason:${ev.reason}`;
    case 'timer':
      return ev.name;
    case 'note':
      return ev.key;
    case 'fault':
      return `fault:${ev.faultId}`;
    default:
      return '';
  }
}

/**
 * Every event of the trace, one CSV record each, in trace order (seq). `describe` gives the human line the event log
 * shows, in the language on screen.
 */
export function eventsCsv(events: readonly TraceEvent[], describe: (ev: TraceEvent) => string): string {
  const rows: CsvValue[][] = events.map((ev) => {
    const msg = 'msg' in ev ? ev.msg : undefined;
    const from: NodeId | undefined = ev.kind === 'deliver' || ev.kind === 'drop' ? ev.from : undefined;
    const to: NodeId | undefined = ev.kind === 'send' ? ev.to : undefined;
    return [
      ev.seq,
      ev.t,
      ev.node,
      ev.kind,
      from,
      to,
      msg?.type,
      msg?.tx,
      'msgId' in ev ? ev.msgId : undefined,
      'sendSeq' in ev ? ev.sendSeq : undefined,
      detailOf(ev),
      describe(ev),
    ];
  });
  return toCsv(EVENT_COLUMNS, rows);
}

export const TRACE_FORMAT = 'dtx-lab-trace';

/**
 * The recorded run as JSON: the scenario (as the scenario file writes it, so `npm run sim` on it gives the same
 * trace hash), the cursor, the run's summary, and every event.
 */
export function traceJson(scenarioFile: unknown, result: SimResult, cursor: Cursor): string {
  return JSON.stringify(
    {
      format: TRACE_FORMAT,
      version: 1,
      scenario: scenarioFile,
      cursor: { pos: cursor.pos, t: cursor.t },
      hash: result.hash,
      endTime: result.endTime,
      stoppedBy: result.stoppedBy,
      stats: result.stats,
      outcomes: result.outcomes,
      invariants: result.invariants,
      events: result.events,
    },
    null,
    1,
  );
}
