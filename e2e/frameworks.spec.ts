/**
 * Issue 11 in the browser: a person chooses TCC, switches the framework to dtm and then Seata in the parameters
 * panel, sees each default's source label follow the framework, applies it, and finds the framework's guard rows —
 * dtm's barrier rows, Seata's tcc_fence_log — in the table view.
 */
import type { Page } from '@playwright/test';
import { choosePattern, expect, goToEnd, node, openApp, test } from './fixtures';

const SMITH = 'Smith’s account service';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Parameters' });
const tablesPanel = (page: Page) => page.getByRole('region', { name: 'Tables' });

/** Open the parameters panel and choose a framework; the panel stays open (a draft until Apply). */
async function chooseFramework(page: Page, label: string): Promise<void> {
  if (!(await dialog(page).isVisible())) await page.getByRole('button', { name: 'Parameters' }).click();
  await dialog(page).getByLabel('Framework', { exact: true }).selectOption({ label });
}

/** The rows of Smith's table `table` at the end of the run, as text. */
async function smithRows(page: Page, table: string): Promise<string[]> {
  await node(page, SMITH).click();
  await page.getByRole('tab', { name: 'Tables' }).click();
  const panel = tablesPanel(page);
  await expect(panel.getByRole('combobox', { name: 'Node' })).toHaveValue('smith');
  await goToEnd(page);
  await panel.getByRole('combobox', { name: 'Table' }).selectOption(table);
  const rows = panel.getByRole('grid').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  return (await rows.allInnerTexts()).slice(1).map((s) => s.replace(/\s+/g, ' ').trim());
}

test('TCC: switching the framework to dtm, then Seata, changes the defaults’ sources and shows its guard rows', async ({
  page,
}) => {
  await openApp(page);
  await choosePattern(page, /TCC/);

  await chooseFramework(page, 'dtm');
  const d = dialog(page);
  const timeout = d.getByLabel('Try timeout (ms)', { exact: true });
  await expect(timeout).toHaveValue('35000');
  await expect(d.getByText(/default from dtm: dtmsvr\/config\/config\.go TimeoutToFail 35 s/)).toBeVisible();
  await expect(d.getByText(/default from dtm: dtmsvr\/config\/config\.go RetryInterval 10 s/)).toBeVisible();
  // what the framework handles and leaves to the business is said beside the choice
  await expect(d.getByText(/reverse order, stopping at the first failure/)).toBeVisible();
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d).toBeHidden();
  // dtm's barrier: insert-ignore rows (gid, branch, op) written with Smith's try and confirm
  const barrier = await smithRows(page, 'barrier');
  expect(barrier).toEqual([expect.stringMatching(/g1 smith try/), expect.stringMatching(/g1 smith confirm/)]);

  await chooseFramework(page, 'Seata');
  await expect(timeout).toHaveValue('60000');
  await expect(d.getByText(/default from Seata: DefaultValues DEFAULT_GLOBAL_TRANSACTION_TIMEOUT 60 s/)).toBeVisible();
  await expect(
    d.getByText(/default from Seata: DefaultCoordinator committing \/ rollbacking retry period 1 s/),
  ).toBeVisible();
  await expect(d.getByText(/dtmsvr/)).toHaveCount(0);
  // an edit of one value is kept local to that field and says it differs from Seata's default
  await d.getByLabel('Retry interval (ms)', { exact: true }).fill('2000');
  await expect(d.getByText(/Seata: DefaultCoordinator .* \(edited: differs from this default\)/)).toBeVisible();
  await expect(d.getByText(/default from Seata: DefaultValues/)).toBeVisible();
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d).toBeHidden();
  // Seata's fence: one tcc_fence_log row per (xid, branch), its status committed after the Confirm
  const fence = await smithRows(page, 'tcc_fence_log');
  expect(fence).toEqual([expect.stringMatching(/g1 smith smithAction committed \(2\)/)]);
});
