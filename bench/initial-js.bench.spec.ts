/**
 * `npm run bench:initial-js`: the JavaScript the browser fetches before the first screen is interactive — every
 * script request from navigation until the app's controls respond (not index.html's script tag alone: the lazy
 * chunks the first render awaits count too), gzip-compressed as a static host would serve it. Goal ≤ 200 kB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const GOAL_KB = 200;

test('initial JavaScript', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto('/');
  // Interactive: the play button responds and the diagram has drawn its nodes.
  await expect(page.getByRole('button', { name: /play|播放/i }).first()).toBeEnabled({ timeout: 60_000 });
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  const before = new Set(scripts);
  let total = 0;
  const rows: [string, number][] = [];
  for (const path of [...before].sort()) {
    const file = join(process.cwd(), 'dist', decodeURIComponent(path.replace(/^\//, '')));
    const kb = gzipSync(readFileSync(file), { level: 9 }).length / 1024;
    rows.push([path, kb]);
    total += kb;
  }
  for (const [p, kb] of rows) console.log(`${kb.toFixed(1).padStart(7)} kB  ${p}`);
  console.log(
    `initial JavaScript: ${total.toFixed(1)} kB gzip in ${rows.length} scripts (goal ≤ ${GOAL_KB} kB) ${total <= GOAL_KB ? 'MET' : 'NOT MET'}`,
  );
});
