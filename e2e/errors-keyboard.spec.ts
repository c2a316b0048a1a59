/**
 * Errors are UI (a bad link or file → a dismissible message naming what was wrong, the run unchanged, nothing in
 * the console) and the keyboard shortcuts a presenter uses. The fixture fails any test with a page error or a
 * console error.
 */
import { readFileSync } from 'node:fs';
import { simulate } from '../src/engine/simulator';
import { baseScenario } from '../src/engine/scenario';
import { getPattern } from '../src/patterns/registry';
import {
  chooseScenario,
  choosePattern,
  cursorPos,
  expect,
  facts,
  faultPanel,
  node,
  openApp,
  scrubber,
  test,
  timeline,
} from './fixtures';

test('a tampered deep link shows a dismissible alert and the default scenario still renders', async ({
  page,
  problems,
}) => {
  await openApp(page, '#s=1.garbage');
  const alert = page.getByRole('alert').filter({ hasText: /link cannot be opened/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Showing the default scenario');

  // The default scenario (the first pattern, no faults) is on screen and runs.
  const p = getPattern('2pc');
  if (!p) throw new Error('no 2pc pattern');
  const defaultHash = simulate(p, baseScenario(p)).hash;
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
  await expect(node(page, 'Coordinator C')).toBeVisible();
  await expect(faultPanel(page).getByText('No injected faults', { exact: false })).toBeVisible();
  expect((await facts(page)).hash).toBe(defaultHash);

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems.errors).toEqual([]);
});

test('importing a file whose fault names an unknown node says which field; the current run is unchanged', async ({
  page,
  problems,
}) => {
  await openApp(page);
  await choosePattern(page, /Two-phase commit/);
  await chooseScenario(page, /S-2PC-2/);
  const before = await facts(page);
  expect(before.scenarioName).toBe('s-2pc-2');

  const file = JSON.parse(readFileSync(new URL('../examples/2pc/s-2pc-2.json', import.meta.url), 'utf8'));
  file.faults[0].do = { crash: 'P9' };
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'bad-node.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file, null, 2)),
  });

  const alert = page.getByRole('alert').filter({ hasText: 'bad-node.json' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('faults[0].do.crash');
  await expect(alert).toContainText('P9');
  await expect(alert).toContainText('The current run is unchanged');

  // Unchanged: same scenario picked, same fault row, same trace.
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('s-2pc-2');
  await expect(faultPanel(page).getByRole('list', { name: 'Fault schedule' }).getByRole('listitem')).toHaveCount(1);
  expect(await facts(page)).toEqual(before);

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  expect(problems.errors).toEqual([]);
});

test('keyboard: "." plays and pauses, → steps one event, Home goes to 0, ? lists the shortcuts', async ({ page }) => {
  await openApp(page);
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  const n = Number(await scrubber(page).getAttribute('aria-valuemax'));
  const counter = timeline(page).getByText(/^event \d+ \/ \d+/);
  await expect(counter).toContainText(`event 0 / ${n}`);

  // "." (the presenter clicker's play/pause): play, then pause.
  await page.keyboard.press('.');
  await expect(timeline(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => cursorPos(page)).toBeGreaterThan(0);
  await page.keyboard.press('.');
  await expect(timeline(page).getByRole('button', { name: 'Play' })).toBeVisible();

  // →: exactly one event forward (paused, so the counter stays put otherwise); ← back.
  const k = await cursorPos(page);
  expect(k).toBeLessThan(n);
  await page.keyboard.press('ArrowRight');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(k + 1));
  await expect(counter).toContainText(`event ${k + 1} / ${n}`);
  await page.keyboard.press('ArrowLeft');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(k));

  // Home: back to the start.
  await page.keyboard.press('Home');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(counter).toContainText(`event 0 / ${n}`);
  await expect(timeline(page).getByRole('button', { name: 'Step back one event' })).toBeDisabled();

  // ?: the shortcuts dialog lists them; Esc closes it.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of ['Play / pause', 'Step forward one event', 'Step back one event', 'Go to start', 'Go to end'])
    await expect(dialog.getByRole('row').filter({ hasText: action })).toHaveCount(1);
  await expect(dialog.getByRole('row').filter({ hasText: 'Play / pause' })).toContainText('Space');
  await expect(dialog.getByRole('row').filter({ hasText: 'Go to start' })).toContainText('Home');
  await expect(dialog.getByRole('row').filter({ hasText: 'Show / hide this list' })).toContainText('?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Keys typed into a field are text, not shortcuts.
  const at = faultPanel(page).getByRole('textbox', { name: 'Time (ms)' });
  await at.fill('');
  await at.press('ArrowRight');
  await at.pressSequentially(' 12');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(timeline(page).getByRole('button', { name: 'Play' })).toBeVisible();
});

/**
 * Regression test: Space used to do nothing on a freshly opened page (React Flow's pan-activation key listened on
 * window, was registered before the app's listener and called preventDefault); fixed in ab5c424.
 */
test('keyboard: Space plays and pauses on a freshly opened page', async ({ page }) => {
  await openApp(page);
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Space');
  await expect(timeline(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => cursorPos(page)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(timeline(page).getByRole('button', { name: 'Play' })).toBeVisible();
  const k = await cursorPos(page);
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(k));
});
