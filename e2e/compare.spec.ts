/**
 * The Compare view, as a person uses it: open it from the header, set up a small comparison, run it, read every
 * chart (and its numbers), export the CSV, cancel a long run midway, and open an anomalous run from a chart in the
 * animated view at the moment it went wrong.
 *
 * COMPARE_PATTERNS (comma-separated display names to keep, e.g. "Two-phase commit") narrows the patterns; by default
 * every registered pattern runs, as the view's default is.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { patterns } from '../src/patterns/registry';
import { expect, openApp, test } from './fixtures';

const keep = process.env.COMPARE_PATTERNS?.split(',').map((s) => s.trim());

const CHARTS = [
  'Latency per pattern (p50 / p95 / p99)',
  'Latency distribution (CDF)',
  'Outcome mix',
  'Lock / reservation hold per transaction',
  'Throughput lost to blocking under contention',
  'Messages per transaction, by type',
  'Inconsistency window and runs that never converged',
];

async function openCompare(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Compare patterns' })).toBeVisible();
  // The animated view's "Watch:" line (about its pattern) is not shown over the comparison.
  await expect(page.getByText('Watch:')).toHaveCount(0);
}

async function setUp(page: Page, opts: { transactions: string; runs: string; preset: string }) {
  const form = page.getByRole('form', { name: 'Comparison settings' });
  const boxes = form.getByRole('group', { name: 'Patterns' }).getByRole('checkbox');
  // Every registered pattern is chosen by default.
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  if (keep) {
    for (const box of await boxes.all()) {
      const label = (await box.evaluate((el) => el.parentElement?.textContent)) ?? '';
      if (!keep.some((k) => label.includes(k))) await box.uncheck();
    }
  }
  await form.getByLabel('Transactions per run').fill(opts.transactions);
  await form.getByLabel('Seeded runs per pattern').fill(opts.runs);
  await form.getByLabel('Preset').selectOption({ label: opts.preset });
  return (await boxes.all()).length;
}

async function chosenCount(page: Page) {
  return page.getByRole('group', { name: 'Patterns' }).getByRole('checkbox', { checked: true }).count();
}

async function runToEnd(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 90_000 });
}

test('run a small comparison: every chart has data, its numbers as a table, CSV export, the link keeps it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openCompare(page);
  await setUp(page, { transactions: '4', runs: '6', preset: 'Bad day' });
  const patterns = await chosenCount(page);

  // A bad value is named and blocks the run.
  const runs = page.getByLabel('Seeded runs per pattern');
  await runs.fill('six');
  await expect(page.getByText('Seeded runs per pattern: must be a number')).toBeVisible();
  await expect(runs).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await runs.fill('6');

  await runToEnd(page);
  const bar = page.getByRole('progressbar', { name: 'Comparison progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', String(patterns * 6));
  await expect(bar).toHaveAttribute('aria-valuemax', String(patterns * 6));

  for (const title of CHARTS) {
    const card = page.getByRole('region', { name: title });
    await expect(card).toBeVisible();
    // A chart is drawn when it scrolls into view (a person scrolls down to it).
    await card.scrollIntoViewIfNeeded();
    const marks = card.locator('.recharts-bar-rectangle path, .recharts-line-curve');
    await expect(marks.first()).toBeVisible();
    await card.getByRole('button', { name: 'Numbers' }).click();
    // Header row + one row per pattern.
    await expect(card.getByRole('table').getByRole('row')).toHaveCount(patterns + 1);
  }
  // Messages: each pattern's bar is its own types (no legend of every type of every pattern); its numbers row lists
  // them, and the bar ends with the pattern's total.
  const messages = page.getByRole('region', { name: 'Messages per transaction, by type' });
  await expect(messages.locator('.recharts-legend-item')).toHaveCount(0);
  const firstRow = messages.getByRole('table').getByRole('row').nth(1);
  const total = (await firstRow.getByRole('cell').first().textContent()) ?? '';
  expect(Number(total)).toBeGreaterThan(0);
  await expect(firstRow.getByRole('cell').nth(1)).toHaveText(/^[A-Z_]+ [\d.]+( · [A-Z_]+ [\d.]+)*$/);
  await expect(messages.getByRole('img').getByText(total, { exact: true })).toBeVisible();
  const pros = page.getByRole('region', { name: 'Pros and cons, measured' });
  await pros.scrollIntoViewIfNeeded();
  await expect(pros.getByRole('row')).toHaveCount(patterns + 1);

  // Every pattern's name is on the x axis (at 1280 px: wrapped in a full-width chart, tilted in a half-width one),
  // none skipped for want of room. A name's words may wrap onto lines, so compare without the spaces.
  const chosen = page.getByRole('group', { name: 'Patterns' }).getByRole('checkbox', { checked: true });
  const names: string[] = [];
  for (const box of await chosen.all())
    names.push(((await box.evaluate((el) => el.parentElement?.textContent)) ?? '').replace(/\s*[（(].*$/, ''));
  const squeeze = (xs: string[]) => xs.map((x) => x.replace(/\s+/g, ''));
  for (const title of ['Latency per pattern (p50 / p95 / p99)', 'Throughput lost to blocking under contention']) {
    const card = page.getByRole('region', { name: title });
    await card.scrollIntoViewIfNeeded();
    const ticks = card.locator('.recharts-xAxis-tick-labels').first().locator('.recharts-cartesian-axis-tick-label');
    await expect(ticks.first()).toBeVisible();
    expect(squeeze(await ticks.allTextContents()), title).toEqual(squeeze(names));
  }

  // CSV: a header and one row per pattern, with the runs it ran.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe('dtx-lab-compare.csv');
  const lines = readFileSync((await csvDownload.path())!, 'utf8')
    .trim()
    .split('\n');
  const head = lines[0].split(',');
  expect(head.slice(0, 5)).toEqual(['pattern', 'point', 'runs', 'transactions', 'latency_p50_ms']);
  expect(lines).toHaveLength(patterns + 1);
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    expect(cells).toHaveLength(head.length);
    expect(cells[2]).toBe('6');
    expect(Number(cells[head.indexOf('committed_rate')])).toBeGreaterThanOrEqual(0);
  }

  // A chart as SVG: a standalone SVG document, with its title and its legend (drawn as HTML on the page).
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download “Outcome mix” as SVG' }).click(),
  ]);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const legend of ['Committed', 'Aborted / compensated', 'Blocked', 'Inconsistent, then repaired'])
    expect(svg, `legend "${legend}" in the SVG`).toContain(`>${legend}</text>`);
  expect(svg).toContain('>Outcome mix</text>');
  // A card with two charts exports both, each legend included.
  const [twoDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download “Inconsistency window and runs that never converged” as SVG' }).click(),
  ]);
  const two = readFileSync((await twoDownload.path())!, 'utf8');
  expect(two.match(/class="recharts-surface"/g)?.length).toBeGreaterThanOrEqual(2);
  for (const legend of ['Window (ms) p50', 'Runs inconsistent (%)', 'Never converged (%)'])
    expect(two).toContain(`>${legend}</text>`);
  // And as PNG: a PNG image of the card at 2×.
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download “Outcome mix” as PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('dtx-lab-outcomes.png');
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(600); // width in px (the card at 2×)

  // The address carries the comparison: a reload shows the same settings.
  expect(page.url()).toMatch(/#lab=1\./);
  await page.reload();
  await expect(page.getByLabel('Seeded runs per pattern')).toHaveValue('6');
  await expect(page.getByLabel('Transactions per run')).toHaveValue('4');
  await expect(page.getByLabel('Preset')).toHaveValue('bad-day');
});

test('cancel a run midway: every worker stops, the partial result stays', async ({ page }) => {
  test.setTimeout(120_000);
  await openCompare(page);
  await setUp(page, { transactions: '6', runs: '20000', preset: 'Flaky' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'Comparison progress' });
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 45_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Cancelled after/ })).toBeVisible();
  const stopped = Number(await bar.getAttribute('aria-valuenow'));
  expect(stopped).toBeLessThan(Number(await bar.getAttribute('aria-valuemax')));
  await page.waitForTimeout(800);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(stopped);
  // The runs that finished are charted; Run works again.
  await expect(page.getByRole('region', { name: 'Outcome mix' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('open an anomalous run from a chart: the animated view at its breaking event', async ({ page }) => {
  test.setTimeout(120_000);
  await openCompare(page);
  await setUp(page, { transactions: '6', runs: '20', preset: 'Bad day' });
  await runToEnd(page);

  // Click the first bar of the outcome mix: its anomalous runs are listed.
  const mix = page.getByRole('region', { name: 'Outcome mix' });
  await mix.scrollIntoViewIfNeeded();
  await mix.locator('.recharts-bar-rectangle path').first().click();
  const list = page.getByRole('region', { name: /^Anomalous runs/ });
  await expect(list).toBeVisible();
  const wrong = page.getByRole('button', { name: /^Open the (blocked|inconsistent|never converged) run of/ });
  const row = list
    .getByRole('listitem')
    .filter({ has: wrong, hasText: /went wrong at \d+ ms/ })
    .first();
  await expect(row).toBeVisible();
  const open = row.getByRole('button');
  const text = (await row.textContent()) ?? '';
  const at = Number(/went wrong at (\d+) ms/.exec(text)?.[1]);
  const seed = Number(/seed (\d+)/.exec(text)?.[1]);
  expect(Number.isFinite(at) && at > 0).toBe(true);

  await open.click();
  await expect(page.getByRole('heading', { name: 'Compare patterns' })).toBeHidden();
  await expect(page.getByRole('slider', { name: 'Time cursor' })).toBeVisible();
  await expect(page.getByText('Watch:')).toBeVisible();
  expect(page.url()).toMatch(/#s=1\./);
  const read = () =>
    page.evaluate(() => {
      type S = {
        cursor: { pos: number; t: number };
        scenario: { seed: number };
        result: { scenario: { seed: number }; invariants: { firstBreak: number | null }[] } | null;
      };
      const s = (window as unknown as { __dtx: { getState(): S } }).__dtx.getState();
      return {
        t: s.cursor.t,
        pos: s.cursor.pos,
        seed: s.scenario.seed,
        resultSeed: s.result?.scenario.seed ?? null,
        breaks: (s.result?.invariants ?? []).map((i) => i.firstBreak).filter((x) => x !== null),
      };
    });
  // The opened run is simulated in slices: wait until the result on screen is that run's.
  await expect.poll(async () => (await read()).resultSeed, { timeout: 30_000 }).toBe(seed);
  const facts = await read();
  expect(facts.seed).toBe(seed);
  expect(facts.t).toBe(at);
  expect(facts.pos).toBeGreaterThan(0);
  // The cursor sits on the run's first breaking event.
  expect(facts.breaks).toContain(at);
});

test('the charts are drawn before Run (empty, saying so), keep their drawing through a run and a language switch', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openCompare(page);
  await setUp(page, { transactions: '4', runs: '4', preset: 'Flaky' });
  const latency = page.getByRole('region', { name: 'Latency per pattern (p50 / p95 / p99)' });
  const mix = page.getByRole('region', { name: 'Outcome mix' });
  // Before any run every chart is there, drawn empty, with a note instead of figures (on screen or not: they are
  // drawn while the page is idle, so a run only updates them).
  for (const title of CHARTS) {
    const card = page.getByRole('region', { name: title });
    await expect(card.locator('svg.recharts-surface').first()).toBeAttached();
    await expect(card.getByText('No figures yet: press Run')).toBeAttached();
    await expect(card.locator('.recharts-bar-rectangle path, .recharts-line-curve')).toHaveCount(0);
  }
  // Mark the charts' drawings, to see they are updated, not drawn afresh.
  const mark = (card: typeof latency) =>
    card
      .locator('svg.recharts-surface')
      .first()
      .evaluate((el) => el.setAttribute('data-before-run', ''));
  await mark(latency);
  await mark(mix);

  await runToEnd(page);
  await expect(latency.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(latency.getByText('No figures yet: press Run')).toHaveCount(0);
  await mix.scrollIntoViewIfNeeded();
  await expect(mix.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  for (const card of [latency, mix]) await expect(card.locator('svg[data-before-run]')).toHaveCount(1);
  // A chart far off screen takes the figures when it comes near the screen; until then it says they are coming,
  // not that there are none.
  const last = page.getByRole('region', { name: 'Inconsistency window and runs that never converged' });
  expect(await last.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(720 + 400);
  await expect(last.getByText('The figures are on their way…')).toBeAttached();
  await expect(last.getByText('No figures yet: press Run')).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(last.getByText('The figures are on their way…')).toHaveCount(0);

  // Another language: the charts are redrawn in it (one at a time), still from the same drawing and figures.
  const bars = await mix.locator('.recharts-bar-rectangle path').count();
  await page.getByRole('button', { name: '中文' }).click();
  const mixZh = page.getByRole('region', { name: '结果构成' });
  await expect(mixZh).toBeVisible();
  await expect(mixZh.locator('.recharts-legend-item-text', { hasText: /^已提交$/ })).toBeVisible();
  await expect(mixZh.locator('.recharts-legend-item-text', { hasText: /^Committed$/ })).toHaveCount(0);
  await expect(mixZh.locator('.recharts-bar-rectangle path')).toHaveCount(bars);
  await expect(mixZh.locator('svg[data-before-run]')).toHaveCount(1);
});

test('a sweep chart is drawn as soon as the form has a sweep, before the run that fills it', async ({ page }) => {
  test.setTimeout(120_000);
  await openCompare(page);
  await setUp(page, { transactions: '3', runs: '3', preset: 'Flaky' });
  // A first comparison without a sweep, then one with: its chart is there (empty) before the second run.
  await runToEnd(page);
  const form = page.getByRole('form', { name: 'Comparison settings' });
  await form.getByLabel('Sweep', { exact: true }).selectOption({ label: 'Message loss' });
  await form.getByLabel('Sweep values (comma-separated)').fill('0, 0.2');
  const chart = page.getByRole('region', { name: 'Mean latency against Message loss' });
  await expect(chart.locator('svg.recharts-surface').first()).toBeAttached();
  await expect(chart.getByText('No figures yet: press Run')).toBeVisible();
  await chart
    .locator('svg.recharts-surface')
    .first()
    .evaluate((el) => el.setAttribute('data-before-run', ''));
  await runToEnd(page);
  // One line per pattern, a point per sweep value, in the drawing that was there before the run.
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(await chosenCount(page));
  await expect(chart.getByText('No figures yet: press Run')).toHaveCount(0);
  await expect(chart.locator('svg[data-before-run]')).toHaveCount(1);
  // With the results, a picker chooses which sweep point the other charts show: the first, then the second.
  const shown = page.getByLabel('Message loss shown');
  await expect(shown).toHaveValue('0');
  await expect(shown.getByRole('option')).toHaveText(['0 %', '20 %']);
  await shown.selectOption({ label: '20 %' });
  await expect(shown).toHaveValue('1');
});

test('on the Compare view the header keeps only what applies to it, and Copy link copies the comparison', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openCompare(page);
  const header = page.locator('header');
  // The animated view's pickers, guards, parameters, tour, export and import are not shown over the comparison.
  await expect(header.getByRole('combobox')).toHaveCount(0);
  for (const name of [/^Guards/, /^Parameters/, /^Tour/, /^Export/, /^Import/]) {
    await expect(header.getByRole('button', { name })).toHaveCount(0);
  }
  // The link is the comparison's own address (its config), not the animated view's scenario.
  await page.getByLabel('Transactions per run').fill('7');
  await expect(page).toHaveURL(/#lab=/);
  await header.getByRole('button', { name: 'Copy link' }).click();
  await expect(header.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  // Back in the animated view, its controls are there again.
  await page.getByRole('button', { name: 'Back to the animated view' }).click();
  await expect(header.getByRole('combobox', { name: 'Pattern' })).toBeVisible();
  await expect(header.getByRole('button', { name: /^Export/ })).toBeVisible();
});

test('Compare opened right after a language switch: every pattern to choose, its own address, the switch kept', async ({
  page,
}) => {
  await openApp(page);
  // The switch's scenario link is written 300 ms after it (WRITE_DELAY_MS in src/ui/hooks/useUrlSync.ts, a module
  // this Node-side file cannot import: it reads Vite's import.meta.glob); Compare is opened before that. The late write used
  // to replace the #lab address with the scenario link: the view opened with no pattern to choose and the form
  // refused to run ("模式：至少选择一个模式").
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '对比', exact: true }).click();
  await expect(page.getByRole('heading', { name: '模式对比' })).toBeVisible();
  const boxes = page.getByRole('group', { name: '模式' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(patterns.length);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  // Past the moment the late write came, the address is still the comparison's and the form still whole.
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(/#lab/);
  await expect(boxes).toHaveCount(patterns.length);
  await expect(page.getByRole('button', { name: '运行', exact: true })).toBeEnabled();
  // The write went into the entry it belonged to: Back shows the animated view, its link in Chinese.
  await page.goBack();
  await expect(page).toHaveURL(/#s=.*&lang=zh/);
  await expect(page.getByRole('combobox', { name: '模式' })).toBeVisible();
});
