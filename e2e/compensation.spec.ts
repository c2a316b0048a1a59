/**
 * Issue 3 in the browser: TCC's empty rollback with the barrier off and on, and Saga's dirty read beside TCC's
 * counterpart.
 */
import type { Page } from '@playwright/test';
import {
  chooseScenario,
  choosePattern,
  expect,
  goToEnd,
  invariant,
  node,
  openApp,
  scrubber,
  stepTo,
  test,
  timeline,
} from './fixtures';

const BOB = 'Bob’s account service';

/** Position (0-based seq) of the first delivery of `type` at `at`: a fact read from the trace, never an action. */
async function deliverySeq(page: Page, at: string, type: string): Promise<number> {
  return page.evaluate(
    ([at, type]) => {
      type Ev = { seq: number; kind: string; node: string; msg?: { type: string } };
      const s = (window as unknown as { __dtx: { getState(): { result: { events: Ev[] } } } }).__dtx.getState();
      return s.result.events.find((e) => e.kind === 'deliver' && e.node === at && e.msg?.type === type)?.seq ?? -1;
    },
    [at, type],
  );
}

/** Select a service with the keyboard (focus it, Enter) so the inspector shows its full state. */
async function inspect(page: Page, name: string): Promise<void> {
  await node(page, name).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name })).toBeVisible();
}

/** The value the inspector shows for the row labelled `label` (e.g. Bob's "available" balance). */
function inspected(page: Page, label: string) {
  return page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first()
    .locator('xpath=following-sibling::dd[1]');
}

async function playToEnd(page: Page): Promise<void> {
  await timeline(page).getByRole('button', { name: 'Go to start' }).click();
  await timeline(page).getByRole('combobox', { name: 'Speed' }).selectOption({ label: '1000×' });
  await timeline(page).getByRole('button', { name: 'Play' }).click();
  const max = (await scrubber(page).getAttribute('aria-valuemax')) ?? '';
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', max, { timeout: 20_000 });
  await expect(timeline(page).getByRole('button', { name: 'Play' })).toBeVisible();
}

test('TCC empty rollback: conservation breaks exactly at the CANCEL delivery to Bob; the barrier prevents it', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /^TCC/);
  await chooseScenario(page, /Empty rollback/);

  // The scenario ships with the guard off.
  const guards = page.getByRole('button', { name: 'Guards (safeguards)' });
  await guards.click();
  const barrier = page.getByRole('switch', { name: /Barrier/ });
  await expect(barrier).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');
  await expect(barrier).toBeHidden();

  // Guard off, whole run: money is created at Bob.
  await playToEnd(page);
  await expect(invariant(page, 'Money conserved')).toContainText('broken now');
  await inspect(page, BOB);
  await expect(inspected(page, 'available')).toHaveText('130');
  await expect(timeline(page).getByRole('button', { name: /Money conserved broken at/ })).toBeVisible();

  // The right moment: just before Bob receives the CANCEL it holds, just after it is violated.
  const cancelAtBob = await deliverySeq(page, 'bob', 'CANCEL');
  expect(cancelAtBob).toBeGreaterThan(0);
  await stepTo(page, cancelAtBob);
  await expect(invariant(page, 'Money conserved')).toContainText('holds');
  await expect(invariant(page, 'Money conserved')).not.toContainText('broken now');
  await expect(inspected(page, 'available')).toHaveText('100');
  await page.keyboard.press('ArrowRight');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(cancelAtBob + 1));
  await expect(invariant(page, 'Money conserved')).toContainText('broken now');
  await expect(inspected(page, 'available')).toHaveText('130');

  // Guard on, replay: the Cancel is an empty rollback and money is conserved to the end.
  await guards.click();
  await page.getByRole('switch', { name: /Barrier/ }).click();
  await expect(page.getByRole('switch', { name: /Barrier/ })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByText('edited', { exact: true })).toBeVisible();
  // barrier on, of TCC's two guards (issue 11 added 'business code guards itself', off)
  await expect(guards).toHaveText(/1\/2/);

  await playToEnd(page);
  await expect(invariant(page, 'Money conserved')).toContainText('holds');
  await expect(invariant(page, 'Money conserved')).not.toContainText(/broken/);
  await expect(timeline(page).getByRole('button', { name: /Money conserved broken at/ })).toHaveCount(0);
  await expect(node(page, BOB)).toContainText(/empty rollback/i);
  await expect(inspected(page, 'available')).toHaveText('100');
});

test('Saga dirty read breaks no-dirty-read; the TCC counterpart holds it', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /^Saga/);
  await chooseScenario(page, /Dirty read/);
  await goToEnd(page);
  await expect(invariant(page, 'No dirty read')).toContainText('broken now');
  await expect(timeline(page).getByRole('button', { name: /No dirty read broken at/ })).toBeVisible();

  await choosePattern(page, /^TCC/);
  await chooseScenario(page, /No dirty read with TCC/);
  await goToEnd(page);
  await expect(invariant(page, 'No dirty read')).toContainText('holds');
  await expect(invariant(page, 'No dirty read')).not.toContainText('broken now');
  await expect(timeline(page).getByRole('button', { name: /No dirty read broken at/ })).toHaveCount(0);
});
