/**
 * Issue 13, "a screen a room can read": what a presenter does in front of a room — plays a run to its end, picks a
 * scenario and then drives playback with a clicker (Space, arrows, PageUp/PageDown, "."), switches to presentation
 * mode, reads which invariant broke — in both languages and at projector sizes.
 */
import type { Page } from '@playwright/test';
import {
  choosePattern,
  chooseScenario,
  cursorPos,
  expect,
  facts,
  goToEnd,
  invariant,
  invariants,
  openApp,
  pick,
  scrubber,
  stepTo,
  test,
  timeline,
} from './fixtures';

const playButton = (page: Page) => timeline(page).getByRole('button', { name: 'Play', exact: true });
const pauseButton = (page: Page) => timeline(page).getByRole('button', { name: 'Pause', exact: true });

test('playback skips the idle tail after the last event: S-2PC-2 stops about when its last event is shown', async ({
  page,
}) => {
  await openApp(page);
  await chooseScenario(page, /S-2PC-2/);
  const n = Number(await scrubber(page).getAttribute('aria-valuemax'));
  // Just before the last event, at the speed the app chose (0.05×: the 1.6 s tail used to take 34 s).
  await timeline(page).getByRole('button', { name: 'Go to end' }).click();
  await timeline(page).getByRole('button', { name: 'Step back one event' }).click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(n - 1));
  await playButton(page).click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(n), { timeout: 5000 });
  const reachedLast = Date.now();
  // The button says Play again within a second or two of the last event, and the clock shows the run's end.
  await expect(playButton(page)).toBeVisible({ timeout: 2500 });
  expect(Date.now() - reachedLast).toBeLessThan(2500);
  await expect(timeline(page).getByRole('status', { name: 'Virtual time' })).toHaveText('t = 15.0 s');

  // With "skip idle gaps" off the tail plays at the chosen speed, as asked.
  await timeline(page).getByRole('checkbox', { name: 'Skip idle gaps' }).uncheck();
  await timeline(page).getByRole('button', { name: 'Step back one event' }).click();
  await playButton(page).click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(n), { timeout: 5000 });
  await page.waitForTimeout(1500);
  await expect(pauseButton(page)).toBeVisible();
});

test('clicker keys drive playback after choosing a scenario with the keyboard (→, PageDown, Space, ".")', async ({
  page,
}) => {
  await openApp(page);
  const scenario = page.getByRole('combobox', { name: 'Scenario' });
  await chooseScenario(page, /Happy path/);
  // A keyboard user moves into the picker and chooses with ↑/↓ (a native select changes on each arrow).
  await scenario.focus();
  await page.keyboard.press('ArrowDown');
  await expect(scenario).toHaveValue('s-2pc-abort');
  await page.keyboard.press('ArrowUp');
  await expect(scenario).toHaveValue('s-2pc-happy');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');

  // Focus is still in the picker; the clicker's keys move playback, not the selection.
  await page.keyboard.press('ArrowRight');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('PageDown');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '2');
  await page.keyboard.press('PageUp');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('ArrowLeft');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await page.keyboard.press('.');
  await expect(playButton(page)).toBeVisible();
  await expect(scenario).toHaveValue('s-2pc-happy');
  expect((await facts(page)).scenarioName).toBe('s-2pc-happy');

  // TCC: PageDown after choosing the empty rollback used to select the next scenario (tcc-tm-crash).
  await choosePattern(page, /TCC/);
  await scenario.focus();
  await chooseScenario(page, /empty rollback/i);
  await expect(scenario).toHaveValue('tcc-empty-rollback');
  await page.keyboard.press('PageDown');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '1');
  await expect(scenario).toHaveValue('tcc-empty-rollback');
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(playButton(page)).toBeVisible();
});

test('with Speed focused, → steps one event instead of changing the speed', async ({ page }) => {
  await openApp(page);
  const speed = timeline(page).getByRole('combobox', { name: 'Speed' });
  await speed.focus();
  await speed.selectOption('1');
  await expect(speed).toHaveValue('1');
  await page.keyboard.press('ArrowRight');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '1');
  await expect(speed).toHaveValue('1');
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(playButton(page)).toBeVisible();
  await expect(speed).toHaveValue('1');
});

test('after clicking "Go to start", Space plays instead of pressing the button again; Tab + Space still presses', async ({
  page,
}) => {
  await openApp(page);
  await stepForward(page, 3);
  const start = timeline(page).getByRole('button', { name: 'Go to start' });
  await start.click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(start).toBeFocused();
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await expect.poll(() => cursorPos(page)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(playButton(page)).toBeVisible();

  // A keyboard user who tabs to a button still presses it with Space.
  await start.click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(start).toBeFocused();
  await stepForwardByKey(page, 2);
  await page.keyboard.press('Space');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(playButton(page)).toBeVisible();

  // Fields being typed in keep their keys.
  const at = page.getByRole('textbox', { name: 'Time (ms)' });
  await at.fill('12');
  await at.press('ArrowLeft');
  await at.press('Space');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(playButton(page)).toBeVisible();
});

async function stepForward(page: Page, k: number) {
  for (let i = 0; i < k; i++) await timeline(page).getByRole('button', { name: 'Step forward one event' }).click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(k));
}

async function stepForwardByKey(page: Page, k: number) {
  const from = await cursorPos(page);
  for (let i = 0; i < k; i++) await page.keyboard.press('ArrowRight');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(from + k));
}

test('at 1280×720 the broken invariant of the Saga dirty read is on screen, first, with a count in the header', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /^Saga/);
  await chooseScenario(page, /Dirty read/);
  await goToEnd(page);
  const rows = invariants(page).getByRole('list').first().getByRole('listitem');
  await expect(rows.first()).toContainText('No dirty read');
  await expect(rows.first()).toContainText('broken now');
  await expect(invariant(page, 'No dirty read')).toBeInViewport({ ratio: 0.5 });
  await expect(invariants(page).getByRole('heading', { name: /Invariants/ })).toContainText('1 broken');

  // Before the compensation nothing is broken: no count, the panel's own order.
  await stepTo(page, 1);
  await expect(invariants(page).getByRole('heading', { name: /Invariants/ })).not.toContainText('broken');
  await expect(rows.first()).toContainText('holds');

  // Chinese: the same count, the broken row first.
  await goToEnd(page);
  await page.getByRole('button', { name: '中文' }).click();
  const inv = page.getByRole('region', { name: '不变量' });
  await expect(inv.getByRole('heading', { name: /不变量/ })).toContainText('1 项被破坏');
  await expect(inv.getByRole('list').first().getByRole('listitem').first()).toContainText('当前被破坏');
  await expect(inv.getByRole('list').first().getByRole('listitem').first()).toBeInViewport({ ratio: 0.5 });
});

test('invariant wording: a closed window of inconsistency is a window, not an alarm; no row contradicts itself', async ({
  page,
}) => {
  // The default 2PC run (no faults): "consistent now" breaks while COMMIT messages are in flight, then holds again.
  await openApp(page);
  await goToEnd(page);
  const consistent = invariant(page, 'Consistent now');
  await expect(consistent).toContainText('holds');
  await expect(consistent).toContainText(/was broken from \d+ ms to \d+ ms/);
  await expect(consistent).not.toContainText(/broken now|first broken/);
  await expect(invariants(page).getByRole('listitem').filter({ hasText: 'broken now' })).toHaveCount(0);
  await expect(invariants(page).getByRole('heading', { name: /Invariants/ })).not.toContainText('broken');
  // No red alarm on the timeline, a window instead; it takes the cursor to where the window began.
  await expect(timeline(page).getByRole('button', { name: /broken at/ })).toHaveCount(0);
  const win = timeline(page).getByRole('button', { name: /Consistent now was broken from \d+ ms to \d+ ms/ });
  await expect(win).toHaveCount(1);
  await win.click();
  await expect(consistent).toContainText(/broken now\s*since \d+ ms/);
  await expect(invariants(page).getByRole('heading', { name: /Invariants/ })).toContainText('1 broken');

  // S-2PC-2: termination is broken now since the moment it became false; nothing claims a different first break.
  await chooseScenario(page, /S-2PC-2/);
  await goToEnd(page);
  const term = invariant(page, 'Termination');
  await expect(term).toContainText(/broken now\s*since 35 ms/);
  await expect(term).not.toContainText(/first broken|15\.0 s/);
  // Before the end it is only not yet decided.
  await stepTo(page, 40);
  await expect(term).toContainText('not yet decided');
  await expect(term).not.toContainText('broken');
});

const SCENARIO_ZH = '场景';
const strip = (page: Page) => page.getByRole('region', { name: 'Invariants at the cursor' });
const isFullscreen = (page: Page) => page.evaluate(() => !!document.fullscreenElement);

test('presentation mode: F goes full screen and keeps a verdict strip of what broke; Esc leaves', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /^Saga/);
  await chooseScenario(page, /Dirty read/);
  await goToEnd(page);
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => isFullscreen(page)).toBe(true);
  // The panels are hidden; the strip says which invariant is broken, since when, first.
  const panel = page.getByRole('region', { name: 'Invariants', exact: true });
  await expect(panel).toBeHidden();
  await expect(strip(page)).toBeInViewport();
  const first = strip(page).getByRole('listitem').first();
  await expect(first).toContainText(/No dirty read\s*broken now\s*since 730 ms/);
  const count = await strip(page).getByRole('listitem').count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(strip(page).getByRole('listitem').filter({ hasText: 'holds' })).toHaveCount(count - 1);
  // A verdict takes the cursor to where it broke.
  await first.getByRole('button').click();
  await expect.poll(() => cursorPos(page)).toBeLessThan(Number(await scrubber(page).getAttribute('aria-valuemax')));
  await expect(first).toContainText('broken now');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => isFullscreen(page)).toBe(false);
  await expect(strip(page)).toBeHidden();
  await expect(panel).toBeVisible();

  // The header button does the same.
  await page.getByRole('button', { name: 'Present' }).click();
  await expect.poll(() => isFullscreen(page)).toBe(true);
  await expect(strip(page)).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).click();
  await expect.poll(() => isFullscreen(page)).toBe(false);
  await expect(strip(page)).toBeHidden();
});

test('presentation mode where full screen is refused: it stays in the window, no error; Esc leaves', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
  });
  await openApp(page);
  await page.keyboard.press('f');
  await expect(strip(page)).toBeVisible();
  await page.waitForTimeout(300);
  expect(await isFullscreen(page)).toBe(false);
  await expect(strip(page)).toBeVisible();
  // In the window, Esc closes an open popover first; the next Esc leaves presentation mode. (In full screen the
  // browser's own Esc leaves full screen, and with it presentation mode.)
  const guards = page.getByRole('button', { name: 'Guards (safeguards)' });
  await guards.click();
  await expect(guards).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(guards).toHaveAttribute('aria-expanded', 'false');
  await expect(strip(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(strip(page)).toBeHidden();
});

/** Rendered size of every visible text: its font size × CSS zoom × the scale of transformed ancestors. */
async function textSizes(page: Page): Promise<{ px: number; text: string }[]> {
  return page.evaluate(() => {
    const out: { px: number; text: string }[] = [];
    const scaleOf = (el: Element) => {
      let s = 1;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const tr = getComputedStyle(e).transform;
        if (tr && tr !== 'none') {
          const m = new DOMMatrixReadOnly(tr);
          s *= Math.hypot(m.a, m.b);
        }
      }
      return s;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('.sr-only,option,script,style')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const onScreen = [...range.getClientRects()].some(
        (q) => q.width > 0 && q.height > 0 && q.right > 0 && q.bottom > 0 && q.left < innerWidth && q.top < innerHeight,
      );
      if (!onScreen || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const px =
        el instanceof SVGGraphicsElement
          ? size * (el.getScreenCTM()?.a ?? 1)
          : size * ((el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1) * scaleOf(el);
      out.push({ px: Math.round(px * 100) / 100, text: text.slice(0, 40) });
    }
    return out;
  });
}

for (const [w, h, min] of [
  [1280, 720, 16],
  [1920, 1080, 20],
] as const) {
  test(`presentation mode at ${w}×${h}: every visible text is at least ${min} px, in both languages`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page);
    for (const lang of ['EN', '中文']) {
      await page.getByRole('button', { name: lang, exact: true }).click();
      for (const scenario of [null, 'S-2PC-2'] as const) {
        const picker = page.getByRole('combobox', { name: lang === 'EN' ? 'Scenario' : SCENARIO_ZH });
        if (scenario) await pick(picker, new RegExp(scenario));
        const present = page.getByRole('button', { name: lang === 'EN' ? 'Present' : '演示', exact: true });
        await page.keyboard.press('p');
        await expect(present).toHaveAttribute('aria-pressed', 'true');
        // Messages in flight (tokens on the diagram, arrows on the chart), then the end (verdicts, locks).
        for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
        await expect.poll(async () => (await facts(page)).pos).toBe(8);
        // Polled: the diagram re-fits its view a frame or two after the layout changes.
        const check = async () => {
          expect((await textSizes(page)).length).toBeGreaterThan(40);
          await expect
            .poll(async () => (await textSizes(page)).filter((x) => x.px < min - 0.01), { timeout: 5000 })
            .toEqual([]);
        };
        await check();
        if (w < 1600) {
          // Narrow screens show the diagram and the sequence chart in turn.
          await page.getByRole('button', { name: lang === 'EN' ? 'Show the sequence chart' : '显示时序图' }).click();
          await check();
          await page.getByRole('button', { name: lang === 'EN' ? 'Show the diagram' : '显示拓扑图' }).click();
        }
        await page.keyboard.press('End');
        await check();
        await present.click();
        await expect(present).toHaveAttribute('aria-pressed', 'false');
      }
      await pick(
        page.getByRole('combobox', { name: lang === 'EN' ? 'Scenario' : SCENARIO_ZH }),
        /Default run|默认运行/,
      );
    }
  });
}

test('Chinese renders with a real font, not boxes (a CJK string is not as wide as the same number of tofu glyphs)', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: '中文', exact: true }).click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toContainText('分布式事务实验室');
  const widths = await title.evaluate((h1) => {
    const font = getComputedStyle(h1).font;
    const width = (text: string) => {
      const span = document.createElement('span');
      span.style.font = font;
      span.style.whiteSpace = 'pre';
      span.textContent = text;
      document.body.appendChild(span);
      const w = span.getBoundingClientRect().width;
      span.remove();
      return w;
    };
    // U+10FFFD and U+10FFFC are private-use code points no font draws: each renders as the missing-glyph box.
    return {
      cjk: width('分布式事务实验室'),
      tofu: width('\u{10FFFD}'.repeat(8)),
      tofu2: width('\u{10FFFC}'.repeat(8)),
    };
  });
  // The method sees boxes: two strings of boxes are equally wide.
  expect(Math.abs(widths.tofu - widths.tofu2)).toBeLessThan(0.5);
  // Chinese is drawn with glyphs of its own (with no CJK font it would be exactly as wide as the boxes).
  expect(Math.abs(widths.cjk - widths.tofu)).toBeGreaterThan(2);
});

test('a parameter out of range says its range once: "between 0 ms and 10000 ms (10.0 s)"', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Parameters' }).click();
  const gap = page.getByRole('spinbutton', { name: /Gap between transactions/ });
  await gap.fill('20000');
  await page.getByRole('button', { name: 'Apply' }).click();
  const msg = page.getByText(/Out of range/);
  await expect(msg).toContainText('between 0 ms and 10000 ms (10.0 s)');
  await expect(msg).not.toContainText('(0 ms)');
});

test('sequence-chart lane headers never break inside a word (中文 "Smith 的账户服务" at 1280×720)', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /^Saga/);
  await chooseScenario(page, /Dirty read/);
  await page.getByRole('button', { name: '中文', exact: true }).click();
  // The lane headers are outside the accessibility tree (the lifelines are reached from the diagram's nodes).
  const headers = page.locator('button[title$="服务"], button[title$="方"], button[title$="者"]');
  await expect(page.locator('button[title="Smith 的账户服务"]')).toBeVisible();
  expect(await headers.count()).toBeGreaterThanOrEqual(3);
  for (const h of await headers.all()) {
    // Where the browser wrapped the text: every line must start after a space (or be the first).
    const breaksInsideWords = await h.evaluate((el) => {
      const bad: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const s = n.textContent ?? '';
        let prevTop: number | null = null;
        for (let i = 0; i < s.length; i++) {
          if (/\s/.test(s[i])) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const top = r.getBoundingClientRect().top;
          if (prevTop !== null && top > prevTop + 2 && !/\s/.test(s[i - 1]))
            bad.push(`${s.slice(0, i)} / ${s.slice(i)}`);
          prevTop = top;
        }
      }
      return bad;
    });
    expect(breaksInsideWords).toEqual([]);
  }
});

test("presentation mode at 1920×1080 in Chinese: Didi pay's lane headers are the Chinese names, not English ids", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await choosePattern(page, /^Didi payment/);
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: '演示', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // Six lanes in the chart's third of the screen, at 1.54× zoom: 支付服务 did not fit on one line and showed "pay".
  // Each header's tooltip is the node's name; the header shows it, broken between characters where needed.
  const headers = page.locator('button[title="支付服务"], button[title="库存"], button[title="采购"]');
  await expect(headers).toHaveCount(3);
  await expect
    .poll(() => headers.evaluateAll((els) => els.map((e) => [e.textContent, (e as HTMLElement).title])))
    .toEqual([
      ['支付服务', '支付服务'],
      ['库存', '库存'],
      ['采购', '采购'],
    ]);
  // Whole on screen: two lines at most, nothing hidden.
  for (const h of await headers.all())
    expect(await h.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1)).toBe(
      true,
    );
});

test('at 1024×768 error messages stack clear of the timeline and stay; an informational one times out', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // The clipboard refuses (as on an insecure origin): the app says to copy the address bar instead.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await openApp(page);
  for (let i = 1; i <= 4; i++)
    await page.getByLabel('Scenario file to import').setInputFiles({
      name: `broken-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from('{ "pattern": "2pc", '),
    });
  await expect(page.getByRole('alert')).toHaveCount(4);

  // Nothing covers the timeline: its controls still take clicks, and no message overlaps it.
  const tl = await timeline(page).boundingBox();
  if (!tl) throw new Error('no timeline');
  // The messages' stack (it scrolls when they do not all fit) ends above the timeline.
  const stack = await page.getByRole('alert').first().locator('..').boundingBox();
  if (!stack) throw new Error('no messages');
  expect(stack.y + stack.height).toBeLessThanOrEqual(tl.y);
  for (const a of await page.locator('[role="alert"],[role="status"]').all()) {
    const b = await a.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const c = (el.parentElement as HTMLElement).getBoundingClientRect();
      return { top: Math.max(r.top, c.top), bottom: Math.min(r.bottom, c.bottom) };
    });
    expect(b.bottom <= tl.y || b.top >= b.bottom, `a message is over the timeline: ${await a.textContent()}`).toBe(
      true,
    );
  }
  await playButton(page).click();
  await expect(pauseButton(page)).toBeVisible();
  await pauseButton(page).click();
  await timeline(page).getByRole('button', { name: 'Go to end' }).click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', (await scrubber(page).getAttribute('aria-valuemax'))!);

  // A hint (not an error) shows beside them and goes away by itself; the errors stay until dismissed.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const info = page.getByRole('status').filter({ hasText: 'copy the address bar' });
  await expect(info).toBeVisible();
  const stack2 = await info.locator('..').boundingBox();
  expect(stack2!.y + stack2!.height).toBeLessThanOrEqual(tl.y);
  await expect(info).toBeHidden({ timeout: 10_000 });
  await expect(page.getByRole('alert')).toHaveCount(4);
  for (let i = 4; i >= 1; i--) {
    const alert = page.getByRole('alert').filter({ hasText: `broken-${i}.json` });
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('presentation mode at 1280×720: every card title of every pattern is inside the diagram, in both languages', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const patternPicker = page.locator('header select').first();
  const ids = await patternPicker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThanOrEqual(8);
  /** Card titles outside the pane (cut by its top, bottom or sides), with their node id. */
  const cut = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.topology')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-title]')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top < pane.top - 0.5 || r.bottom > pane.bottom + 0.5 || r.left < pane.left || r.right > pane.right;
        })
        .map((el) => el.closest<HTMLElement>('[data-node]')?.dataset.node ?? '?');
    });
  for (const lang of ['EN', '中文']) {
    await page.getByRole('button', { name: lang, exact: true }).click();
    const present = page.getByRole('button', { name: lang === 'EN' ? 'Present' : '演示', exact: true });
    for (const id of ids) {
      await patternPicker.selectOption(id);
      await page.keyboard.press('p');
      await expect(present).toHaveAttribute('aria-pressed', 'true');
      // The diagram keeps its name for screen readers though its title bar gives the cards its height here.
      const diagram = page.getByRole('region', { name: lang === 'EN' ? 'Topology' : '拓扑' });
      await expect(diagram).toBeVisible();
      await expect(diagram.locator('.react-flow__node [data-title]').first()).toBeVisible();
      // Polled: the diagram re-fits its view a frame or two after the layout changes.
      await expect.poll(cut, { message: `${id} in ${lang}`, timeout: 5000 }).toEqual([]);
      await present.click();
      await expect(present).toHaveAttribute('aria-pressed', 'false');
    }
  }
});
