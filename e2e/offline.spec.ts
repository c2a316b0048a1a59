/**
 * Issue 15, "a static site that works anywhere": after a first visit the built site works with the network cut —
 * the service worker (vite-plugin-pwa, Workbox) precached the whole build, lazy chunks and the other language
 * included. A person opens the app once, loses the network, reloads, picks another pattern, plays it to the end and
 * switches to Chinese.
 */
import { choosePattern, expect, facts, goToEnd, openApp, scrubber, test } from './fixtures';

// The other specs block service workers (playwright.config.ts); this one is about them.
test.use({ serviceWorkers: 'allow' });

test('after the first visit the app loads, runs a scenario and switches language with the network cut', async ({
  page,
  context,
}) => {
  await openApp(page);
  // The first visit installs the worker; it precaches the build and then controls the page (clientsClaim).
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
    timeout: 30_000,
  });

  await context.setOffline(true);
  await page.reload();
  await expect(scrubber(page)).toBeVisible();
  await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  // Run another pattern to its end: the engine, the patterns and the views all came from the cache.
  await choosePattern(page, /TCC/);
  await goToEnd(page);
  const f = await facts(page);
  expect(f.pattern).toBe('tcc');
  expect(f.events).toBeGreaterThan(10);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();

  // The Chinese strings are a lazy chunk: served by the worker too.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('slider', { name: '时间游标' })).toBeVisible();
  await expect(page.getByRole('button', { name: '跳到结尾' })).toBeVisible();
  await context.setOffline(false);
});
