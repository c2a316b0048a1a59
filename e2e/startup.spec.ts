/**
 * The first load (issue 15: Lighthouse, total blocking time), as a person sees it: the address bar gets the default
 * scenario's link once the page is up, and the diagram draws every service and every link. What the page no longer
 * does at start: run the link reader (the schema, which imports every pattern) for a page opened without a link, or
 * run every other pattern's code — those are fetched, not run, and a pick still shows the picked pattern.
 */
import type { Page } from '@playwright/test';
import { choosePattern, expect, facts, openApp, test } from './fixtures';

/** The diagram's node ids and edge ids, and what the run says they should be (every service, every link used). */
async function drawnAndExpected(page: Page) {
  return page.evaluate(() => {
    type S = {
      result: { topology: { nodes: { id: string }[]; edges: { from: string; to: string }[] } };
      index: { links: Iterable<[string, string]> };
    };
    const s = (window as unknown as { __dtx: { getState(): S } }).__dtx.getState();
    const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const ids = new Set(s.result.topology.nodes.map((n) => n.id));
    const pairs = new Set<string>();
    for (const e of s.result.topology.edges)
      if (e.from !== e.to && ids.has(e.from) && ids.has(e.to)) pairs.add(pair(e.from, e.to));
    for (const [a, b] of s.index.links) if (a !== b && ids.has(a) && ids.has(b)) pairs.add(pair(a, b));
    const drawnEdges = [...document.querySelectorAll('.react-flow__edge')].filter(
      (e) => (e.querySelector('path')?.getAttribute('d') ?? '').length > 0,
    );
    return {
      nodes: [...document.querySelectorAll('.react-flow__node')].map((e) => e.getAttribute('data-id')).sort(),
      expectedNodes: [...ids].sort(),
      edges: drawnEdges.length,
      expectedEdges: pairs.size,
    };
  });
}

test('without a link the address bar gets the default link, the link reader and other patterns do not run at start, and a pick still works', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openApp(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
  await expect.poll(async () => (await drawnAndExpected(page)).nodes.length).toBeGreaterThan(0);
  const first = await drawnAndExpected(page);
  expect(first.nodes).toEqual(first.expectedNodes);
  expect(first.edges).toBe(first.expectedEdges);

  // The other patterns' code arrives once the page is idle (so a pick needs no network)…
  await expect.poll(() => requested.some((p) => /\/tcc-[\w-]+\.js$/.test(p)), { timeout: 20_000 }).toBe(true);
  // …but writing the address bar's link did not load the link reader: its schema imports every pattern to check a
  // link, and ran all their code in the first seconds.
  expect(requested.filter((p) => /\/schema-[\w-]+\.js$/.test(p))).toEqual([]);

  await choosePattern(page, /TCC/);
  await expect.poll(async () => (await facts(page)).pattern).toBe('tcc');
  await expect
    .poll(async () => {
      const d = await drawnAndExpected(page);
      return d.nodes.length > 0 && d.nodes.join() === d.expectedNodes.join() && d.edges === d.expectedEdges;
    })
    .toBe(true);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
});

test('a link opened at start is still read and shown (the reader loads when there is a link)', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /Saga/);
  await expect.poll(async () => (await facts(page)).pattern).toBe('saga');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
  const link = await page.evaluate(() => location.hash);
  await page.goto('/' + link);
  await page.reload();
  await expect(page.getByRole('slider', { name: 'Time cursor' })).toBeVisible();
  await expect.poll(async () => (await facts(page)).pattern).toBe('saga');
  await expect.poll(async () => (await drawnAndExpected(page)).nodes.length).toBeGreaterThan(0);
  const d = await drawnAndExpected(page);
  expect(d.nodes).toEqual(d.expectedNodes);
  expect(d.edges).toBe(d.expectedEdges);
});

test('the first screen is drawn once: diagram cards and links never change class after they appear, the sequence chart is drawn at its size, and every link gets its ⋯ button', async ({
  page,
}) => {
  // Every class change of a diagram card or link, and every size the sequence chart's drawing takes, from the start.
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __startLog: string[] }).__startLog = log;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (r.type !== 'attributes') continue;
        if (r.attributeName === 'class' && el.matches('.react-flow__node, .react-flow__edge'))
          log.push(`class ${r.oldValue} -> ${el.getAttribute('class')}`);
        if (r.attributeName === 'width' && el.matches('svg[role="group"]'))
          log.push(`chart width ${r.oldValue} -> ${el.getAttribute('width')}`);
      }
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['class', 'width'],
    });
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await expect.poll(async () => (await drawnAndExpected(page)).nodes.length).toBeGreaterThan(0);
  const seq = page.getByRole('region', { name: 'Message sequence' });
  await expect(seq.locator('svg[role="group"]')).toBeVisible();
  const d = await drawnAndExpected(page);
  await expect(page.getByRole('button', { name: /^Faults for messages on / })).toHaveCount(d.expectedEdges);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __startLog: string[] }).__startLog)).toEqual([]);
  // Drawn at the width of its area (not at a guess first).
  const [svgW, areaW] = await seq
    .locator('svg[role="group"]')
    .evaluate((svg) => [Number(svg.getAttribute('width')), svg.parentElement!.parentElement!.clientWidth]);
  expect(svgW).toBe(areaW);
});
