/**
 * Deep links: a whole scenario in the URL hash, `#s=1.<lz-string data>`. The version prefix lets a later format
 * change keep old links readable (or say clearly that they are too old).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Scenario } from '../engine/types';
import { parseScenario, scenarioToJson, type ParseOptions, type ParseResult } from './schema';

export const LINK_VERSION = 1;
const PREFIX = `s=${LINK_VERSION}.`;

/** The hash fragment (with '#') that reproduces `s` exactly. */
export function encodeLink(s: Scenario): string {
  return '#' + PREFIX + compressToEncodedURIComponent(JSON.stringify(JSON.parse(scenarioToJson(s))));
}

/** Decode a hash (with or without '#'); a tampered, truncated or foreign link gives a clear error. */
export function decodeLink(hash: string, opts: ParseOptions = {}): ParseResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^s=(\d+)\.(.*)$/s.exec(h);
  if (!m) return { ok: false, error: { path: 'link', message: 'not a dtx-lab scenario link (expected #s=1.…)' } };
  if (Number(m[1]) !== LINK_VERSION) {
    return {
      ok: false,
      error: { path: 'link', message: `unsupported link version ${m[1]} (this app reads ${LINK_VERSION})` },
    };
  }
  let json: string | null = null;
  try {
    json = decompressFromEncodedURIComponent(m[2]);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, error: { path: 'link', message: 'the link is damaged (cannot be decompressed)' } };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: { path: 'link', message: 'the link is damaged (its content is not valid JSON)' } };
  }
  const r = parseScenario(value, opts);
  if (!r.ok) return { ok: false, error: { path: r.error.path, message: `${r.error.message} (in the link)` } };
  return r;
}
