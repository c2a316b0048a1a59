/**
 * Deep links and history, as a person uses them (issue 13 item 11, issue 10): a link keeps the instant it was made
 * at, Back and Forward move between scenarios instead of leaving the app, a tampered link does not stay in the
 * address bar, and link and file errors are fully in the language on screen.
 */
import { readFileSync } from 'node:fs';
import { chooseScenario, choosePattern, expect, facts, openApp, scrubber, test } from './fixtures';

const hashOf = (page: import('@playwright/test').Page) => page.evaluate(() => location.hash);

/** Open the app and switch to two named 2PC scenarios in turn, as a person does; returns the scenario picker. */
async function openAndSwitchTwice(page: import('@playwright/test').Page) {
  await openApp(page);
  const scenario = page.getByRole('combobox', { name: 'Scenario' });
  await chooseScenario(page, /S-2PC-2/);
  await expect(scenario).toHaveValue('s-2pc-2');
  await chooseScenario(page, /S-2PC-4/);
  await expect(scenario).toHaveValue('s-2pc-4');
  return scenario;
}

test('a link copied from the address bar at the end of a run opens at that instant, not at 0 ms', async ({
  page,
  context,
}) => {
  await openApp(page);
  await choosePattern(page, /Two-phase commit/);
  await chooseScenario(page, /S-2PC-2/);
  await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Go to end' }).click();
  const max = (await scrubber(page).getAttribute('aria-valuemax')) ?? '';
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', max);
  const at = (await scrubber(page).getAttribute('aria-valuetext')) ?? '';
  expect(at).toMatch(/\d/);

  // The address bar follows the cursor (once it stops moving); that address is what a person copies.
  await expect.poll(() => hashOf(page)).toMatch(/&t=\d/);
  const link = page.url();

  const other = await context.newPage();
  await other.goto(link);
  await expect(scrubber(other)).toBeVisible({ timeout: 20_000 }); // a second page on a busy machine
  await expect(other.getByRole('combobox', { name: 'Scenario' })).toHaveValue('s-2pc-2');
  await expect(scrubber(other)).toHaveAttribute('aria-valuenow', max);
  await expect(scrubber(other)).toHaveAttribute('aria-valuetext', at);
});

test('Back and Forward move between the scenarios a person switched to, and never leave the app', async ({ page }) => {
  const scenario = await openAndSwitchTwice(page);
  await choosePattern(page, /^TCC/);
  await expect.poll(async () => (await facts(page)).pattern).toBe('tcc');

  await page.goBack();
  await expect.poll(async () => (await facts(page)).pattern).toBe('2pc');
  await expect(scenario).toHaveValue('s-2pc-4');
  await page.goBack();
  await expect(scenario).toHaveValue('s-2pc-2');
  await page.goBack();
  await expect(scenario).toHaveValue('');
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  await expect(scrubber(page)).toBeVisible();

  await page.goForward();
  await expect(scenario).toHaveValue('s-2pc-2');
  expect((await facts(page)).scenarioName).toBe('s-2pc-2');
  await page.goForward();
  await expect(scenario).toHaveValue('s-2pc-4');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Back returns to the start scenario also when a person switched before the link code had loaded', async ({
  page,
}) => {
  // The address bar's writer loads once the first screen is up; held back here, the switches surely come first.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/encode-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const scenario = await openAndSwitchTwice(page);
  release();
  await expect.poll(() => hashOf(page)).toMatch(/^#s=1\./);

  await page.goBack();
  await expect(scenario).toHaveValue('s-2pc-2');
  await page.goBack();
  await expect(scenario).toHaveValue('');
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  await page.goForward();
  await expect(scenario).toHaveValue('s-2pc-2');
  await page.goForward();
  await expect(scenario).toHaveValue('s-2pc-4');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a tampered link is replaced in the address bar by the default scenario; a reload shows no error', async ({
  page,
}) => {
  await openApp(page, '#s=1.garbage');
  await expect(page.getByRole('alert').filter({ hasText: /link cannot be opened/ })).toBeVisible();
  await expect.poll(() => hashOf(page)).toMatch(/^#s=1\./);
  expect(await hashOf(page)).not.toBe('#s=1.garbage');

  await page.reload();
  await expect(scrubber(page)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
  await page.waitForTimeout(500); // the link module loads after the first screen; give an error time to show
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a scenario too large for the address bar keeps the previous link and says so', async ({ page }) => {
  await openApp(page);
  await chooseScenario(page, /S-2PC-2/);
  await expect.poll(() => hashOf(page)).toMatch(/^#s=1\./);
  const before = await hashOf(page);

  // 6,000 requests (after the horizon, so the run stays short): re-encoding that on every edit would stall the page.
  const file = JSON.parse(readFileSync(new URL('../examples/2pc/s-2pc-2.json', import.meta.url), 'utf8'));
  for (let i = 0; i < 6000; i++)
    file.workload.push({ at: 2_000_000_000, node: 'app', request: { type: 'BEGIN', tx: `X${i}` } });
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const notice = page.getByRole('alert').filter({ hasText: 'too large to keep in the address bar' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Export');
  expect(await hashOf(page)).toBe(before);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  /** Latin words left after removing what is code, not prose: field paths, node ids, the file name. */
  const prose = (text: string) =>
    text
      .replace(/[\w.[\]-]+\.json/g, '')
      .replace(/\b(seed|faults\[\d+\]\.do\.crash|P9|C|C2|P1|P2|P3|app|JSON)\b/g, '')
      .match(/[A-Za-z]{3,}/g) ?? [];

  test('a damaged link and a bad file say what is wrong entirely in Chinese', async ({ page }) => {
    await page.goto('/#s=1.garbage'); // openApp looks for the English slider name
    await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx);
    const alert = page.getByRole('alert').first();
    await expect(alert).toContainText('无法打开此链接');
    await expect(alert).toContainText('链接已损坏');
    expect(prose((await alert.textContent()) ?? '')).toEqual([]);
    await alert.getByRole('button', { name: '关闭提示' }).click();

    const file = JSON.parse(readFileSync(new URL('../examples/2pc/s-2pc-2.json', import.meta.url), 'utf8'));
    delete file.seed;
    await page.getByLabel('要导入的场景文件').setInputFiles({
      name: 'no-seed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const bad = page.getByRole('alert').filter({ hasText: 'no-seed.json' });
    await expect(bad).toContainText('seed：缺少此项（应为整数）');
    expect(prose((await bad.textContent()) ?? '')).toEqual([]);

    file.seed = 1;
    file.faults[0].do = { crash: 'P9' };
    await page.getByLabel('要导入的场景文件').setInputFiles({
      name: 'bad-node.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const node = page.getByRole('alert').filter({ hasText: 'bad-node.json' });
    await expect(node).toContainText('faults[0].do.crash：未知节点“P9”');
    expect(prose((await node.textContent()) ?? '')).toEqual([]);

    await page.getByLabel('要导入的场景文件').setInputFiles({
      name: 'not-json.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1,'),
    });
    const notJson = page.getByRole('alert').filter({ hasText: 'not-json.json' });
    await expect(notJson).toContainText('不是有效的 JSON');
    expect(prose((await notJson.textContent()) ?? '')).toEqual([]);
  });
});
