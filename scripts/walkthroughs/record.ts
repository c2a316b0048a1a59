/**
 * Records one walkthrough video of a pattern's guided tour in real Chromium, driven by the same tour data the app
 * plays (src/patterns/<folder>/tour.ts), so a recording never drifts from the app: a title card per chapter, then
 * each step as the app shows it in presentation mode (its caption is part of the page, so it is burned in), held long
 * enough to read. Used by `npm run walkthroughs` (cli.ts) and by the e2e test that records a short one in CI.
 */
import type { Page } from '@playwright/test';
import { tourSteps, type PatternDef } from '../../src/engine';
import { contactSheet, encodeVideo, type Frame } from './video';

export interface RecordOptions {
  pattern: PatternDef;
  lang: 'en' | 'zh';
  /** The app's address (a `vite preview` of the build). */
  baseUrl: string;
  /** Output files. */
  video: string;
  sheet?: string;
  size: { width: number; height: number };
  /** Only the first `maxSteps` steps (the CI check records two). */
  maxSteps?: number;
  /** Reading time per step: base + per character of caption, in ms. */
  holdMs?: (caption: string) => number;
  /** How long each chapter's title card shows (default 2.2 s). */
  titleMs?: number;
  workDir: string;
  /** Title card texts: the tour's and each chapter's title, as the app words them in `lang`. */
  titles: { tour: string; chapters: string[] };
}

export interface RecordResult {
  steps: number;
  chapters: number;
  frames: number;
  wallMs: number;
}

const defaultHold = (caption: string) => Math.min(9000, 2500 + 45 * caption.length);

/** The deep link that opens `pattern`'s tour at `step` (1-based) in `lang` (see src/scenario/link.ts). */
export type TourLink = (patternId: string, step: number, lang: 'en' | 'zh') => string;

export async function recordTour(page: Page, link: TourLink, o: RecordOptions): Promise<RecordResult> {
  const tour = o.pattern.tour;
  if (!tour) throw new Error(`pattern ${o.pattern.id} has no tour`);
  const steps = tourSteps(tour).slice(0, o.maxSteps ?? Infinity);
  const hold = o.holdMs ?? defaultHold;
  const started = Date.now();
  await page.setViewportSize(o.size);
  await page.goto(o.baseUrl + link(o.pattern.id, 1, o.lang));
  const caption = page.locator('#tour-caption');
  await caption.waitFor({ state: 'visible', timeout: 60_000 });
  // Presentation mode: the caption large beside the verdict strip, as a room sees it.
  await page.keyboard.press('p');
  await page.locator('.tour-present').waitFor();

  const frames: Frame[] = [];
  const thumbs: Buffer[] = [];
  await page.screencast.start({
    size: o.size,
    quality: 85,
    onFrame: (f) => {
      frames.push({ data: f.data, ts: f.timestamp });
    },
  });
  let chapter = -1;
  for (const s of steps) {
    if (s.index > 0) {
      const before = await caption.textContent();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((prev) => document.getElementById('tour-caption')?.textContent !== prev, before);
    }
    // The step's scenario may be loading (sliced); then let the diagram settle.
    await page.waitForFunction(() => {
      const w = window as unknown as { __dtx?: { getState(): { loading: unknown } } };
      return !w.__dtx || w.__dtx.getState().loading === null;
    });
    await page.waitForTimeout(300);
    if (s.chapter !== chapter) {
      chapter = s.chapter;
      const ms = o.titleMs ?? 2200;
      await page.screencast.showOverlay(titleCard(o.titles.tour, o.titles.chapters[chapter], chapter), {
        duration: ms,
      });
      await page.waitForTimeout(ms + 100);
    }
    const text = (await caption.textContent()) ?? '';
    thumbs.push(await page.screenshot({ type: 'jpeg', quality: 80 }));
    await page.waitForTimeout(hold(text));
  }
  await page.screencast.stop();
  const end = frames.length ? frames[frames.length - 1].ts + 200 : 0;
  encodeVideo(frames, end, o.video, o.size, o.workDir + '/frames');
  if (o.sheet) contactSheet(thumbs, o.sheet, o.workDir + '/sheet');
  return { steps: steps.length, chapters: chapter + 1, frames: frames.length, wallMs: Date.now() - started };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A full-screen title card (drawn over the page by the screencast, so it is in the video, not in the app). */
function titleCard(tour: string, chapter: string, n: number): string {
  return `<div style="position:fixed;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;
    background:#0f172a;color:#f8fafc;font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;z-index:2147483647">
    <div style="font-size:28px;opacity:.8;margin-bottom:18px">${esc(tour)}</div>
    <div style="font-size:56px;font-weight:700;text-align:center;max-width:80%">${n + 1}. ${esc(chapter)}</div>
  </div>`;
}
