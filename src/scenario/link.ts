/**
 * Deep links: a whole scenario in the URL hash, `#s=1.<lz-string data>`, then optional parameters, in this order when
 * the app writes them (any order is read; an unknown parameter is ignored; the first of a repeated one counts):
 * - `&t=<virtual ms>`: the cursor's time (0 … MAX_TIME); absent: 0;
 * - `&p=<events applied>`: the cursor's position, written only when several events share that time and the cursor
 *   is between them (0 … MAX_POS; clamped into the run once it is simulated);
 * - `&tour=<pattern id>&step=<n>`: the guided tour of the link's pattern open at step n (1-based, flat order over
 *   all chapters); without `t` the cursor goes to the step's event;
 * - `&lang=en|zh`: the language to show.
 * The version prefix lets a later format change keep old links readable (or say clearly that they are too old);
 * an old link (scenario and `t` only) opens as before. A parameter that is present but wrong (a cursor out of range
 * or not a number, an unknown tour, a step out of range or without a tour, an unknown language) rejects the link
 * with an error naming it (path `t`, `p`, `tour`, `step`, `lang`), so nothing on screen changes.
 *
 * A link is bounded before anything else runs: at most MAX_LINK_CHARS characters of compressed data, and it is
 * unpacked with a bounded decompressor (lz.ts) that stops past MAX_DECODED_CHARS.
 */
import { scenarioError } from './errors';
import { decompressBounded } from './lz';
import { MAX_TIME, parseScenario, type ParseOptions, type ParseResult } from './schema';
import { tourSteps } from '../engine/tour';
import { getPattern } from '../patterns/registry';
import {
  LINK_LANGS,
  LINK_VERSION,
  MAX_DECODED_CHARS,
  MAX_LINK_CHARS,
  MAX_POS,
  type LinkExtras,
  type LinkLang,
} from './encode';

export {
  LINK_LANGS,
  LINK_VERSION,
  MAX_DECODED_CHARS,
  MAX_LINK_CHARS,
  MAX_POS,
  cursorSuffix,
  encodeLink,
  extrasSuffix,
  type LinkExtras,
  type LinkLang,
} from './encode';

export type LinkResult = ParseResult & LinkExtras;

export { renderError } from './errors';

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
  const params = linkParams(m[3]);
  const out: LinkResult = { ...r };
  const num = (key: 't' | 'p', max: number, int: boolean): number | LinkResult | undefined => {
    const raw = params.get(key);
    if (raw === undefined) return undefined;
    const n = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > max || (int && !Number.isInteger(n)))
      return fail(key, 'linkCursor', { value: raw.slice(0, 40), min: 0, max });
    return n;
  };
  const t = num('t', MAX_TIME, false);
  if (typeof t === 'object') return t;
  if (t !== undefined) out.t = t;
  const pos = num('p', MAX_POS, true);
  if (typeof pos === 'object') return pos;
  if (pos !== undefined) out.pos = pos;

  const tour = params.get('tour');
  const step = params.get('step');
  if (tour !== undefined) {
    const p = getPattern(r.scenario.pattern);
    const steps = p?.tour ? tourSteps(p.tour).length : 0;
    if (tour !== r.scenario.pattern || !steps)
      return fail('tour', 'linkTour', {
        tour: tour.slice(0, 40),
        pattern: r.scenario.pattern,
        known: steps ? r.scenario.pattern : '—',
      });
    const n = step === undefined || step === '' ? NaN : Number(step);
    if (!Number.isInteger(n) || n < 1 || n > steps)
      return fail('step', 'linkStep', { value: (step ?? '').slice(0, 40), max: steps });
    out.tour = tour;
    out.step = n;
  } else if (step !== undefined) return fail('step', 'linkStepAlone');

  const lang = params.get('lang');
  if (lang !== undefined) {
    if (!(LINK_LANGS as readonly string[]).includes(lang))
      return fail('lang', 'linkLang', { value: lang.slice(0, 40), known: LINK_LANGS.join(', ') });
    out.lang = lang as LinkLang;
  }
  return out;
}

/** The `&key=value` parameters after the data (URI-decoded; the first of a repeated key counts). */
function linkParams(rest: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of rest.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    let value = part.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // a malformed escape stays as it is (and is then rejected as a value)
    }
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}
