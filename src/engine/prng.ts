/**
 * Seeded pseudo-random numbers. sfc32 (Chris Doty-Humphrey's Small Fast Counter, PractRand-clean) seeded through
 * splitmix32 from a 32-bit key; independent streams are derived from (seed, stream name) so that one link's or one
 * node's draws never shift another's when a fault or parameter changes elsewhere.
 */

/** 32-bit FNV-1a of a string: used to turn names into stream keys. */
export function fnv1a(str: string, h = 0x811c9dc5): number {
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** The generator's whole state as plain data (four 32-bit words), so a run's state can be saved and restored. */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** One sfc32 draw, advancing `s` in place. Uniform in [0, 1). */
export function rngNext(s: RngState): number {
  const a = s.a | 0;
  const b = s.b | 0;
  const c = s.c | 0;
  const d = s.d | 0;
  const t = (((a + b) | 0) + d) | 0;
  s.d = (d + 1) | 0;
  s.a = b ^ (b >>> 9);
  s.b = (c + (c << 3)) | 0;
  const c2 = (c << 21) | (c >>> 11);
  s.c = (c2 + t) | 0;
  return (t >>> 0) / 4294967296;
}

/** The state of stream `stream` of `seed`, after the warm-up draws. */
export function rngState(seed: number, stream = ''): RngState {
  const sm = splitmix32(fnv1a(stream, (seed >>> 0) ^ 0x9e3779b9));
  const s: RngState = { a: sm(), b: sm(), c: sm(), d: sm() };
  for (let i = 0; i < 12; i++) rngNext(s);
  return s;
}

export function createRng(seed: number, stream = ''): Rng {
  const s = rngState(seed, stream);
  return { next: () => rngNext(s) };
}
