/**
 * Issue 2's walk-through: a person picks two-phase commit, injects a coordinator crash, plays the run, sees the
 * participants blocked in doubt and the invariant panel say so, scrubs back, and reads it all in Chinese.
 */
import {
  chooseScenario,
  choosePattern,
  cursorPos,
  expect,
  faultPanel,
  goToEnd,
  invariant,
  invariants,
  node,
  openApp,
  scrubber,
  test,
  timeline,
} from './fixtures';

const PARTICIPANTS = ['Participant P1', 'Participant P2', 'Participant P3'];
const BLOCKED = /blocked|in doubt/i;

test('2PC: crash the coordinator after the 3rd VOTE, play, participants block; scrub back; 中文', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /Two-phase commit/);
  await expect(node(page, 'Coordinator C')).toBeVisible();

  // Inject the crash with the fault list's form: crash C after its 3rd VOTE delivery.
  const form = faultPanel(page).getByRole('form', { name: 'Add a fault' });
  await form.getByRole('combobox', { name: 'Trigger' }).selectOption({ label: 'After an event' });
  await form.getByRole('textbox', { name: 'Occurrence' }).fill('3');
  await form.getByRole('combobox', { name: 'Event', exact: true }).selectOption({ label: 'receive' });
  await form.getByRole('combobox', { name: 'At node' }).selectOption({ label: 'Coordinator C' });
  await form.getByRole('textbox', { name: /^Type/ }).fill('VOTE');
  await form.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'crash node' });
  await form.getByRole('combobox', { name: 'Node', exact: true }).selectOption({ label: 'Coordinator C' });
  await form.getByRole('button', { name: 'Add fault' }).click();

  const schedule = faultPanel(page).getByRole('list', { name: 'Fault schedule' });
  await expect(schedule.getByRole('listitem')).toHaveCount(1);
  await expect(schedule.getByRole('listitem')).toContainText('Coordinator C');
  await expect(schedule.getByRole('listitem')).toContainText('VOTE');
  await expect(schedule.getByRole('listitem')).toContainText(/took effect at/);

  // Play from the start; playback advances on its own, then (fast speed) reaches the end by itself.
  await timeline(page).getByRole('button', { name: 'Go to start' }).click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  await timeline(page).getByRole('button', { name: 'Play' }).click();
  const pause = timeline(page).getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  await expect.poll(() => cursorPos(page)).toBeGreaterThan(0);
  await timeline(page).getByRole('combobox', { name: 'Speed' }).selectOption({ label: '1000×' });
  const max = await scrubber(page).getAttribute('aria-valuemax');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', max!, { timeout: 20_000 });
  await expect(timeline(page).getByRole('button', { name: 'Play' })).toBeVisible();

  // At the end: the coordinator is down, every participant is blocked in doubt, holding its lock.
  await expect(node(page, 'Coordinator C')).toContainText(/crashed/i);
  for (const p of PARTICIPANTS) await expect(node(page, p)).toContainText(BLOCKED);
  await expect(invariant(page, 'Termination')).toContainText('broken now');
  await expect(invariant(page, 'No leaked lock')).toContainText('broken now');
  await expect(invariant(page, 'Bounded blocking')).toContainText('broken now');
  await expect(invariant(page, 'Atomicity')).toContainText('holds');
  await expect(invariants(page).getByRole('button', { name: /Participant P1 holds/ })).toBeVisible();
  await expect(invariants(page).getByRole('list').last()).toContainText('blocked');

  // Scrub back to the start (Home key): nobody is blocked yet, nothing is violated.
  await scrubber(page).focus();
  await page.keyboard.press('Home');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  for (const p of PARTICIPANTS) await expect(node(page, p)).not.toContainText(BLOCKED);
  await expect(node(page, 'Coordinator C')).not.toContainText(/crashed/i);
  for (const name of ['Atomicity', 'Termination', 'No leaked lock', 'Bounded blocking'])
    await expect(invariant(page, name)).toContainText(/holds|not yet decided/);
  await expect(invariants(page).getByText('No locks held: nothing is blocked.')).toBeVisible();

  // Back to the end with the End key.
  await page.keyboard.press('End');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', max!);

  // 中文: the same end state in Chinese, then back to English.
  const lang = page.getByRole('group', { name: 'Language' });
  await lang.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('group', { name: '语言' }).getByRole('button', { name: '中文' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(node(page, '协调者 C')).toContainText('已宕机');
  for (const p of ['参与者 P1', '参与者 P2', '参与者 P3']) await expect(node(page, p)).toContainText('阻塞');
  const zhInv = page.getByRole('region', { name: '不变量' });
  await expect(zhInv.getByRole('listitem').filter({ hasText: '终止性' })).toContainText('被破坏');
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();

  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'EN' }).click();
  await expect(lang.getByRole('button', { name: 'EN' })).toHaveAttribute('aria-pressed', 'true');
  await expect(node(page, 'Participant P1')).toContainText(BLOCKED);
  await expect(invariant(page, 'Termination')).toContainText('broken now');
});

test('2PC: S-2PC-2 plus a participant crash from the node menu', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /Two-phase commit/);
  await chooseScenario(page, /S-2PC-2/);
  const schedule = faultPanel(page).getByRole('list', { name: 'Fault schedule' });
  await expect(schedule.getByRole('listitem')).toHaveCount(1);

  await goToEnd(page);
  for (const p of PARTICIPANTS) await expect(node(page, p)).toContainText(BLOCKED);

  // Half-way through the run (a click in the middle of the scrubber), a person opens P1's ⋯ menu: crash now.
  const box = (await scrubber(page).boundingBox())!;
  await scrubber(page).click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect.poll(() => cursorPos(page)).toBeGreaterThan(0);
  await expect(node(page, 'Participant P1')).not.toContainText(/crashed/i);
  await node(page, 'Participant P1').getByRole('button', { name: 'Faults for Participant P1' }).click();
  const menu = page.getByRole('menu', { name: 'Participant P1' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Crash now' }).click();
  await expect(menu).toBeHidden();

  await expect(schedule.getByRole('listitem')).toHaveCount(2);
  await expect(schedule.getByRole('listitem').nth(1)).toContainText('crash Participant P1');
  await expect(page.getByText('edited', { exact: true })).toBeVisible();

  // The crash is drawn: at the end P1 is down, the others are still blocked in doubt.
  await goToEnd(page);
  await expect(node(page, 'Participant P1')).toContainText(/crashed/i);
  for (const p of ['Participant P2', 'Participant P3']) await expect(node(page, p)).toContainText(BLOCKED);
  await expect(invariant(page, 'Termination')).toContainText('broken now');

  // Right-click works too: recover P1 from its context menu at the end.
  await node(page, 'Participant P1').click({ button: 'right' });
  const menu2 = page.getByRole('menu', { name: 'Participant P1' });
  await expect(menu2.getByRole('menuitem', { name: 'Crash now' })).toBeDisabled();
  await expect(menu2.getByRole('menuitem', { name: 'Recover now' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(menu2).toBeHidden();
});
