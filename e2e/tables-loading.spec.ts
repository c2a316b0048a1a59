/**
 * Issue 10 in the browser: the generic table view (a node's tables at the cursor, linked with the other views),
 * loading a long scenario in slices (a progress bar, the page usable meanwhile, Cancel keeps the previous run) and
 * the event budget's message.
 */
import type { Page } from '@playwright/test';
import { choosePattern, expect, facts, goToEnd, node, openApp, scrubber, stepTo, test } from './fixtures';

const BOB = 'Bob’s account service';

const tablesPanel = (page: Page) => page.getByRole('region', { name: 'Tables' });
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Simulation progress' });

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

/** Whether a long scenario is being computed (read from the store; the test acts only through the UI). */
async function isLoading(page: Page): Promise<boolean> {
  return page.evaluate(
    () => !!(window as unknown as { __dtx: { getState(): { loading: unknown } } }).__dtx.getState().loading,
  );
}

/** Open Parameters, set the field labelled `label` (and more fields), Apply. */
async function setParameter(page: Page, label: string, value: string, more: [string, string][] = []): Promise<void> {
  await page.getByRole('button', { name: 'Parameters' }).click();
  const dialog = page.getByRole('dialog', { name: 'Parameters' });
  for (const [l, v] of [[label, value], ...more]) await dialog.getByLabel(l, { exact: true }).fill(v);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
}

test('the table view shows Bob’s transaction rows at the cursor, changing as the cursor moves', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /TCC/);
  await node(page, BOB).click();
  await page.getByRole('tab', { name: 'Tables' }).click();
  const panel = tablesPanel(page);
  await expect(panel.getByRole('combobox', { name: 'Node' })).toHaveValue('bob');

  // At the end of the happy path Bob's transaction is confirmed: find the table that lists it.
  await goToEnd(page);
  const picker = panel.getByRole('combobox', { name: 'Table' });
  const tables = await picker.getByRole('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(tables.length).toBeGreaterThan(1); // his own tables and the locks table
  expect(tables).toContain('locks');
  const grid = panel.getByRole('grid');
  let found: string | null = null;
  for (const name of tables) {
    await picker.selectOption(name);
    if (
      (await grid
        .getByRole('row')
        .filter({ hasText: /confirmed/i })
        .count()) > 0
    ) {
      found = name;
      break;
    }
  }
  expect(found, 'a table of Bob’s that lists his confirmed transaction').not.toBeNull();
  // each table says how many rows it has at the cursor
  await expect(picker.getByRole('option', { selected: true })).toContainText(/rows: [1-9]/);

  // Right after his Try: the transaction is tried (its amount frozen), not yet confirmed.
  const tryAt = await deliverySeq(page, 'bob', 'TRY');
  expect(tryAt).toBeGreaterThan(0);
  await stepTo(page, tryAt + 1);
  await expect(grid.getByRole('row').filter({ hasText: /tried|frozen/i })).not.toHaveCount(0);
  await expect(grid.getByRole('row').filter({ hasText: /confirmed/i })).toHaveCount(0);

  // Before anything happened: no transaction row at all.
  await scrubber(page).press('Home');
  await expect(grid.getByRole('row').filter({ hasText: /tried|confirmed/i })).toHaveCount(0);

  // Selecting a row selects it (the linked views highlight its transaction's messages).
  await goToEnd(page);
  const row = grid
    .getByRole('row')
    .filter({ hasText: /confirmed/i })
    .first();
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
});

test('a long scenario loads in slices: progress bar, the page stays usable, Cancel keeps the previous run', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await choosePattern(page, /Two-phase commit/);
  const small = await facts(page);

  // 5,000 transactions: the progress bar shows, and the page answers clicks while the run is computed.
  // (1 ms apart, so that all of them start within the scenario's horizon)
  await setParameter(page, 'Transactions', '5000', [['Gap between transactions (ms)', '1']]);
  await expect(progress(page)).toBeVisible();
  await expect(page.getByText('The previous run stays on screen until this one is ready.')).toBeVisible();
  // the previous run is still the one on screen
  expect((await facts(page)).hash).toBe(small.hash);
  if (await isLoading(page)) {
    // another control works during loading: switch the bottom-right panel to the event log
    const logTab = page.getByRole('tab', { name: 'Event log' });
    await logTab.click();
    await expect(logTab).toHaveAttribute('aria-selected', 'true');
  }
  await expect(progress(page)).toBeHidden({ timeout: 120_000 });
  const big = await facts(page);
  expect(big.events).toBeGreaterThan(small.events * 100);
  expect(big.hash).not.toBe(small.hash);

  // A larger one, cancelled: the 5,000-transaction run stays.
  await setParameter(page, 'Transactions', '20000', [['Gap between transactions (ms)', '1']]);
  await expect(progress(page)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(progress(page)).toBeHidden();
  const after = await facts(page);
  expect(after.hash).toBe(big.hash);
  expect(after.events).toBe(big.events);
  await page.getByRole('button', { name: 'Parameters' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Parameters' }).getByLabel('Transactions', { exact: true }),
  ).toHaveValue('5000');
});

test('a run stopped by its event budget says so; raising the budget in Parameters lifts it', async ({ page }) => {
  await openApp(page);
  await choosePattern(page, /Two-phase commit/);
  const full = await facts(page);
  expect(full.events).toBeGreaterThan(20);

  await setParameter(page, 'Event budget', '20');
  const msg = page.getByRole('status').filter({ hasText: 'This scenario stops after 20 events' });
  await expect(msg).toBeVisible();
  await expect(msg).toContainText('raise the event budget in Parameters');
  // the budget is checked between steps; one step may record a few events (its sends, its notes)
  const stopped = (await facts(page)).events;
  expect(stopped).toBeGreaterThanOrEqual(20);
  expect(stopped).toBeLessThan(40);

  await setParameter(page, 'Event budget', '2000000');
  await expect(msg).toBeHidden();
  expect((await facts(page)).hash).toBe(full.hash);
});
