/**
 * Copies of small plain rows for the compensation patterns' reducers, in the key order a spread gives.
 *
 * Why not `{ ...o, [k]: v }` when k is a new key: in Node 20 (V8 11), an object made by a spread that then gets a key
 * the source did not have receives a hidden class of its own each time (about 2 µs, and every place that later reads
 * such objects goes megamorphic). Object.assign onto a fresh object (own keys in insertion order, as a spread) shares
 * hidden classes; a spread is fine when it only overrides keys the source has.
 */

/** `{ ...o, [k]: v }` for a small plain record (an existing key keeps its place, a new one comes last). */
export function withKey<T>(o: Readonly<Record<string, T>>, k: string, v: T): Record<string, T> {
  const c: Record<string, T> = Object.hasOwn(o, k) ? { ...o } : Object.assign({}, o);
  c[k] = v;
  return c;
}
