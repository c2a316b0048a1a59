/**
 * Issue 15, exports: a person opens the Export menu in the header and downloads the diagram and the sequence chart
 * as PNG and SVG, the events as CSV, the trace and the scenario as JSON. The SVG must parse and hold every node and
 * every edge the diagram shows (html-to-image after 1.11.11 drops React Flow's edges), the PNGs have the promised
 * pixel size, the CSV one row per event, and the scenario file loads back through Import.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from '../src/ui/export/csv';
import { chooseScenario, expect, facts, openApp, stepTo, test } from './fixtures';

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('dialog', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: item }).click(),
  ]);
  await expect(menu).toBeHidden();
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Parse an SVG in the page (DOMParser, as an image viewer would) and count what React Flow drew. */
async function svgFacts(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const ids = (sel: string, attr: string) =>
      [...doc.querySelectorAll(sel)].map((e) => e.getAttribute(attr) ?? '').sort();
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      nodes: ids('.react-flow__node', 'data-id'),
      edges: ids('.react-flow__edge', 'data-id'),
      edgePaths: [...doc.querySelectorAll('.react-flow__edge path')].filter(
        (p) => (p.getAttribute('d') ?? '').length > 3,
      ).length,
      tokens: ids('.msg-token', 'data-msg'),
      text: doc.documentElement.textContent ?? '',
    };
  }, text);
}

test('export the diagram and the sequence chart as SVG and PNG: every node and edge, the promised size', async ({
  page,
}) => {
  await openApp(page);
  await chooseScenario(page, /S-2PC-2/);
  // Step until a message is on its way (its token is the diagram's arrow).
  await stepTo(page, 1);
  for (let i = 0; i < 30 && (await page.locator('.msg-token').count()) === 0; i++)
    await page.keyboard.press('ArrowRight');
  const onScreen = await page.evaluate(() => ({
    nodes: [...document.querySelectorAll('.react-flow__node')].map((e) => e.getAttribute('data-id') ?? '').sort(),
    edges: [...document.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id') ?? '').sort(),
    tokens: [...document.querySelectorAll('.msg-token')].map((e) => e.getAttribute('data-msg') ?? '').sort(),
  }));
  expect(onScreen.nodes.length).toBeGreaterThan(1);
  expect(onScreen.edges.length).toBeGreaterThan(0);
  expect(onScreen.tokens.length, 'messages in flight at the cursor').toBeGreaterThan(0);

  const svg = await exportFile(page, 'Diagram as SVG');
  expect(svg.name).toMatch(/^dtx-2pc-s-2pc-2-t\d+ms-diagram\.svg$/);
  const f = await svgFacts(page, svg.bytes.toString('utf8'));
  expect(f.error).toBeNull();
  expect(f.root).toBe('svg');
  expect(f.nodes).toEqual(onScreen.nodes);
  expect(f.edges).toEqual(onScreen.edges);
  expect(f.edgePaths).toBeGreaterThanOrEqual(onScreen.edges.length);
  // The links are undirected; a message's direction is its token, in flight at the cursor: the image has them too.
  expect(f.tokens).toEqual(onScreen.tokens);
  expect(f.text).toContain('Coordinator');

  const png = await exportFile(page, 'Diagram as PNG');
  expect(png.name).toMatch(/^dtx-2pc-s-2pc-2-t\d+ms-diagram\.png$/);
  expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 });

  const chart = page.getByRole('region', { name: 'Message sequence' });
  const box = await chart.evaluate((e) => ({ w: e.clientWidth, h: e.clientHeight }));
  const seqPng = await exportFile(page, 'Sequence chart as PNG');
  expect(seqPng.name).toMatch(/-sequence\.png$/);
  expect(pngSize(seqPng.bytes)).toEqual({ width: box.w * 2, height: box.h * 2 });

  const seqSvg = await exportFile(page, 'Sequence chart as SVG');
  const s = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      lines: doc.querySelectorAll('line').length,
      arrowheads: doc.querySelectorAll('polygon').length,
      text: doc.documentElement.textContent ?? '',
    };
  }, seqSvg.bytes.toString('utf8'));
  expect(s.error).toBeNull();
  expect(s.lines).toBeGreaterThan(3);
  expect(s.arrowheads, 'an arrowhead per message drawn').toBeGreaterThan(2);
  expect(s.text).toContain('EXEC');
  expect(s.text).toContain('P3');
});

test('export the events as CSV (one row per event), the trace as JSON, and the scenario file that Import reads', async ({
  page,
}) => {
  await openApp(page);
  await chooseScenario(page, /S-2PC-2/);
  const before = await facts(page);

  const csv = await exportFile(page, 'Events as CSV');
  expect(csv.name).toMatch(/^dtx-2pc-s-2pc-2-t\d+ms-events\.csv$/);
  const records = parseCsv(csv.bytes.toString('utf8').replace(/^\ufeff/, ''));
  expect(records[0].slice(0, 4)).toEqual(['seq', 't_ms', 'node', 'kind']);
  expect(records.length - 1).toBe(before.events);
  expect(records.slice(1).map((r) => Number(r[0]))).toEqual([...Array(before.events).keys()]);

  const trace = await exportFile(page, 'Trace as JSON');
  const doc = JSON.parse(trace.bytes.toString('utf8')) as { hash: string; events: unknown[] };
  expect(doc.hash).toBe(before.hash);
  expect(doc.events).toHaveLength(before.events);

  const file = await exportFile(page, 'Scenario file');
  expect(file.name).toMatch(/^dtx-2pc-s-2pc-2-t\d+ms-scenario\.json$/);
  // Another scenario on screen, then Import the exported file: the same run comes back.
  await chooseScenario(page, /S-2PC-1/);
  await expect.poll(async () => (await facts(page)).hash).not.toBe(before.hash);
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: file.bytes,
  });
  await expect.poll(async () => (await facts(page)).hash).toBe(before.hash);
});
