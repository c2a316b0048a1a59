/**
 * Deep links: a whole scenario in the URL hash, `#s=1.<lz-string data>`, optionally followed by `&t=<virtual ms>`,
 * the cursor's time when the link was made. The version prefix lets a later format change keep old links readable
 * (or say clearly that they are too old); a link without `t` opens at 0.
 *
 * A link is bounded before anything else runs: at most MAX_LINK_CHARS characters of compressed data, and it is
 * unpacked with a bounded decompressor (lz.ts) that stops past MAX_DECODED_CHARS.
 */
import * as lzModule from 'lz-string';
import type { Scenario } from '../engine/types';
import { scenarioError } from './errors';
import { decompressBounded } from './lz';
import { MAX_TIME, parseScenario, scenarioToJson, type ParseOptions, type ParseResult } from './schema';

// lz-string is CommonJS: a bundler gives its functions as named exports, Node's ESM loader (tsx: npm run fuzz) only
// as `default`.
const lz: typeof lzModule = (lzModule as { default?: typeof lzModule }).default ?? lzModule;

export const LINK_VERSION = 1;
const PREFIX = `s=${LINK_VERSION}.`;
/** 64 KB of compressed data: far above any hand-made scenario (the examples are 0.3–1 KB). */
export const MAX_LINK_CHARS = 64 * 1024;
/** 2 MB of scenario JSON once unpacked. */
export const MAX_DECODED_CHARS = 2 * 1024 * 1024;

export type LinkResult = ParseResult & { t?: number };

export { renderError } from './errors';

/** The hash fragment (with '#') that reproduces `s` exactly; with `t`, the cursor opens at that virtual time. */
export function encodeLink(s: Scenario, t?: number): string {
  return (
    '#' + PREFIX + lz.compressToEncodedURIComponent(JSON.stringify(JSON.parse(scenarioToJson(s)))) + cursorSuffix(t)
  );
}

/** The `&t=<ms>` part of a link ('' at 0): appended to an already encoded link when only the cursor moved. */
export function cursorSuffix(t: number | undefined): string {
  return t !== undefined && Number.isFinite(t) && t > 0 ? `&t=${Math.round(t * 1000) / 1000}` : '';
}

const fail = (path: string, code: Parameters<typeof scenarioError>[1], params = {}): LinkResult => ({
  ok: false,
  error: scenarioError(path, code, params),
});

/** Decode a hash (with or without '#'); a tampered, truncated, oversized or foreign link gives a clear error. */
export function decodeLink(hash: string, opts: ParseOptions = {}): LinkResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^s=(\d{1,9})\.([^&]*)((?:&[^&]*)*)$/s.exec(h);
  if (!m) return fail('link', 'linkFormat');
  if (Number(m[1]) !== LINK_VERSION) return fail('link', 'linkVersion', { version: m[1], supported: LINK_VERSION });
  if (m[2].length > MAX_LINK_CHARS) return fail('link', 'linkTooLong', { size: m[2].length, max: MAX_LINK_CHARS });
  const d = decompressBounded(m[2], MAX_DECODED_CHARS);
  if (!d.ok)
    return d.reason === 'tooBig' ? fail('link', 'linkTooBig', { max: MAX_DECODED_CHARS }) : fail('link', 'linkDamaged');
  let value: unknown;
  try {
    value = JSON.parse(d.text);
  } catch {
    return fail('link', 'linkNotJson');
  }
  const r = parseScenario(value, opts);
  if (!r.ok) return { ok: false, error: { ...r.error, message: `${r.error.message} (in the link)` } };
  const t = cursorParam(m[3]);
  return t === undefined ? r : { ...r, t };
}

/** `&t=<ms>`: a finite time in range, or nothing (an unreadable cursor opens at 0 rather than refusing the link). */
function cursorParam(rest: string): number | undefined {
  for (const part of rest.split('&')) {
    if (!part.startsWith('t=')) continue;
    const t = Number(part.slice(2));
    if (part.length > 2 && Number.isFinite(t) && t >= 0 && t <= MAX_TIME) return t;
  }
  return undefined;
}
