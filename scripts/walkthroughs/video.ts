/**
 * Frames → video, thumbnails → contact sheet, and the probe that checks a video: the parts of the walkthrough
 * recorder that need ffmpeg (Debian's, TOOLCHAIN.md). Frames come from Playwright's screencast API, which hands a
 * JPEG only when the page changes; each frame is shown until the next one, so a still caption costs one frame.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Frame {
  data: Buffer;
  /** Milliseconds, as the screencast stamps them. */
  ts: number;
}

export function haveFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The concat demuxer's script for frames shown until the next one; the last frame lasts until `endTs`. (The demuxer
 * ignores the last entry's duration, so that file is listed once more.)
 */
export function concatScript(frames: { file: string; ts: number }[], endTs: number): string {
  const lines = ['ffconcat version 1.0'];
  frames.forEach((f, i) => {
    const next = i + 1 < frames.length ? frames[i + 1].ts : Math.max(endTs, f.ts + 40);
    lines.push(`file '${f.file}'`, `duration ${Math.max(0.001, (next - f.ts) / 1000).toFixed(3)}`);
  });
  if (frames.length) lines.push(`file '${frames[frames.length - 1].file}'`);
  return lines.join('\n') + '\n';
}

/** Write `frames` as an H.264 mp4 (30 fps constant, yuv420p: plays in every browser and player) of `size`. */
export function encodeVideo(
  frames: Frame[],
  endTs: number,
  out: string,
  size: { width: number; height: number },
  workDir: string,
): void {
  if (!frames.length) throw new Error('no frames were captured');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const files = frames.map((f, i) => {
    const file = `${String(i).padStart(6, '0')}.jpg`;
    writeFileSync(join(workDir, file), f.data);
    return { file, ts: f.ts };
  });
  writeFileSync(join(workDir, 'frames.ffconcat'), concatScript(files, endTs));
  const { width, height } = size;
  execFileSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', 'frames.ffconcat'],
      ...[
        '-vf',
        `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,fps=30`,
      ],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
      out,
    ],
    { cwd: workDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(workDir, { recursive: true, force: true });
}

/** One image of thumbnails (4 a row, 320 px wide each), from JPEG or PNG screenshots. */
export function contactSheet(images: Buffer[], out: string, workDir: string): void {
  if (!images.length) return;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  images.forEach((img, i) => writeFileSync(join(workDir, `${String(i).padStart(4, '0')}.jpg`), img));
  const cols = Math.min(4, images.length);
  const rows = Math.ceil(images.length / cols);
  execFileSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-framerate', '1', '-i', '%04d.jpg'],
      ...['-vf', `scale=320:-2,pad=iw+8:ih+8:4:4:white,tile=${cols}x${rows}:color=white`, '-frames:v', '1'],
      out,
    ],
    { cwd: workDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(workDir, { recursive: true, force: true });
}

export interface VideoFacts {
  codec: string;
  width: number;
  height: number;
  seconds: number;
}

/** What ffprobe reads from a video file's first video stream (throws when there is none). */
export function probeVideo(file: string): VideoFacts {
  const out = execFileSync(
    'ffprobe',
    [
      ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height:format=duration'],
      ...['-of', 'json', file],
    ],
    { encoding: 'utf8' },
  );
  const j = JSON.parse(out) as {
    streams?: { codec_name: string; width: number; height: number }[];
    format?: { duration?: string };
  };
  const s = j.streams?.[0];
  if (!s) throw new Error(`${file} has no video stream`);
  return { codec: s.codec_name, width: s.width, height: s.height, seconds: Number(j.format?.duration ?? 0) };
}
