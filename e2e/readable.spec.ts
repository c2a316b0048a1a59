/**
 * Issue 13, "a screen a room can read" (part B): what a presenter saw cut off or unreachable, done as they did it.
 * Pickers show the whole name at 1920 px; node cards never cut a value; the event log names its actors; the
 * sequence chart's arrows are reachable by keyboard and easy to hit.
 */
import type { Locator, Page } from '@playwright/test';
import { patterns } from '../src/patterns/registry';
import { expect, openApp, test } from './fixtures';

const LANGS = [
  { lang: 'en', button: 'EN', pattern: 'Pattern', scenario: 'Scenario' },
  { lang: 'zh', button: '中文', pattern: '模式', scenario: '场景' },
] as const;

async function setLang(page: Page, button: string) {
  await page
    .getByRole('group', { name: /Language|语言/ })
    .getByRole('button', { name: button })
    .click();
}

/** How much of the select's shown text is hidden: text width (canvas, the select's own font) minus its room. */
async function hiddenPx(select: Locator): Promise<{ text: string; over: number }> {
  return select.evaluate((el: HTMLSelectElement) => {
    const cs = getComputedStyle(el);
    const text = el.selectedOptions[0]?.text ?? '';
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const w = ctx.measureText(text).width;
    // The drop-down arrow takes about 20 px of the content box.
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
    return { text, over: w - room };
  });
}

for (const l of LANGS) {
  test(`header pickers show every pattern and scenario name whole at 1920 px, without repeating its tag (${l.lang})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page);
    await setLang(page, l.button);
    const patternBox = page.getByRole('combobox', { name: l.pattern });
    const scenarioBox = page.getByRole('combobox', { name: l.scenario });
    for (const p of patterns) {
      await patternBox.selectOption(p.id);
      const pm = await hiddenPx(patternBox);
      expect(pm.over, `pattern "${pm.text}" is cut`).toBeLessThanOrEqual(1);
      for (const s of p.scenarios) {
        await scenarioBox.selectOption(s.id);
        const sm = await hiddenPx(scenarioBox);
        expect(sm.over, `scenario "${sm.text}" is cut`).toBeLessThanOrEqual(1);
        for (const c of s.claims) expect(sm.text.split(c).length - 1, `"${sm.text}" repeats ${c}`).toBe(1);
      }
    }
  });
}
