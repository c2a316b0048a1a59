/**
 * `npm run bench:seek`: seeking the cursor in a long trace must render within one frame (≤ 16 ms of script time).
 * Loads a long run into the app through its test handle (window.__dtx), waits for the sliced load to finish, seeks to
 * 50 random positions, and measures each seek until the next frame has run: main-thread script time from the
 * DevTools protocol (Performance.getMetrics ScriptDuration, plus layout and style), and wall time.
 *
 * Two traces (SEEK_CASE=100k or 1m runs one):
 * - 100k: S-2PC-2 (coordinator crashed after logging COMMIT) with 5 participants that stay in doubt for 33 minutes
 *   of virtual time, asking every 50 ms;
 * - 1m: 2PC's default scenario with 16,667 transactions 600 ms apart: 1,050,027 events (issue 10: a ≥ 1 M-event
 *   trace).
 * PROFILE=1 prints the seeks' top functions by self time, ALLOC=1 their top allocation sites, TRACE=file a trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
import type { Scenario } from '../src/engine/types';
import { withTxCount } from '../src/engine/testing/scale';
import { getPattern } from '../src/patterns/registry';
import { mainThreadTasks, type Task, type TraceEvent } from './longtasks';

const SEEKS = Number(process.env.SEEKS ?? 50);

interface RunView {
  loadScenario(s: Scenario): boolean;
  seekPos(pos: number): void;
  result: { events: unknown[] };
  loading: unknown;
  cursor: { pos: number; t: number };
}

interface Handle {
  getState(): RunView;
  subscribe(f: (s: RunView) => void): () => void;
}

function longScenario(): Scenario {
  const s = JSON.parse(readFileSync(new URL('../examples/2pc/s-2pc-2.json', import.meta.url), 'utf8'));
  delete s.expect;
  return {
    ...s,
    name: 'seek-bench',
    params: { ...s.params, participants: 5, queryInterval: 50 },
    horizon: 2_000_000,
  };
}

function millionScenario(): Scenario {
  const p = getPattern('2pc');
  if (!p) throw new Error('no 2pc pattern');
  return { ...withTxCount(p, 16_667), name: 'seek-bench-1m' };
}

const CASES = [
  { id: '100k', label: '100k-event', minEvents: 100_000, scenario: longScenario },
  { id: '1m', label: '1M-event', minEvents: 1_000_000, scenario: millionScenario },
].filter((c) => !process.env.SEEK_CASE || process.env.SEEK_CASE.toLowerCase() === c.id);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x: number) => x.toFixed(2).padStart(8);

for (const c of CASES)
  test(`seek in a ${c.label} trace`, async ({ page }) => {
    await page.goto('/');
    await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx, null, { timeout: 60_000 });
    const scenario = c.scenario();
    // The load is traced (Chrome's task events: how long each main-thread task took, in wall time and in CPU time —
    // on a machine shared with other work the two differ) with marks where it began, where the trace arrived and
    // where the page had settled.
    const cdp = await page.context().newCDPSession(page);
    const loadTrace: TraceEvent[] = [];
    const collect = (e: { value: object[] }) => loadTrace.push(...(e.value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] },
    });
    const load = await page.evaluate(async (s) => {
      const h = (window as unknown as { __dtx: Handle }).__dtx;
      const t0 = performance.now();
      console.timeStamp('seek-bench:load');
      // The moment the trace arrives: the store's result is replaced (before React renders it).
      const before = h.getState().result;
      let arrived = 0;
      const unsub = h.subscribe((st) => {
        if (arrived || st.result === before) return;
        arrived = performance.now();
        console.timeStamp('seek-bench:arrived');
      });
      const ok = h.getState().loadScenario(s);
      // A long scenario loads in slices between frames (progress bar): wait until it is shown.
      while (ok && h.getState().loading) await new Promise((r) => setTimeout(r, 50));
      unsub();
      return { ok, ms: arrived - t0, t0, arrived, events: h.getState().result.events.length };
    }, scenario);
    if (!load.ok) throw new Error('the app refused the scenario');
    console.log(
      `loaded ${load.events.toLocaleString('en-US')} events in ${load.ms.toFixed(0)} ms (simulate + index, sliced)`,
    );
    if (load.events < c.minEvents) throw new Error(`trace has only ${load.events} events (< ${c.minEvents})`);
    // Let the first render of the new trace settle (the sequence chart lays a long trace out in slices too).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    await page.waitForFunction(() => !document.querySelector('[data-seq-building]'), null, { timeout: 120_000 });
    const settled = await page.evaluate(
      () =>
        new Promise<number>((r) =>
          setTimeout(() => {
            console.timeStamp('seek-bench:settled');
            r(performance.now());
          }, 1000),
        ),
    );
    const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await traced;
    cdp.off('Tracing.dataCollected', collect);
    const tasks = mainThreadTasks(loadTrace);
    const mark = (m: string) =>
      loadTrace.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === `seek-bench:${m}`)?.ts ?? NaN;
    const [tLoad, tArrived, tSettled] = [mark('load'), mark('arrived'), mark('settled')];
    const end = (x: Task) => x.ts + x.wall * 1000;
    const during = tasks.filter((x) => x.ts >= tLoad && end(x) < tArrived);
    const after = tasks.filter((x) => end(x) >= tArrived && x.ts <= tSettled);
    const longest = (xs: Task[], k: 'wall' | 'cpu') => xs.reduce((m, x) => Math.max(m, x[k]), 0);
    const over = (xs: Task[]) => xs.filter((x) => x.wall > 50).length;
    console.log(
      `longest main-thread task while simulating: ${longest(during, 'wall').toFixed(0)} ms wall, ` +
        `${longest(during, 'cpu').toFixed(0)} ms CPU (${over(during)} tasks > 50 ms)`,
    );
    const wallAfter = longest(after, 'wall');
    const cpuAfter = longest(after, 'cpu');
    console.log(
      `longest main-thread task after the trace arrived (until every view is built, ` +
        `${((settled - load.arrived) / 1000).toFixed(1)} s): ${wallAfter.toFixed(0)} ms wall, ${cpuAfter.toFixed(0)} ms CPU, ` +
        `${over(after)} tasks > 50 ms (goal < 50 ms) ${wallAfter < 50 ? 'MET' : cpuAfter < 50 ? 'MET in CPU time (wall time: a loaded machine)' : 'NOT MET'}`,
    );

    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metrics = async () => {
      const { metrics: m } = await cdp.send('Performance.getMetrics');
      const get = (n: string) => (m.find((x) => x.name === n)?.value ?? 0) * 1000;
      return {
        script: get('ScriptDuration'),
        layout: get('LayoutDuration'),
        style: get('RecalcStyleDuration'),
        task: get('TaskDuration'),
        devtools: get('DevToolsCommandDuration'),
      };
    };

    // PROFILE=1: a CPU profile over all seeks, top functions by self time (to find what a seek spends its time on).
    const profile = !!process.env.PROFILE;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    // ALLOC=1: a sampling heap profile over all seeks, top allocation sites by bytes (what makes the collector run).
    const alloc = !!process.env.ALLOC;
    if (alloc) {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    // Deterministic "random" positions across the whole trace.
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const script: number[] = [];
    const main: number[] = [];
    const task: number[] = [];
    const wall: number[] = [];
    // TRACE=file.json: a Chrome trace of the seeks (open it in DevTools' Performance panel or chrome://tracing).
    const trace = process.env.TRACE;
    const traceEvents: unknown[] = [];
    if (trace) {
      cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-devtools.timeline.frame',
            'v8.execute',
            'v8',
            'blink',
            'cc',
            'gpu',
            'toplevel',
            'disabled-by-default-v8.gc',
          ],
        },
      });
    }
    for (let i = 0; i < SEEKS; i++) {
      const pos = Math.floor(rand() * load.events);
      const m0 = await metrics();
      const ms = await page.evaluate(async (p) => {
        const h = (window as unknown as { __dtx: Handle }).__dtx;
        const t0 = performance.now();
        h.getState().seekPos(p);
        // Until the frame after the seek has rendered.
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const wall = performance.now() - t0;
        // Then until the work it left for later (the chart's native scroll offset, effects) is done too.
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return wall;
      }, pos);
      const m1 = await metrics();
      script.push(m1.script - m0.script);
      main.push(m1.script - m0.script + (m1.layout - m0.layout) + (m1.style - m0.style));
      // Every main-thread task (script, style, layout, paint, GC) but the DevTools commands that measure it.
      task.push(m1.task - m0.task - (m1.devtools - m0.devtools));
      wall.push(ms);
    }
    if (trace) {
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.end');
      await done;
      writeFileSync(trace, JSON.stringify({ traceEvents }));
      console.log(`trace of the seeks written to ${trace} (${traceEvents.length} events)`);
    }
    console.log(
      `\n${SEEKS} seeks in a ${load.events.toLocaleString('en-US')}-event trace (ms)      p50      p95      max`,
    );
    console.log(
      `script time (DevTools ScriptDuration)           ${f(pct(script, 50))} ${f(pct(script, 95))} ${f(Math.max(...script))}`,
    );
    console.log(
      `main thread (script + style + layout)           ${f(pct(main, 50))} ${f(pct(main, 95))} ${f(Math.max(...main))}`,
    );
    console.log(
      `main thread, every task (DevTools TaskDuration)  ${f(pct(task, 50))} ${f(pct(task, 95))} ${f(Math.max(...task))}`,
    );
    console.log(
      `wall, seek → next frame done                    ${f(pct(wall, 50))} ${f(pct(wall, 95))} ${f(Math.max(...wall))}`,
    );
    if (profile) {
      const { profile: prof } = await cdp.send('Profiler.stop');
      const self = new Map<string, number>();
      const byId = new Map(prof.nodes.map((n) => [n.id, n]));
      const deltas = prof.timeDeltas ?? [];
      let total = 0;
      (prof.samples ?? []).forEach((id, i) => {
        const cf = byId.get(id)?.callFrame;
        if (!cf || cf.functionName === '(idle)' || cf.functionName === '(program)') return;
        const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + deltas[i] / 1000);
        total += deltas[i] / 1000;
      });
      console.log(`\nbusy samples ${total.toFixed(0)} ms; top self time:`);
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
        console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
    }
    if (alloc) {
      interface HeapNode {
        callFrame: { functionName: string; url: string; lineNumber: number };
        selfSize: number;
        children: HeapNode[];
      }
      const { profile: hp } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
        profile: { head: HeapNode };
      };
      const bytes = new Map<string, number>();
      let total = 0;
      const walk = (n: HeapNode) => {
        const cf = n.callFrame;
        const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
        bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
        total += n.selfSize;
        n.children.forEach(walk);
      };
      walk(hp.head);
      console.log(`\nallocated during the seeks ~${(total / 2 ** 20).toFixed(1)} MB (sampled); top sites:`);
      for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 20))
        console.log(`${(v / 2 ** 20).toFixed(2).padStart(8)} MB  ${k}`);
    }
    const p95 = pct(script, 95);
    console.log(
      `${c.label} trace: seek script time p95 ${p95.toFixed(2)} ms (goal ≤ 16 ms) ${p95 <= 16 ? 'MET' : 'NOT MET'}`,
    );
  });
