/**
 * Issue 12's Didi flows in the browser, as a person: reproduce S-DIDI-5 (the monitor's delay shorter than saving the
 * order) and see the inconsistency, lengthen the delay in Parameters and see the replay consistent; then switch the
 * same scenario from DDMQ to RocketMQ.
 */
import type { Page } from '@playwright/test';
import { chooseScenario, choosePattern, expect, goToEnd, invariant, openApp, test } from './fixtures';

async function openParameters(page: Page) {
  await page.getByRole('button', { name: 'Parameters' }).click();
  return page.getByRole('dialog', { name: 'Parameters' });
}

test('S-DIDI-5: a short monitor delay unlocks the coupon of a saved order; a longer one keeps it consistent', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /Didi order \+ coupon/);
  await chooseScenario(page, /S-DIDI-5 pitfall: monitor delay too short/);
  await goToEnd(page);
  const atomicity = invariant(page, 'Atomicity');
  await expect(atomicity).toContainText('broken');

  // The order was saved, and its coupon is free: the monitor came before the save ended and unlocked it.
  const t1 = page.getByRole('listitem').filter({ hasText: 'Coupon service: free' });
  await expect(t1).toContainText('inconsistent');
  await expect(t1).toContainText('Order service: saved');

  // Lengthen the delay past the 3 s save, replay.
  const dialog = await openParameters(page);
  const delay = dialog.getByLabel('Monitor delay (ms)', { exact: true });
  await expect(delay).toHaveValue('1000');
  await delay.fill('5000');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await goToEnd(page);
  await expect(atomicity).toContainText('holds');
  await expect(invariant(page, 'No leaked lock')).toContainText('holds');
  await expect(page.getByRole('listitem').filter({ hasText: 'Coupon service: locked' })).toContainText('committed');
});

test('DDMQ ↔ RocketMQ: the same S-DIDI-5 scenario is consistent on RocketMQ’s half message and check-back', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /Didi order \+ coupon/);
  await chooseScenario(page, /S-DIDI-5 pitfall: monitor delay too short/);
  await goToEnd(page);
  await expect(invariant(page, 'Atomicity')).toContainText('broken');

  const dialog = await openParameters(page);
  const mq = dialog.getByLabel('Message queue (DDMQ ↔ RocketMQ)', { exact: true });
  await expect(mq).toHaveValue('ddmq');
  await mq.selectOption('rocketmq');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await goToEnd(page);
  await expect(invariant(page, 'Atomicity')).toContainText('holds');
  // RocketMQ's model now: the queue is RocketMQ, and the half message was rolled back after the save
  await expect(page.locator('.react-flow').getByRole('group', { name: 'RocketMQ', exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'half rolled-back' })).toContainText('committed');

  // and back to DDMQ: inconsistent again (same seed)
  const again = await openParameters(page);
  await again.getByLabel('Message queue (DDMQ ↔ RocketMQ)', { exact: true }).selectOption('ddmq');
  await again.getByRole('button', { name: 'Apply' }).click();
  await goToEnd(page);
  await expect(invariant(page, 'Atomicity')).toContainText('broken');
});
