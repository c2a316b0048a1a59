/**
 * What the page knows about a pattern before its code loads: each pattern folder has a `meta.ts` exporting one
 * `meta` (its index.ts takes id and family from it). The page's catalog (catalog.ts) finds every `<folder>/meta.ts`
 * by import.meta.glob, sorts them by `order` and loads a pattern's code and strings only when it is shown; the
 * picker lists every pattern by `name` (added to i18n as `pattern.<id>.name`, which the folder's strings files
 * take from here, so the text lives once). Plain data: Node (CLI, lab, tests) can import it too.
 */
export interface PatternMeta {
  /** PatternDef.id. */
  id: string;
  /** PatternDef.family: the picker's group. */
  family: string;
  /** Position in the picker and in registry.ts (catalog.test.ts checks they agree); the lowest opens first. */
  order: number;
  /** The picker's label, `pattern.<id>.name`, in both languages (a few bytes, on the first screen). */
  name: { en: string; zh: string };
}
