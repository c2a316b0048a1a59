/**
 * Copies of small plain rows for the compensation patterns' reducers, in the key order a spread gives.
 *
 * Why not `{ ...o, [k]: v }` when k is a new key: in Node 20 (V8 11), an object made by a spread that then gets a key
 * the source did not have receives a hidden class of its own each time (about 2 µs, and every place that later reads
 * such objects goes megamorphic). A key-by-key copy (own keys in insertion order, as a spread) shares hidden classes.
 * Overriding keys the source already has is fine with a spread.
 */

/** `{ ...o, [k]: v }` for a small plain record (k new or not: an existing key keeps its place). */
export function withKey<T>(o: Readonly<Record<string, T>>, k: string, v: T): Record<string, T> {
  const c: Record<string, T> = {};
  for (const key in o) c[key] = o[key];
  c[k] = v;
  return c;
}
