/**
 * Issue 12, item 3 in the browser: the RocketMQ transactional message. A person picks the pattern and the scenario
 * whose COMMIT is lost, opens the broker's half-message table, sees the half message waiting with no check yet,
 * selects its row, and follows it on the sequence chart to the broker's check-back (反查) a minute later.
 */
import type { Page } from '@playwright/test';
import { chooseScenario, choosePattern, expect, goToEnd, node, openApp, scrubber, stepTo, test } from './fixtures';

const tablesPanel = (page: Page) => page.getByRole('region', { name: 'Tables' });
const chart = (page: Page) => page.getByRole('region', { name: 'Message sequence', exact: true });

/** The seq of the first event of `kind` with message `type` at `node`: a fact read from the trace, never an action. */
async function eventSeq(page: Page, kind: string, node: string, type: string): Promise<number> {
  return page.evaluate(
    ([kind, node, type]) => {
      type Ev = { seq: number; kind: string; node: string; msg?: { type: string } };
      const s = (window as unknown as { __dtx: { getState(): { result: { events: Ev[] } } } }).__dtx.getState();
      return s.result.events.find((e) => e.kind === kind && e.node === node && e.msg?.type === type)?.seq ?? -1;
    },
    [kind, node, type],
  );
}

test('a half message’s row in the broker’s table leads to its check-back on the sequence chart', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /Transactional message \(RocketMQ\)/);
  await chooseScenario(page, /COMMIT is lost/);

  // Open the broker's tables and pick the half-message store.
  await node(page, 'RocketMQ broker').click();
  await page.getByRole('tab', { name: 'Tables' }).click();
  const panel = tablesPanel(page);
  await expect(panel.getByRole('combobox', { name: 'Node' })).toHaveValue('broker');
  const picker = panel.getByRole('combobox', { name: 'Table' });
  await picker.selectOption('halfMsgs');
  const grid = panel.getByRole('grid');

  // Mid-run, right after the lost COMMIT: the half message waits, invisible, not checked yet.
  const lostCommit = await eventSeq(page, 'send', 'producer', 'END_TX');
  expect(lostCommit).toBeGreaterThan(0);
  await stepTo(page, lostCommit + 1);
  const row = grid.getByRole('row').filter({ hasText: 'msg-T1' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('half');
  await expect(row.getByRole('gridcell').nth(3)).toHaveText('0');

  // Select the row: its messages are highlighted on the sequence chart, the others dimmed.
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');

  // Follow it: at the end the row says committed after one check; the check-back arrow is one of its messages.
  await goToEnd(page);
  await expect(row).toContainText('committed');
  await expect(row.getByRole('gridcell').nth(3)).toHaveText('1');
  // Scroll the chart back (mouse wheel at its left margin, away from the arrows) until the check-back is on screen.
  // Present is not enough: the chart also draws a margin above and below what shows, and clicking an arrow there
  // makes the browser scroll it into view first, which moves it under the pointer (the chart redraws on scroll).
  const check = chart(page).getByRole('button', { name: /^CHECK_TX RocketMQ broker → Order service/ });
  const onScreen = async () =>
    (await check.count()) === 1 &&
    (await check.evaluate((el) => {
      const a = el.getBoundingClientRect();
      const v = (el as SVGGElement).ownerSVGElement?.getBoundingClientRect();
      return !!v && a.top >= v.top && a.bottom <= v.bottom;
    }));
  const box = await chart(page).boundingBox();
  if (!box) throw new Error('no chart');
  await page.mouse.move(box.x + 4, box.y + box.height * 0.6);
  // Big steps until it is drawn, small ones after (so as not to step past the view, which is not much taller).
  for (let i = 0; i < 80 && !(await onScreen()); i++) await page.mouse.wheel(0, (await check.count()) ? -40 : -150);
  await expect.poll(onScreen).toBe(true);
  await page.mouse.move(box.x - 40, box.y + box.height + 40);
  await expect(check).toHaveAttribute('opacity', '1');
  const fetch = chart(page)
    .getByRole('button', { name: /^FETCH / })
    .last();
  await expect(fetch).toHaveAttribute('opacity', '0.45');

  // Click the check-back: the cursor goes to its arrival at the producer, a minute after the order.
  const checkAt = await eventSeq(page, 'deliver', 'producer', 'CHECK_TX');
  await check.click();
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(checkAt + 1));
  await expect(check).toHaveAccessibleName(/: sent 1 m 00 s/);
});
