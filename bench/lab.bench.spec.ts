/**
 * `npm run bench:lab` (its Chromium half): the Node sweep of bench/lab.bench.ts run in the page, through the Compare
 * form as a person runs it — every registered pattern × RUNS (1,000) runs of 100 transactions, "flaky" faults — in
 * the page's Web Workers. Prints its time beside the Node time (bench/out/lab-node.json; goal: within 1.5×) and the
 * main thread's longest task while it runs (PerformanceObserver 'longtask'; goal < 50 ms). Then (c) one pattern ×
 * AGG_RUNS (20,000) short runs, so that aggregation has 20k runs to fold: its longest main-thread task (goal < 50 ms).
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const RUNS = process.env.RUNS ?? '1000';
const AGG_RUNS = process.env.AGG_RUNS ?? '20000';

async function sweep(page: Page, opts: { transactions: string; runs: string; only?: number }) {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/#lab');
  const form = page.getByRole('form', { name: 'Comparison settings' });
  await form.getByLabel('Preset').selectOption({ label: 'Flaky' });
  await form.getByLabel('Transactions per run').fill(opts.transactions);
  await form.getByLabel('Seeded runs per pattern').fill(opts.runs);
  if (opts.only !== undefined) {
    const boxes = await form.getByRole('group', { name: 'Patterns' }).getByRole('checkbox').all();
    for (const [i, b] of boxes.entries()) if (i !== opts.only) await b.uncheck();
  }
  await page.waitForTimeout(500);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 14 * 60_000 });
  const t1 = await page.evaluate(() => performance.now());
  const text =
    (await page
      .getByRole('status')
      .filter({ hasText: /^Done:/ })
      .textContent()) ?? '';
  const long = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter(
        (x) => x.start >= a && x.start <= b,
      ),
    [t0, t1],
  );
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  return {
    seconds: Number(/in ([\d.]+) s/.exec(text)?.[1]),
    longest: long.reduce((m, x) => Math.max(m, x.duration), 0),
    over50: long.length,
    cores,
  };
}

test('the lab sweep in the page: time vs Node, longest main-thread task', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const r = await sweep(page, { transactions: '100', runs: RUNS });
  const node = existsSync('bench/out/lab-node.json')
    ? (JSON.parse(readFileSync('bench/out/lab-node.json', 'utf8')) as { runs: number; wall2: number })
    : null;
  console.log(`page: ${RUNS} runs per pattern in ${r.seconds} s (${r.cores} workers)`);
  if (node && String(node.runs) === RUNS) {
    const ratio = r.seconds / node.wall2;
    console.log(
      `node (2 workers): ${node.wall2.toFixed(2)} s → page / node = ${ratio.toFixed(2)} (goal ≤ 1.5) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}`,
    );
  } else console.log('no Node figure for this RUNS (run bench/lab.bench.ts first)');
  console.log(
    `longest main-thread task while it ran: ${r.longest.toFixed(0)} ms, ${r.over50} tasks > 50 ms (goal < 50 ms) ${r.longest < 50 ? 'MET' : 'NOT MET'}`,
  );
});

test('aggregating 20k runs: longest main-thread task', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const r = await sweep(page, { transactions: '5', runs: AGG_RUNS, only: 0 });
  console.log(
    `${AGG_RUNS} runs of one pattern in ${r.seconds} s: longest main-thread task ${r.longest.toFixed(0)} ms, ${r.over50} tasks > 50 ms (goal < 50 ms) ${r.longest < 50 ? 'MET' : 'NOT MET'}`,
  );
});
