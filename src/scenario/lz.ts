/**
 * lz-string's `decompressFromEncodedURIComponent` with a bound on the output. lz-string itself always decompresses
 * fully, and a crafted 110 KB link unpacks to 500 million characters (each code can emit a dictionary entry one
 * character longer than the last, so n codes may produce ~n²/2 characters). This port of its `_decompress` stops as
 * soon as the output would pass `maxChars`. Same algorithm and result as lz-string 1.5 for every valid input
 * (a property test compares them).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i] as const));

export type Decompressed = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'tooBig' };

export function decompressBounded(input: string, maxChars: number): Decompressed {
  if (input === '') return { ok: false, reason: 'damaged' };
  const data = input.replace(/ /g, '+');
  const length = data.length;
  const RESET = 32;
  let val = VALUE.get(data[0]) ?? 0;
  let position = RESET;
  let index = 1;
  const read = (n: number): number => {
    let bits = 0;
    for (let power = 1, max = 1 << n; power !== max; power <<= 1) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = RESET;
        val = VALUE.get(data[index++]) ?? 0;
      }
      if (resb > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = read(2);
  if (first === 2) return { ok: true, text: '' };
  if (first !== 0 && first !== 1) return { ok: false, reason: 'damaged' };
  const c0 = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = c0;
  let w = c0;
  const result: string[] = [c0];
  let size = 1;
  for (;;) {
    if (index > length) return { ok: false, reason: 'damaged' };
    let c = read(numBits);
    if (c === 2) return { ok: true, text: result.join('') };
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (c < dictSize && dictionary[c]) entry = dictionary[c];
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'damaged' };
    size += entry.length;
    if (size > maxChars) return { ok: false, reason: 'tooBig' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
