import { describe, expect, it } from 'vitest';
import { namedScenario, simulate, type TraceEvent } from '../../engine';
import { patterns } from '../../patterns/registry';
import { parseScenario, scenarioToJson } from '../../scenario/schema';
import { csvField, parseCsv, toCsv } from './csv';
import { EVENT_COLUMNS, eventsCsv, exportFileName, timeTag, TRACE_FORMAT, traceJson } from './build';

describe('CSV (RFC 4180)', () => {
  it('quotes a field only when it holds a comma, a quote, CR or LF, and doubles its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('协调者崩溃，P2 阻塞')).toBe('协调者崩溃，P2 阻塞'); // a full-width comma is text
  });

  it('ends every record with CRLF and round-trips tricky fields', () => {
    const rows = [
      ['1', 'a,b', 'say "hi"'],
      ['2', 'two\r\nlines', ''],
      ['3', '"', ',,'],
    ];
    const text = toCsv(['n', 'x', 'y'], rows);
    expect(text.startsWith('n,x,y\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['n', 'x', 'y'], ...rows]);
  });
});

describe('exports of a run', () => {
  const pattern = patterns.find((p) => p.id === '2pc') ?? patterns[0];
  const ns = pattern.scenarios[pattern.scenarios.length - 1];
  const scenario = namedScenario(pattern, ns);
  const result = simulate(pattern, scenario);
  const describeEv = (ev: TraceEvent) => `${ev.kind} at ${ev.node}, "quoted", with, commas`;

  it('events CSV: the columns, then one record per event in trace order', () => {
    const recs = parseCsv(eventsCsv(result.events, describeEv));
    expect(recs[0]).toEqual([...EVENT_COLUMNS]);
    expect(recs.length - 1).toBe(result.events.length);
    recs.slice(1).forEach((r, i) => {
      const ev = result.events[i];
      expect(r).toHaveLength(EVENT_COLUMNS.length);
      expect(r[0]).toBe(String(ev.seq));
      expect(r[1]).toBe(String(ev.t));
      expect(r[2]).toBe(ev.node);
      expect(r[3]).toBe(ev.kind);
      expect(r[EVENT_COLUMNS.indexOf('description')]).toBe(describeEv(ev));
      if (ev.kind === 'send') {
        expect(r[EVENT_COLUMNS.indexOf('to')]).toBe(ev.to);
        expect(r[EVENT_COLUMNS.indexOf('type')]).toBe(ev.msg.type);
      }
      if (ev.kind === 'deliver') expect(r[EVENT_COLUMNS.indexOf('send_seq')]).toBe(String(ev.sendSeq));
    });
  });

  it('scenario file: what Export writes, Import (the schema) reads back unchanged, and it simulates the same trace', () => {
    for (const p of patterns) {
      for (const n of p.scenarios) {
        const s = namedScenario(p, n);
        const r = parseScenario(scenarioToJson(s));
        expect(r.ok, `${p.id}/${n.id}`).toBe(true);
        if (r.ok) expect(r.scenario).toEqual(s);
      }
    }
    const back = parseScenario(scenarioToJson(scenario));
    expect(back.ok && simulate(pattern, back.scenario).hash).toBe(result.hash);
  });

  it('trace JSON: the scenario file inside it re-runs to the same hash; every event, the cursor', () => {
    const cursor = { pos: 3, t: result.events[2]?.t ?? 0 };
    const doc = JSON.parse(traceJson(JSON.parse(scenarioToJson(scenario)), result, cursor)) as {
      format: string;
      scenario: unknown;
      cursor: unknown;
      hash: string;
      events: unknown[];
    };
    expect(doc.format).toBe(TRACE_FORMAT);
    expect(doc.cursor).toEqual(cursor);
    expect(doc.hash).toBe(result.hash);
    expect(doc.events).toEqual(JSON.parse(JSON.stringify(result.events)));
    const r = parseScenario(doc.scenario);
    expect(r.ok).toBe(true);
    if (r.ok) expect(simulate(pattern, r.scenario).hash).toBe(result.hash);
  });

  it('file names carry the pattern, the scenario and the cursor time', () => {
    expect(timeTag(1250.4)).toBe('t1250ms');
    expect(exportFileName({ pattern: '2pc', name: 'S-2PC-2' }, 1250, 'diagram', 'png')).toBe(
      'dtx-2pc-S-2PC-2-t1250ms-diagram.png',
    );
    expect(exportFileName({ pattern: 'tcc', name: undefined }, 0, 'events', 'csv')).toBe(
      'dtx-tcc-custom-t0ms-events.csv',
    );
    expect(exportFileName({ pattern: 'saga', name: 'a b/c' }, 5, 'trace', 'json')).toBe(
      'dtx-saga-a-b-c-t5ms-trace.json',
    );
  });
});
