/**
 * The scenario fuzzer of issue 10, shared by the CI property test (scripts/fuzz.test.ts, a few hundred cases) and
 * `npm run fuzz` (scripts/fuzz.ts, 10,000 of each). A case is a seed: it picks an example file and mutates it —
 * as a value (delete, replace, add, duplicate, nest, swap a node or request name), as text (cut it, put 1e999 or
 * garbage in), or as a deep link (flip, cut or pad the compressed data, change the version, add a cursor).
 * The property: parsing never throws, and a rejection is a known error code with a path, never valibot's own text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../src/i18n/scenario.en';
import { simulate } from '../src/engine/simulator';
import { getPattern } from '../src/patterns/registry';
import { decodeLink, encodeLink } from '../src/scenario/link';
import { parseScenario, type ParseResult } from '../src/scenario/schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Example {
  path: string;
  text: string;
  value: Record<string, unknown>;
}

export function loadExamples(): Example[] {
  const dir = join(root, 'examples');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).map((n) => `examples/${d.name}/${n}`))
    .filter((p) => p.endsWith('.json'))
    .sort()
    .map((path) => {
      const text = readFileSync(join(root, path), 'utf8');
      return { path, text, value: JSON.parse(text) as Record<string, unknown> };
    });
}

/** mulberry32: a small seeded PRNG, so a failing case is reproduced by its seed alone. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const NAMES = [
  'C',
  'P1',
  'P9',
  'app',
  'TM',
  'bob',
  'smith',
  'client',
  'x',
  '',
  'undefined',
  'constructor',
  'toString',
  '__proto__',
];
const TYPES = ['BEGIN', 'THIRD_PARTY', 'TRANSFER', 'AUDIT', 'READ', 'constructor', ''];
function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
  return v;
}
function randomValue(r: Rand): unknown {
  switch (Math.floor(r() * 16)) {
    case 0:
      return null;
    case 1:
      return [];
    case 2:
      return {};
    case 3:
      return pick(r, NAMES);
    case 4:
      return pick(r, TYPES);
    case 5:
      return 0;
    case 6:
      return -1;
    case 7:
      return 1.5;
    case 8:
      return 1e308;
    case 9:
      return Math.floor(r() * 2 ** 40);
    case 10:
      return true;
    case 11:
      return nested(pick(r, [3, 30, 1000])); // deeper would overflow JSON.stringify in a Vitest worker, not the parser
    case 12:
      return 'x'.repeat(pick(r, [1, 201, 5000]));
    case 13:
      return Math.floor(r() * 100);
    case 14:
      return { type: pick(r, TYPES), tx: pick(r, NAMES) };
    default:
      return String(Math.floor(r() * 1000));
  }
}

/** Every container and key path of a value (depth-first, the first 40 levels), to choose where to mutate. */
function slots(value: unknown) {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop() ?? { v: null, d: 0 };
    if (d > 40 || !v || typeof v !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      out.push({ parent: v as Record<string, unknown>, key: k });
      stack.push({ v: x, d: d + 1 });
    }
  }
  return out;
}

/** A structural mutation of a copy of `value` (1–3 edits). */
export function mutateValue(value: unknown, r: Rand): unknown {
  const v: unknown = structuredClone(value);
  const edits = 1 + Math.floor(r() * 3);
  for (let e = 0; e < edits; e++) {
    const all = slots(v);
    if (!all.length) break;
    const s = pick(r, all);
    const p = s.parent as Record<string | number, unknown>;
    const op = Math.floor(r() * 7);
    if (op === 0) {
      if (Array.isArray(p)) p.splice(Number(s.key), 1);
      else delete p[s.key];
    } else if (op === 1) p[s.key] = randomValue(r);
    else if (op === 2 && !Array.isArray(p))
      p[pick(r, ['extra', 'constructor', 'tx', 'node', 'target', 'amount', 'voteNo'])] = randomValue(r);
    else if (op === 3 && Array.isArray(p))
      for (let i = 0; i < 1 + r() * 5; i++) p.push(structuredClone(p[Number(s.key)]));
    else if (op === 4 && typeof p[s.key] === 'string') p[s.key] = pick(r, [...NAMES, ...TYPES]);
    else if (op === 5 && typeof p[s.key] === 'number')
      p[s.key] = pick(r, [-1, 0, 0.5, 2 ** 31, 2 ** 53, 1e12, Number(p[s.key]) * 10]);
    else p[s.key] = { x: p[s.key] };
  }
  return v;
}

/** A text-level mutation: cut, 1e999 in place of a number, or a few garbage characters. */
export function mutateText(text: string, r: Rand): string {
  const at = Math.floor(r() * text.length);
  switch (Math.floor(r() * 4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.replace(/(?<=[:\s[])\d+(?=[,\s\]}])/g, (m) => (r() < 0.2 ? '1e999' : m));
    case 2:
      return text.slice(0, at) + pick(r, ['{', ']', ',', '"', '\\u0000', 'NaN', '-', '1e999']) + text.slice(at);
    default:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 20));
  }
}

const LINK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** A link to a (possibly mutated) example, then mangled as a person or a chat client might. */
export function mutateLink(ex: Example, r: Rand): string {
  const base = r() < 0.5 ? ex.value : mutateValue(ex.value, r);
  const parsed = parseScenario(base);
  // An invalid scenario cannot go through encodeLink's formatter: pack it raw, as a hand-made link would.
  let link = parsed.ok
    ? encodeLink(parsed.scenario, r() < 0.3 ? Math.floor(r() * 100_000) : undefined)
    : '#s=1.' + encodeRaw(JSON.stringify(base));
  const op = Math.floor(r() * 7);
  const i = 5 + Math.floor(r() * Math.max(1, link.length - 5));
  if (op === 0) link = link.slice(0, i);
  else if (op === 1) link = link.slice(0, i) + pick(r, [...LINK_ALPHABET]) + link.slice(i + 1);
  else if (op === 2) link = link.replace('s=1.', pick(r, ['s=2.', 's=.', 's=01.', 'x=1.', '']));
  else if (op === 3) link += pick(r, ['&t=35100', '&t=-5', '&t=abc', '&t=1e999', '&foo', '%20']);
  else if (op === 4) link = link.slice(0, i) + 'A'.repeat(Math.floor(r() * 2000)) + link.slice(i);
  return link;
}

let lzEncode: ((s: string) => string) | null = null;
function encodeRaw(json: string): string {
  if (!lzEncode) throw new Error('call initFuzz() first');
  return lzEncode(json);
}

export async function initFuzz(): Promise<void> {
  const m = (await import('lz-string')) as unknown as {
    default?: { compressToEncodedURIComponent(s: string): string };
  };
  const lz = m.default ?? (m as unknown as { compressToEncodedURIComponent(s: string): string });
  lzEncode = (s) => lz.compressToEncodedURIComponent(s);
}

// ---------------------------------------------------------------- the property

/** Every code with a text, except `invalid`: the fallback for a schema that lacks its own message (a bug to fix). */
const CODES = new Set(Object.keys(en).map((k) => k.replace(/^scenarioError\./, '')));
CODES.delete('invalid');

export type Verdict =
  | { kind: 'rejected'; code: string }
  | { kind: 'accepted'; simulated?: { events: number; stoppedBy: string } }
  | { kind: 'threw'; where: 'parse' | 'simulate'; message: string }
  | { kind: 'bad-error'; detail: string };

/** Judge one input: parse (never throws; a known code), then optionally simulate an accepted one within a budget. */
export function judge(parse: () => ParseResult, simulateBudget: number | null): Verdict {
  let r: ParseResult;
  try {
    r = parse();
  } catch (e) {
    return { kind: 'threw', where: 'parse', message: e instanceof Error ? e.message : String(e) };
  }
  if (!r.ok) {
    const { code, path, message } = r.error;
    if (!CODES.has(code) || typeof path !== 'string' || /Invalid |Expected .* but received/i.test(message))
      return { kind: 'bad-error', detail: JSON.stringify(r.error).slice(0, 300) };
    return { kind: 'rejected', code };
  }
  if (simulateBudget === null) return { kind: 'accepted' };
  const pattern = getPattern(r.scenario.pattern);
  if (!pattern) return { kind: 'bad-error', detail: `accepted unknown pattern ${r.scenario.pattern}` };
  try {
    const res = simulate(pattern, r.scenario, { maxEvents: simulateBudget, record: true });
    return { kind: 'accepted', simulated: { events: res.stats.events, stoppedBy: res.stoppedBy } };
  } catch (e) {
    return { kind: 'threw', where: 'simulate', message: e instanceof Error ? e.message : String(e) };
  }
}

export type Case = { kind: 'file' | 'link'; input: () => ParseResult; describe: string };

/** Case `seed`: a mutated example as a value or as text (kind file), or a mangled deep link (kind link). */
export function makeCase(examples: readonly Example[], seed: number, kind: 'file' | 'link'): Case {
  const r = prng(seed);
  const ex = pick(r, examples);
  if (kind === 'link') {
    const link = mutateLink(ex, r);
    return { kind, input: () => decodeLink(link), describe: `${ex.path} seed ${seed} link ${link.slice(0, 120)}` };
  }
  if (r() < 0.3) {
    const text = mutateText(ex.text, r);
    return { kind, input: () => parseScenario(text), describe: `${ex.path} seed ${seed} (text)` };
  }
  const value = mutateValue(ex.value, r);
  return { kind, input: () => parseScenario(value), describe: `${ex.path} seed ${seed} (value)` };
}
