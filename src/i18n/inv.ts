/** Invariant descriptions: one rule for which key describes an invariant, for the panels and the key tests. */
/**
 * The key of an invariant's description: a pattern may word a shared invariant its own way
 * (`inv.<pattern>.<id>.desc`, e.g. what "eventually consistent" means for notify), else the shared `inv.<id>.desc`.
 */
export function invDescKey(exists: (k: string) => boolean, patternId: string, invId: string): string | null {
  const own = `inv.${patternId}.${invId}.desc`;
  if (exists(own)) return own;
  const shared = `inv.${invId}.desc`;
  return exists(shared) ? shared : null;
}
