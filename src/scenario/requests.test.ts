/**
 * Issue 10, "bad input never reaches the engine": request payloads are checked against each pattern's declared
 * requests, every error is a code with plain words, and links are bounded before they are unpacked.
 * These use the real registry (2pc, tcc, saga) and real example files.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../i18n/scenario.en';
import zh from '../i18n/scenario.zh';
import { renderError } from './errors';
import { decodeLink, encodeLink, MAX_DECODED_CHARS, MAX_LINK_CHARS } from './link';
import { decompressBounded } from './lz';
import { formatError, parseScenario } from './schema';

const files = import.meta.glob<string>('../../examples/**/*.json', { eager: true, query: '?raw', import: 'default' });
const exampleText = (path: string) => {
  const text = files[`../../examples/${path}`];
  if (text === undefined) throw new Error(`no example ${path}`);
  return text;
};
const example = (path: string) => JSON.parse(exampleText(path));
const err = (input: unknown) => {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected an error');
  return formatError(r.error);
};
const withRequest = (path: string, i: number, request: unknown) => {
  const s = example(path);
  s.workload[i] = { ...s.workload[i], request };
  return s;
};

describe('workload requests are checked against the pattern', () => {
  it('accepts every example file', () => {
    for (const p of [
      '2pc/s-2pc-1.json',
      '2pc/s-2pc-abort.json',
      'tcc/tcc-no-dirty-read.json',
      'saga/saga-dirty-read.json',
    ])
      expect(parseScenario(example(p)).ok, p).toBe(true);
  });

  it('rejects a request naming an unknown node, naming the field', () => {
    const audit = example('tcc/tcc-no-dirty-read.json').workload.findIndex(
      (w: { request: { type: string } }) => w.request.type === 'AUDIT',
    );
    expect(err(withRequest('tcc/tcc-no-dirty-read.json', audit, { type: 'AUDIT', target: 'x' }))).toBe(
      `workload[${audit}].request.target: unknown node "x" (nodes: client, TM, bob, smith)`,
    );
    expect(err(withRequest('saga/saga-dirty-read.json', audit, { type: 'AUDIT' }))).toBe(
      `workload[${audit}].request.target: missing (expected a node id (nodes: client, TM, bob, smith))`,
    );
    expect(err(withRequest('2pc/s-2pc-1.json', 1, { type: 'THIRD_PARTY', node: 'P9' }))).toMatch(
      /^workload\[1\]\.request\.node: unknown node "P9" \(nodes: app, C, C2, P1, P2, P3\)$/,
    );
    expect(err(withRequest('2pc/s-2pc-abort.json', 0, { type: 'BEGIN', tx: 'T1', voteNo: 'P7' }))).toMatch(
      /^workload\[0\]\.request\.voteNo: unknown node "P7"/,
    );
  });

  it('rejects ill-typed, missing and unknown fields, unknown types and the wrong receiving node', () => {
    const f = 'tcc/s-tcc-1.json';
    expect(err(withRequest(f, 0, { type: 'TRANSFER', tx: 'g1', amount: 'abc' }))).toBe(
      'workload[0].request.amount: expected a whole number',
    );
    expect(err(withRequest(f, 0, { type: 'TRANSFER', tx: 'g1', amount: 0 }))).toBe(
      'workload[0].request.amount: must be ≥ 1',
    );
    expect(err(withRequest(f, 0, { type: 'TRANSFER', amount: 5 }))).toBe(
      'workload[0].request.tx: missing (expected text (a string in quotes))',
    );
    expect(err(withRequest(f, 0, { type: 'TRANSFER', tx: '', amount: 5 }))).toBe(
      'workload[0].request.tx: must not be empty',
    );
    expect(err(withRequest(f, 0, { type: 'TRANSFER', tx: 'g1', amount: 5, extra: 1 }))).toBe(
      'workload[0].request.extra: unknown field',
    );
    expect(err(withRequest(f, 0, { type: 'BEGIN', tx: 'g1' }))).toBe(
      'workload[0].request.type: unknown request "BEGIN" for tcc (requests: TRANSFER, AUDIT)',
    );
    expect(err(withRequest(f, 0, { type: 'constructor' }))).toMatch(/unknown request "constructor"/);
    expect(err(withRequest(f, 0, { tx: 'g1' }))).toBe(
      'workload[0].request.type: missing (expected text (a string in quotes))',
    );
    const s = example(f);
    s.workload[0].node = 'TM';
    expect(err(s)).toBe('workload[0].node: node "TM" cannot receive TRANSFER requests (nodes that can: client)');
  });

  it('rejects a payload nested 5,000 levels deep without overflowing anything', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { x: deep };
    const s = withRequest('2pc/s-2pc-2.json', 0, { type: 'BEGIN', tx: 'T1', voteNo: deep });
    expect(err(s)).toMatch(/^workload\[0\]\.request\.voteNo(\.x)+: nested more than 24 levels deep$/);
    const text = exampleText('2pc/s-2pc-2.json').replace(
      '"tx": "T1"',
      `"tx": "T1", "voteNo": ${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}`,
    );
    expect(err(text)).toMatch(/nested more than 24 levels deep$/);
    expect(err('['.repeat(200_000) + ']'.repeat(200_000))).toBe('the file must be a JSON object, not an array');
  });
});

describe('errors say what is missing or wrong in plain words', () => {
  it('a missing field says what it expects', () => {
    const s = example('2pc/s-2pc-2.json');
    delete s.seed;
    expect(err(s)).toBe('seed: missing (expected a whole number)');
    const n = example('2pc/s-2pc-2.json');
    delete n.network;
    expect(err(n)).toBe('network: missing (expected an object { … })');
    const w = example('2pc/s-2pc-2.json');
    delete w.workload[0].at;
    expect(err(w)).toBe('workload[0].at: missing (expected a number of milliseconds)');
    const f = example('2pc/s-2pc-2.json');
    delete f.faults[0].when;
    expect(err(f)).toMatch(/^faults\[0\]\.when: missing \(expected a trigger: an object with one of: at, on\)$/);
  });

  it('a top-level array or scalar, an infinite number and broken JSON are named as such', () => {
    expect(err([])).toBe('the file must be a JSON object, not an array');
    expect(err('[]')).toBe('the file must be a JSON object, not an array');
    expect(err('42')).toMatch(/^the file must be a JSON object/);
    const text = exampleText('tcc/s-tcc-1.json');
    expect(err(text.replace(/"amount": \d+/, '"amount": 1e999'))).toBe('params.amount: not a finite number');
    expect(err(text.replace('"seed": 1', '"seed": 1e999'))).toBe('seed: must be a whole number');
    expect(err(text.replace('"horizon": ', '"horizon": 1e999 ,"x":'))).toBe('horizon: not a finite number');
    expect(err('{"version": 1,')).toMatch(/^not valid JSON/);
  });

  it('every code has English and Chinese text, and the Chinese text has no English words', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, text] of Object.entries(zh)) {
      // field names, JSON syntax and placeholders stay; prose words do not
      const prose = text
        .replace(/\{\{\w+\}\}/g, '')
        .replace(
          /"[^"]*"|\{[^}]*\}|#s=1\.…|true|false|min|constant|uniform|exponential|normal|\bid\b|JSON|dtx-lab/g,
          '',
        );
      expect(prose, k).not.toMatch(/[A-Za-z]{3,}/);
    }
    const s = example('2pc/s-2pc-2.json');
    delete s.seed;
    const r = parseScenario(s);
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toMatchObject({ path: 'seed', code: 'missing', params: { expected: 'expectedInt' } });
    const zt = (key: string, p: Record<string, string | number>) =>
      (zh as Record<string, string>)[key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(p[k]));
    expect(renderError(r.error, zt)).toBe('缺少此项（应为整数）');
  });
});

/**
 * A hand-made lz-string stream: the character 'a', then `codes` codes each naming the next dictionary entry (the
 * "w + w[0]" case), so the k-th code unpacks to k + 1 characters: n codes → ~n²/2 characters from ~2n bytes.
 */
function lzBomb(codes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  let out = '';
  let acc = 0;
  let nbits = 0;
  const write = (value: number, n: number) => {
    for (let i = 0; i < n; i++) {
      acc = (acc << 1) | ((value >> i) & 1);
      if (++nbits === 6) {
        out += alphabet[acc];
        acc = 0;
        nbits = 0;
      }
    }
  };
  write(0, 2);
  write('a'.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let k = 0; k < codes; k++) {
    write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits);
  while (nbits !== 0) write(0, 1);
  return out;
}

describe('deep links are bounded and carry the cursor', () => {
  const s = parseScenario(example('2pc/s-2pc-2.json'));
  if (!s.ok) throw new Error('example invalid');

  it('round-trips the cursor time; a link without it opens at 0', () => {
    const link = encodeLink(s.scenario, 35_100);
    expect(link).toMatch(/&t=35100$/);
    expect(decodeLink(link)).toEqual({ ok: true, scenario: s.scenario, t: 35_100 });
    const old = encodeLink(s.scenario);
    expect(old).not.toContain('&t=');
    expect(decodeLink(old)).toEqual({ ok: true, scenario: s.scenario });
    // Issue 15: a cursor that is present but unreadable is refused with an error naming it (it used to open at 0).
    const bad = decodeLink(old + '&t=abc');
    expect(!bad.ok && [bad.error.path, bad.error.code]).toEqual(['t', 'linkCursor']);
  });

  it('rejects an oversized link before unpacking it, and a decompression bomb while unpacking', () => {
    const long = decodeLink('#s=1.' + 'A'.repeat(MAX_LINK_CHARS + 1));
    expect(!long.ok && long.error.code).toBe('linkTooLong');
    const bomb = lzBomb(3000); // ~4.5 million characters of 'a' once unpacked
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const r = decodeLink('#s=1.' + bomb);
    expect(!r.ok && formatError(r.error)).toBe(
      `link: the scenario in the link is too large (more than ${MAX_DECODED_CHARS} characters once unpacked)`,
    );
  });

  it('the bounded decompressor gives what lz-string gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 }).map((cs) => String.fromCharCode(...cs)),
        (text) => {
          const c = compressToEncodedURIComponent(text);
          expect(decompressBounded(c, 1e6)).toEqual({ ok: true, text });
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'),
          maxLength: 60,
        }),
        (junk) => {
          const ours = decompressBounded(junk, 1e6);
          let theirs: string | null;
          try {
            theirs = decompressFromEncodedURIComponent(junk);
          } catch {
            theirs = null;
          }
          if (ours.ok) expect(ours.text).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});

it('the hand-made bomb really is one (checked with a small one through lz-string itself)', () => {
  expect(decompressFromEncodedURIComponent(lzBomb(100))).toBe('a'.repeat(1 + (100 * 101) / 2 + 100));
});
