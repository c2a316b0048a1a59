/**
 * Shared end-to-end helpers: a `test` whose every page records page errors and console errors (and fails the test
 * when any occurred: errors are UI, not console), and small person-level actions located by role and accessible
 * name (the i18n strings), so the tests survive styling changes.
 *
 * The app exposes a read-only handle, window.__dtx.getState(); tests use it only to READ facts (the trace hash, the
 * event count, an event's position), never to drive the UI.
 */
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export interface PageProblems {
  errors: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  // Fixed browser language: the app's default follows the browser, and these tests read English names first.
  locale: 'en-US',
  problems: [
    async ({ context }, use) => {
      const problems: PageProblems = { errors: [] };
      const watch = (page: Page) => {
        page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') problems.errors.push(`console.error: ${m.text()}`);
          // The app reports a view that failed to draw (error boundary) as a one-line warning: that is an error too.
          else if (m.type() === 'warning' && m.text().startsWith('[dtx-lab]'))
            problems.errors.push(`app warning: ${m.text()}`);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      expect(problems.errors, 'page errors or console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** What the read-only handle gives; only the fields the tests read. */
export interface DtxFacts {
  hash: string;
  events: number;
  pos: number;
  pattern: string;
  scenarioName: string | null;
  faults: number;
}

export async function facts(page: Page): Promise<DtxFacts> {
  return page.evaluate(() => {
    type S = {
      result: { hash: string; events: unknown[] };
      cursor: { pos: number };
      pattern: { id: string };
      scenario: { name?: string; faults: unknown[] };
    };
    const s = (window as unknown as { __dtx: { getState(): S } }).__dtx.getState();
    return {
      hash: s.result.hash,
      events: s.result.events.length,
      pos: s.cursor.pos,
      pattern: s.pattern.id,
      scenarioName: s.scenario.name ?? null,
      faults: s.scenario.faults.length,
    };
  });
}

/** Open the app (optionally at a hash) and wait until the lab is on screen. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto('/' + hash);
  await expect(scrubber(page)).toBeVisible();
  await page.waitForFunction(() => !!(window as unknown as { __dtx?: unknown }).__dtx);
}

export const scrubber = (page: Page): Locator => page.getByRole('slider', { name: 'Time cursor' });
export const timeline = (page: Page): Locator => page.getByRole('region', { name: 'Timeline' });
export const invariants = (page: Page): Locator => page.getByRole('region', { name: 'Invariants' });
export const faultPanel = (page: Page): Locator => page.getByRole('region', { name: 'Faults' });
export const diagram = (page: Page): Locator => page.getByRole('region', { name: 'Topology' });
/** A service in the diagram (React Flow node, role=group named by its label, in whichever language is on). */
export const node = (page: Page, name: string): Locator =>
  page.locator('.react-flow').getByRole('group', { name, exact: true });

/** The invariant row (a list item of the invariant panel) whose title is `title`. */
export function invariant(page: Page, title: string | RegExp): Locator {
  return invariants(page).getByRole('list').first().getByRole('listitem').filter({ hasText: title });
}

/** The cursor position (events applied), from the scrubber's aria-valuenow. */
export async function cursorPos(page: Page): Promise<number> {
  return Number(await scrubber(page).getAttribute('aria-valuenow'));
}

/** Pick an option of a header select whose label contains `text` (tolerant of label polish around it). */
export async function pick(select: Locator, text: string | RegExp): Promise<void> {
  const option = select.getByRole('option', { name: text }).first();
  const value = await option.getAttribute('value');
  if (value === null) throw new Error(`option ${text} has no value`);
  await select.selectOption(value);
}

export async function choosePattern(page: Page, name: string | RegExp): Promise<void> {
  await pick(page.getByRole('combobox', { name: 'Pattern' }), name);
}

export async function chooseScenario(page: Page, name: string | RegExp): Promise<void> {
  await pick(page.getByRole('combobox', { name: 'Scenario' }), name);
}

/** Go to the end with the ⏭ button and wait until the cursor is there. */
export async function goToEnd(page: Page): Promise<void> {
  await timeline(page).getByRole('button', { name: 'Go to end' }).click();
  const max = (await scrubber(page).getAttribute('aria-valuemax')) ?? '';
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', max);
}

/** Move the cursor to `pos` events with the keyboard, as a presenter does: Home, then → one event at a time. */
export async function stepTo(page: Page, pos: number): Promise<void> {
  await scrubber(page).focus();
  await page.keyboard.press('Home');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', '0');
  for (let i = 0; i < pos; i++) await page.keyboard.press('ArrowRight');
  await expect(scrubber(page)).toHaveAttribute('aria-valuenow', String(pos));
}
