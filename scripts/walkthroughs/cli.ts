/**
 * `npm run walkthroughs [-- --lang en|zh --pattern <id> --size WxH (default 1920x1080) --steps N --out DIR]`: one video per
 * pattern tour and language (mp4, H.264, title card per chapter, captions burned in) plus a contact sheet per tour,
 * into recordings/ (git-ignored). Builds the app unless SKIP_BUILD=1, serves it with `vite preview`, records in
 * Debian's Chromium (or Playwright's), and prints each tour's wall time and video size.
 */
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { patterns } from '../../src/patterns/registry';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { haveFfmpeg, probeVideo } from './video';
import { recordTour } from './record';
import { tourLink } from './link';

type Lang = 'en' | 'zh';
const ROOT = resolve(import.meta.dirname, '../..');

function args() {
  const a = process.argv.slice(2);
  const get = (name: string) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const lang = get('lang');
  const pattern = get('pattern');
  const size = get('size') ?? '1920x1080';
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(size);
  if (lang && lang !== 'en' && lang !== 'zh') fail(`--lang: expected en or zh, got ${lang}`);
  if (pattern && !patterns.some((p) => p.id === pattern))
    fail(`--pattern: unknown pattern ${pattern} (known: ${patterns.map((p) => p.id).join(', ')})`);
  if (!m || Number(m[1]) < 1280 || Number(m[2]) < 720) fail(`--size: expected WIDTHxHEIGHT of at least 1280x720`);
  const steps = get('steps');
  if (steps !== undefined && !(Number(steps) >= 1)) fail(`--steps: expected a positive number, got ${steps}`);
  return {
    langs: (lang ? [lang] : ['en', 'zh']) as Lang[],
    patterns: patterns.filter((p) => (pattern ? p.id === pattern : true)),
    size: { width: Number(m![1]), height: Number(m![2]) },
    maxSteps: steps === undefined ? undefined : Number(steps),
    out: resolve(get('out') ?? join(ROOT, 'recordings')),
    port: Number(get('port') ?? 4391),
  };
}

function fail(msg: string): never {
  console.error(`walkthroughs: ${msg}`);
  process.exit(2);
}

/** Every pattern folder's strings in one language (the app merges the same files; see src/i18n/lang-en.ts). */
async function strings(lang: Lang): Promise<Record<string, string>> {
  const dict: Record<string, string> = {};
  const dir = join(ROOT, 'src/patterns');
  for (const folder of readdirSync(dir)) {
    const f = join(dir, folder, `strings.${lang}.ts`);
    if (existsSync(f)) Object.assign(dict, (await import(pathToFileURL(f).href)).default);
  }
  return dict;
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function main() {
  const o = args();
  if (!haveFfmpeg()) fail('ffmpeg and ffprobe are needed (Debian: apt-get install ffmpeg)');
  const missing = o.patterns.filter((p) => !p.tour);
  if (missing.length) fail(`no tour for ${missing.map((p) => p.id).join(', ')}`);
  mkdirSync(o.out, { recursive: true });
  if (!process.env.SKIP_BUILD) execSync('npx vite build --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
  const base = `http://127.0.0.1:${o.port}`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(o.port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await waitFor(base + '/', 30_000);
    for (const lang of o.langs) {
      const dict = await strings(lang);
      for (const p of o.patterns) {
        const name = `${p.id}-${lang}`;
        const page = await browser.newPage({ viewport: o.size, serviceWorkers: 'block' });
        const r = await recordTour(page, tourLink, {
          pattern: p,
          lang,
          baseUrl: base,
          video: join(o.out, `${name}.mp4`),
          sheet: join(o.out, `${name}-sheet.png`),
          size: o.size,
          maxSteps: o.maxSteps,
          workDir: join(o.out, `.work-${name}`),
          titles: {
            tour: dict[`pattern.${p.id}.name`] ?? p.id,
            chapters: p.tour!.chapters.map((c) => dict[c.title] ?? c.id),
          },
        });
        await page.close();
        const v = probeVideo(join(o.out, `${name}.mp4`));
        const mb = statSync(join(o.out, `${name}.mp4`)).size / 1e6;
        console.log(
          `${name}: ${r.chapters} chapters, ${r.steps} steps, ${v.width}×${v.height} ${v.codec}, ` +
            `${v.seconds.toFixed(1)} s of video, ${mb.toFixed(2)} MB, recorded in ${(r.wallMs / 1000).toFixed(1)} s wall`,
        );
      }
    }
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!);
    } catch {
      /* already gone */
    }
  }
  console.log(`recordings in ${o.out}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
