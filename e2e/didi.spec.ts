/**
 * Issue 12's Didi flows in the browser, as a person: reproduce S-DIDI-5 (the monitor's delay shorter than saving the
 * order) and see the inconsistency, lengthen the delay in Parameters and see the replay consistent; then switch the
 * same scenario from DDMQ to RocketMQ — on the coupon flow and on the payment fan-out.
 */
import type { Page } from '@playwright/test';
import { chooseScenario, choosePattern, expect, goToEnd, invariant, node, openApp, test } from './fixtures';

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

/** In Parameters, as a person does: the queue model from `from` to `to`, Apply, then the run's end. */
async function switchQueue(page: Page, from: 'ddmq' | 'rocketmq', to: 'ddmq' | 'rocketmq') {
  const dialog = await openParameters(page);
  const mq = dialog.getByLabel('Message queue (DDMQ ↔ RocketMQ)', { exact: true });
  await expect(mq).toHaveValue(from);
  await mq.selectOption(to);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await goToEnd(page);
}

test('DDMQ ↔ RocketMQ: the same S-DIDI-5 scenario is consistent on RocketMQ’s half message and check-back', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /Didi order \+ coupon/);
  await chooseScenario(page, /S-DIDI-5 pitfall: monitor delay too short/);
  await goToEnd(page);
  await expect(invariant(page, 'Atomicity')).toContainText('broken');

  await switchQueue(page, 'ddmq', 'rocketmq');
  await expect(invariant(page, 'Atomicity')).toContainText('holds');
  // RocketMQ's model now: the queue is RocketMQ, and the half message was rolled back after the save
  await expect(page.locator('.react-flow').getByRole('group', { name: 'RocketMQ', exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'half rolled-back' })).toContainText('committed');

  // and back to DDMQ: inconsistent again (same seed)
  await switchQueue(page, 'rocketmq', 'ddmq');
  await expect(invariant(page, 'Atomicity')).toContainText('broken');
});

test('DDMQ ↔ RocketMQ on the payment fan-out: the same S-DIDI-4 scenario, the queue node and its rows change', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /Didi payment fan-out/);
  await chooseScenario(page, /S-DIDI-4: duplicate delivery, idempotent consumers/);
  await goToEnd(page);
  // DDMQ: the lost ack made the payment service send again — two messages in the topic, each applied once
  const ddmq = node(page, 'DDMQ');
  await expect(ddmq).toContainText('messages in topic');
  await expect(ddmq).toContainText('2');
  await expect(invariant(page, 'Exactly once')).toContainText('holds');

  await switchQueue(page, 'ddmq', 'rocketmq');

  // RocketMQ's model now: the queue node is RocketMQ, and what it shows is its half messages
  const rocket = node(page, 'RocketMQ');
  await expect(rocket).toBeVisible();
  await expect(node(page, 'DDMQ')).toHaveCount(0);
  await expect(rocket).toContainText('half messages open');
  await expect(invariant(page, 'Exactly once')).toContainText('holds');
  await expect(invariant(page, 'Paid ⇒ commission or refund')).toContainText('holds');
  // its half-message store: the first (ack lost) committed by the check-back, the re-sent one by the producer
  await rocket.click();
  await page.getByRole('tab', { name: 'Tables' }).click();
  const panel = page.getByRole('region', { name: 'Tables' });
  await expect(panel.getByRole('combobox', { name: 'Node' })).toHaveValue('broker');
  await panel.getByRole('combobox', { name: 'Table' }).selectOption('halfMsgs');
  const grid = panel.getByRole('grid');
  const first = grid.getByRole('row').filter({ hasText: /pay-P1(?!#)/ });
  await expect(first).toContainText('committed');
  await expect(first.getByRole('gridcell').nth(3)).toHaveText('1');
  const resent = grid.getByRole('row').filter({ hasText: 'pay-P1#2' });
  await expect(resent).toContainText('committed');
  await expect(resent.getByRole('gridcell').nth(3)).toHaveText('0');

  // and back to DDMQ, same seed: the topic's two messages again
  await switchQueue(page, 'rocketmq', 'ddmq');
  await expect(node(page, 'DDMQ')).toContainText('messages in topic');
  await expect(node(page, 'RocketMQ')).toHaveCount(0);
});
