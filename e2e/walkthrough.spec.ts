/**
 * The walkthrough recorder cannot rot: CI records a short walkthrough (the first two steps of the 2PC tour, each
 * held one second) through the same code `npm run walkthroughs` uses, and ffprobe checks its video stream.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { getPattern } from '../src/patterns/registry';
import { recordTour } from '../scripts/walkthroughs/record';
import { tourLink } from '../scripts/walkthroughs/link';
import { probeVideo } from '../scripts/walkthroughs/video';

test('a short walkthrough records as a 1280×720 H.264 video with a contact sheet', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'dtx-walk-'));
  try {
    const pattern = getPattern('2pc')!;
    const r = await recordTour(page, tourLink, {
      pattern,
      lang: 'en',
      baseUrl: baseURL!,
      video: join(dir, 'short.mp4'),
      sheet: join(dir, 'sheet.png'),
      size: { width: 1280, height: 720 },
      maxSteps: 2,
      holdMs: () => 1000,
      titleMs: 800,
      workDir: join(dir, 'work'),
      titles: { tour: 'Two-phase commit', chapters: pattern.tour!.chapters.map((c) => c.id) },
    });
    expect(r.steps).toBe(2);
    expect(r.frames).toBeGreaterThan(2);
    const v = probeVideo(join(dir, 'short.mp4'));
    expect(v).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
    expect(v.seconds).toBeGreaterThan(2);
    expect(statSync(join(dir, 'sheet.png')).size).toBeGreaterThan(10_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
