/**
 * `npm run bench:seek`: seeking the cursor in a ≥ 100,000-event trace must render within one frame (≤ 16 ms of
 * script time). Loads a long 2PC run into the app through its test handle (window.__dtx), seeks to 50 random
 * positions, and measures each seek until the next frame has run: main-thread script time from the DevTools
 * protocol (Performance.getMetrics ScriptDuration, plus layout and style), and wall time.
 *
 * The run: S-2PC-2 (coordinator crashed after logging COMMIT) with 5 participants that stay in doubt for 33 minutes
 * of virtual time, asking every 50 ms. Many transactions would be the other way to a long trace, but the 2PC
 * reducers copy per-transaction records on every step (quadratic in the number of transactions, and txCount ≤ 20).
 */
import { readFileSync } from 'node:fs';
import { test } from '@playwright/test';
import type { Scenario } from '../src/engine/types';

const SEEKS = Number(process.env.SEEKS ?? 50);
const MIN_EVENTS = 100_000;

interface Handle {
  getState(): {
    loadScenario(s: Scenario): boolean;
    seekPos(pos: number): void;
    result: { events: unknown[] };
    cursor: { pos: number; t: number };
  };
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

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x: number) => x.toFixed(2).padStart(8);

test('seek in a 100k-event trace', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx, null, { timeout: 60_000 });
  const scenario = longScenario();
  const load = await page.evaluate((s) => {
    const h = (window as unknown as { __dtx: Handle }).__dtx;
    const t0 = performance.now();
    const ok = h.getState().loadScenario(s);
    return { ok, ms: performance.now() - t0, events: h.getState().result.events.length };
  }, scenario);
  if (!load.ok) throw new Error('the app refused the scenario');
  console.log(`loaded ${load.events.toLocaleString('en-US')} events in ${load.ms.toFixed(0)} ms (simulate + index)`);
  if (load.events < MIN_EVENTS) throw new Error(`trace has only ${load.events} events (< ${MIN_EVENTS})`);
  // Let the first render of the new trace settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => {
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => (m.find((x) => x.name === n)?.value ?? 0) * 1000;
    return { script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
  };

  // PROFILE=1: a CPU profile over all seeks, top functions by self time (to find what a seek spends its time on).
  const profile = !!process.env.PROFILE;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  // Deterministic "random" positions across the whole trace.
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const script: number[] = [];
  const main: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const pos = Math.floor(rand() * load.events);
    const m0 = await metrics();
    const ms = await page.evaluate(async (p) => {
      const h = (window as unknown as { __dtx: Handle }).__dtx;
      const t0 = performance.now();
      h.getState().seekPos(p);
      // Until the frame after the seek has rendered.
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, pos);
    const m1 = await metrics();
    script.push(m1.script - m0.script);
    main.push(m1.script - m0.script + (m1.layout - m0.layout) + (m1.style - m0.style));
    wall.push(ms);
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
  const p95 = pct(script, 95);
  console.log(`seek script time p95 ${p95.toFixed(2)} ms (goal ≤ 16 ms) ${p95 <= 16 ? 'MET' : 'NOT MET'}`);
});
