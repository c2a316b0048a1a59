/** Variable-height list virtualization: row offsets from measured heights (estimated until measured). */

/** offsets[i] = top of row i; offsets[n] = total height. O(n), recomputed when keys or a measured height change. */
export function rowOffsets(
  keys: readonly string[],
  heights: ReadonlyMap<string, number>,
  estimate: number,
): Float64Array {
  const out = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) out[i + 1] = out[i] + (heights.get(keys[i]) ?? estimate);
  return out;
}

/** Index of the row that contains y (the last row whose top is ≤ y), clamped to [0, n-1]; 0 for an empty list. */
export function firstVisible(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, Math.min(n - 1, lo - 1));
}
