/**
 * Guided tours (issue 15), as a presenter uses them: start a pattern's tour from the header, walk it with the keys a
 * clicker sends, in English and in Chinese, in presentation mode at 1920×1080, and share the exact step by link.
 * What each step should highlight is computed here in Node by the same resolver the app uses (src/engine/tour.ts).
 */
import type { Page } from '@playwright/test';
import { indexTrace, namedScenario, resolveTourStep, simulate, tourSteps } from '../src/engine';
import { encodeLink } from '../src/scenario/link';
import { patterns } from '../src/patterns/registry';
import { expect, facts, openApp, test } from './fixtures';

type Lang = 'en' | 'zh';
const NAMES = {
  en: {
    slider: 'Time cursor',
    tour: 'Tour',
    region: 'Guided tour',
    pattern: 'Pattern',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  },
  zh: {
    slider: '时间游标',
    tour: '导览',
    region: '导览',
    pattern: '模式',
    stepOf: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`,
  },
};

/** Each step of a pattern's tour with what it must show (resolved against the step's scenario in Node). */
function expected(patternId: string) {
  const p = patterns.find((x) => x.id === patternId)!;
  return tourSteps(p.tour!).map((fs) => {
    const ns = p.scenarios.find((s) => s.id === fs.step.scenario)!;
    const r = resolveTourStep(fs.step, indexTrace(simulate(p, namedScenario(p, ns))));
    if (!r.ok) throw new Error(r.problem);
    return { ...r, scenario: ns.id, caption: fs.step.caption };
  });
}

async function open(page: Page, lang: Lang, hash = '') {
  await page.goto('/' + hash);
  await expect(page.getByRole('slider').first()).toBeVisible();
  await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx);
  if (lang === 'zh') await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
}

const tourRegion = (page: Page, lang: Lang) => page.getByRole('region', { name: NAMES[lang].region, exact: true });
const caption = (page: Page) => page.locator('#tour-caption');

/** The step counter, the caption, the cursor and every highlighted node and message of step `i`. */
async function expectStep(page: Page, lang: Lang, steps: ReturnType<typeof expected>, i: number) {
  const s = steps[i];
  const region = tourRegion(page, lang);
  await expect(region.getByText(NAMES[lang].stepOf(i + 1, steps.length), { exact: true })).toBeVisible();
  await expect.poll(async () => (await facts(page)).scenarioName).toBe(s.scenario);
  await expect(page.getByRole('slider', { name: NAMES[lang].slider })).toHaveAttribute('aria-valuenow', String(s.pos));
  const text = (await caption(page).textContent()) ?? '';
  expect(text.length, s.caption).toBeGreaterThan(20);
  expect(text).not.toContain(s.caption); // a translation, not the raw key
  // English captions quote the seed's Chinese words (阻塞, 空回滚 …) but are English.
  const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (lang === 'zh') expect(cjk, text).toBeGreaterThan(10);
  else expect(cjk, text).toBeLessThan(6);
  for (const n of s.nodes)
    await expect(page.locator(`.react-flow [data-node="${n}"][data-highlighted]`)).toHaveCount(1);
  for (const seq of s.sends) await expect(page.locator(`[data-send="${seq}"][data-hl]`)).toHaveCount(1);
}

for (const lang of ['en', 'zh'] as const) {
  test.describe(`tours in ${lang}`, () => {
    test.use({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    for (const p of patterns) {
      test(`the ${p.id} tour plays through with → in ${lang}; every step highlights what it names`, async ({
        page,
      }) => {
        const steps = expected(p.id);
        await open(page, lang);
        await page.getByRole('combobox', { name: NAMES[lang].pattern }).selectOption(p.id);
        await expect.poll(async () => (await facts(page)).pattern).toBe(p.id);
        await page.getByRole('button', { name: NAMES[lang].tour, exact: true }).click();
        await expect(tourRegion(page, lang)).toBeVisible();
        for (let i = 0; i < steps.length; i++) {
          await expectStep(page, lang, steps, i);
          if (i < steps.length - 1) await page.keyboard.press('ArrowRight');
        }
        // The last step stays the last; ← goes back one.
        await page.keyboard.press('ArrowRight');
        await expectStep(page, lang, steps, steps.length - 1);
        if (steps.length > 1) {
          await page.keyboard.press('ArrowLeft');
          await expectStep(page, lang, steps, steps.length - 2);
        }
        await page.keyboard.press('Escape');
        await expect(tourRegion(page, lang)).toHaveCount(0);
        await expect(page.locator('[data-highlighted]')).toHaveCount(0);
      });
    }
  });
}

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('in presentation mode the clicker keys move the tour, the caption is ≥ 28 px, Esc ends the tour first', async ({
    page,
  }) => {
    const steps = expected('2pc');
    await openApp(page);
    await page.getByRole('button', { name: 'Tour', exact: true }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Invariants at the cursor' })).toBeVisible();
    await expectStep(page, 'en', steps, 0);
    const size = await caption(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    // The caption is beside the verdict strip, both on screen.
    const box = await caption(page).boundingBox();
    const strip = await page.getByRole('region', { name: 'Invariants at the cursor' }).boundingBox();
    expect(box && strip && box.y < strip.y + strip.height && strip.y < box.y + box.height).toBe(true);

    for (const [key, at] of [
      ['ArrowRight', 1],
      ['PageDown', 2],
      ['.', 3],
      ['ArrowLeft', 2],
      ['PageUp', 1],
    ] as const) {
      await page.keyboard.press(key);
      await expectStep(page, 'en', steps, at);
    }
    // A chapter can be skipped to.
    await page.getByRole('combobox', { name: 'Chapter' }).selectOption({ index: 2 });
    const firstOfChapter3 = tourSteps(patterns[0].tour!).find((s) => s.chapter === 2)!.index;
    await expectStep(page, 'en', steps, firstOfChapter3);
    await page.keyboard.press('ArrowRight'); // after a pick in the chapter list, the keys drive the tour again
    await expectStep(page, 'en', steps, firstOfChapter3 + 1);

    await page.keyboard.press('Escape');
    await expect(tourRegion(page, 'en')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Invariants at the cursor' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Invariants at the cursor' })).toHaveCount(0);
  });
});

test('a link to a tour step in Chinese round-trips: the same step, cursor, language and link', async ({
  page,
  context,
}) => {
  const steps = expected('tcc');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Pattern' }).selectOption('tcc');
  await page.getByRole('button', { name: 'Tour', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 'en', steps, 3);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&tour=tcc&step=4&lang=zh$/);
  const link = page.url();
  const hash = await page.evaluate(() => location.hash);

  const other = await context.newPage();
  await other.goto(link);
  await expect(tourRegion(other, 'zh')).toBeVisible({ timeout: 20_000 });
  await expectStep(other, 'zh', steps, 3);
  expect(await caption(other).textContent()).toBe(await caption(page).textContent());
  await other.waitForTimeout(600); // the address bar is rewritten 300 ms after the last change
  expect(await other.evaluate(() => location.hash)).toBe(hash);
  const pos = await other.getByRole('slider', { name: NAMES.zh.slider }).getAttribute('aria-valuenow');
  expect(pos).toBe(await page.getByRole('slider', { name: NAMES.zh.slider }).getAttribute('aria-valuenow'));
  await expect(other.getByRole('alert')).toHaveCount(0);
});

test('a tampered tour, step, cursor or language in a link gives an alert naming the field; the run on screen stays', async ({
  page,
}) => {
  const p = patterns[0];
  const base = encodeLink(
    namedScenario(
      p,
      p.scenarios.find((s) => s.id === 's-2pc-2')!,
    ),
  );
  await openApp(page, base + '&tour=2pc&step=2&lang=en');
  await expect(tourRegion(page, 'en')).toBeVisible();
  const before = await facts(page);
  for (const [suffix, field] of [
    ['&tour=tcc&step=1', 'tour'],
    ['&tour=2pc&step=999', 'step'],
    ['&t=-3', 't'],
    ['&p=abc', 'p'],
    ['&lang=fr', 'lang'],
  ]) {
    await page.evaluate((h) => (location.hash = h), base + suffix);
    const alert = page.getByRole('alert').filter({ hasText: `link cannot be opened: ${field}:` });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await facts(page)).toEqual(before);
    await expect(tourRegion(page, 'en')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
});

/** A small seeded PRNG (mulberry32), so the 200 links are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('200 randomly mutated links (tour, step, cursor, language included) never cause an uncaught error', async ({
  page,
}) => {
  test.setTimeout(360_000); // each accepted link simulates and draws a run: 0.3–2 s on a busy 2-core machine
  const r = rng(15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const VALUES = [
    '',
    '0',
    '1',
    '3',
    '-1',
    '2.5',
    'abc',
    '1e999',
    'NaN',
    '99999999999',
    '%',
    '%E0%A4',
    'zh',
    'en',
    '2pc',
    'tcc',
    '<b>',
  ];
  const KEYS = ['t', 'p', 'tour', 'step', 'lang', 'x'];
  const links: string[] = [];
  for (let i = 0; i < 200; i++) {
    const p = pick(patterns);
    const ns = pick(p.scenarios);
    const steps = p.tour ? tourSteps(p.tour).length : 1;
    let link = encodeLink(namedScenario(p, ns), r() < 0.5 ? Math.floor(r() * 5000) : undefined, {
      pos: r() < 0.3 ? Math.floor(r() * 80) : undefined,
      tour: r() < 0.7 ? p.id : undefined,
      step: 1 + Math.floor(r() * steps),
      lang: pick(['en', 'zh'] as const),
    });
    const op = Math.floor(r() * 6);
    if (op === 0) link = link.replace(/=([^&]*)/g, (m) => (r() < 0.4 ? '=' + pick(VALUES) : m));
    else if (op === 1) link += `&${pick(KEYS)}=${pick(VALUES)}`;
    else if (op === 2) link = link.slice(0, 6 + Math.floor(r() * (link.length - 6)));
    else if (op === 3) link = link.replace(/&[a-z]+=[^&]*/, '');
    else if (op === 4) {
      const at = 6 + Math.floor(r() * (link.length - 6));
      link = link.slice(0, at) + pick(['A', '&', '=', '%', '.', '-']) + link.slice(at + 1);
    }
    links.push(link);
  }
  await openApp(page);
  for (const link of links) {
    await page.evaluate((h) => (location.hash = h), link);
  }
  // Still alive: a good link after them opens its tour step as usual.
  const tcc = patterns.find((x) => x.id === 'tcc')!;
  const good = encodeLink(namedScenario(tcc, tcc.scenarios[0]), undefined, { tour: 'tcc', step: 2, lang: 'en' });
  await page.evaluate((h) => (location.hash = h), good);
  await expect.poll(async () => (await facts(page)).pattern).toBe('tcc');
  await expect(tourRegion(page, 'en').getByText(NAMES.en.stepOf(2, tourSteps(tcc.tour!).length))).toBeVisible();
});

/** Screenshots for a person to look at (not a check): TOUR_SHOTS=/tmp/dir npx playwright test e2e/tours.spec.ts */
test.describe('screenshots', () => {
  test.skip(!process.env.TOUR_SHOTS, 'set TOUR_SHOTS=<folder> to write them');
  for (const lang of ['en', 'zh'] as const) {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      test(`tour at ${w}×${h} in ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        const base = encodeLink(
          namedScenario(
            patterns[0],
            patterns[0].scenarios.find((s) => s.id === 's-2pc-2')!,
          ),
        );
        await open(page, lang, base + `&tour=2pc&step=8&lang=${lang}`);
        await expect(tourRegion(page, lang)).toBeVisible();
        const dir = process.env.TOUR_SHOTS!;
        await page.waitForTimeout(500);
        await page.screenshot({ path: `${dir}/tour-${lang}-${w}.png` });
        if (w === 1920) {
          await page.keyboard.press('p');
          await page.waitForTimeout(700);
          await page.screenshot({ path: `${dir}/tour-present-${lang}-${w}.png` });
          // The back of the room: the same screen at half size.
          await page.setViewportSize({ width: 1920, height: 1080 });
          const png = await page.screenshot({ scale: 'css' });
          await page.setContent(
            `<img src="data:image/png;base64,${png.toString('base64')}" style="width:960px;height:540px;display:block">`,
          );
          await page.setViewportSize({ width: 960, height: 540 });
          await page.screenshot({ path: `${dir}/tour-present-${lang}-960.png` });
        }
      });
    }
  }
});
