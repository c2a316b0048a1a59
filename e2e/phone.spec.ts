/**
 * A deep link opened on a phone (412 × 823, the size Lighthouse's mobile run uses): the panes stack and the page
 * scrolls, nothing runs past the screen's right edge, and the run plays from the timeline as on a desktop.
 */
import { expect, invariants, openApp, scrubber, test, timeline } from './fixtures';

test.use({ viewport: { width: 412, height: 823 } });

test('on a phone the panes stack, nothing runs past the right edge, and the run plays', async ({ page }) => {
  await openApp(page);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(412);
  // Every header button is on screen (none cut off at the right edge).
  for (const name of ['Compare', 'Export', 'Import', 'Copy link', 'Keyboard shortcuts']) {
    const b = await page.getByRole('button', { name, exact: true }).boundingBox();
    expect(b && b.x + b.width, name).toBeLessThanOrEqual(412);
  }
  // The panels below the first screen are drawn when someone scrolls near them, not while the page starts.
  await expect(page.getByRole('region', { name: 'Message sequence' })).toBeVisible();
  await expect(invariants(page)).toHaveCount(0);
  await page.mouse.move(200, 400);
  await page.mouse.wheel(0, 3000);
  await expect(invariants(page)).toBeVisible();
  // Diagram, then sequence chart, then timeline, then the panels, each below the one before, each full width.
  const boxes = [];
  for (const region of [
    page.getByRole('region', { name: 'Topology' }),
    page.getByRole('region', { name: 'Message sequence' }),
    timeline(page),
    invariants(page),
  ]) {
    await region.scrollIntoViewIfNeeded();
    await expect(region).toBeVisible();
    const b = await region.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, width: r.width };
    });
    boxes.push(b);
  }
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom - 1);
  for (const b of boxes.slice(0, 2)) expect(b.width).toBeGreaterThan(380);
  // The run plays from the timeline.
  await timeline(page).getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await scrubber(page).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(await width()).toBeLessThanOrEqual(412);
});

test('on a phone the Compare view shows alone (the animated view does not stack above it)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Compare patterns' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Topology' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
});

for (const lang of ['en', 'zh-CN']) {
  test(`on a phone (${lang}) the header's buttons take four rows with the pattern's whole name, and the first paint's header is as tall as the app's`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: lang });
    const page = await context.newPage();
    const header = () =>
      page.evaluate(() => {
        const bar = document.querySelector('header > div')!;
        const tops = [...bar.querySelectorAll('.hbtn, .hselect')].map((el) =>
          Math.round(el.getBoundingClientRect().top),
        );
        // A row: controls whose tops are within a few px (a select sits a px or two off a button).
        const rows = [...new Set(tops)].sort((a, b) => a - b).filter((t, i, s) => i === 0 || t - s[i - 1] > 8);
        return { rows: rows.length, height: Math.round(bar.getBoundingClientRect().height) };
      });
    // The first paint alone: the app's script never arrives, the page's static copy of the view stays.
    await page.route(/\/assets\/.*\.js$/, (r) => r.abort());
    await page.goto('/');
    await expect(page.getByRole('status')).toBeAttached();
    const first = await header();
    await page.unroute(/\/assets\/.*\.js$/);
    // The app, in the context's language (its time cursor is named in it).
    await page.goto('/');
    await expect(page.getByRole('slider').first()).toBeVisible();
    await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx);
    const app = await header();
    // Five rows in English (at 390 and 412 px) before the header's groups gave up their boxes on a phone.
    expect(app.rows).toBeLessThanOrEqual(4);
    // The pattern's whole name is shown (in Chinese it used to share the first row with the scenario and be cut).
    const cut = await page
      .locator('header select')
      .first()
      .evaluate((el: HTMLElement) => {
        const w = el.getBoundingClientRect().width;
        el.style.minWidth = 'max-content';
        const full = el.getBoundingClientRect().width;
        el.style.minWidth = '';
        return full - w;
      });
    expect(cut, 'px of the pattern name cut off').toBeLessThanOrEqual(1);
    expect(
      Math.abs(first.height - app.height),
      `first paint ${first.height} px, app ${app.height} px`,
    ).toBeLessThanOrEqual(1);
    await context.close();
  });
}
