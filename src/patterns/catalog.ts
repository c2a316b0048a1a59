/**
 * The registry as the page loads it (issue 15, initial JS ≤ 200 kB): every pattern folder with a `meta.ts` (id,
 * family, order, name: see meta.ts), found by import.meta.glob and sorted by order, with loaders for its code
 * (`<folder>/index.ts`, default export) and its strings (`<folder>/strings.<lang>.ts`). The first screen downloads
 * only the first pattern's code and its strings in the shown language; another pattern's code and strings load
 * together when it is picked or opened from a link (loadPattern resolves once both are in, so its keys never show
 * raw), and all of them once the page is idle. Strings of a shared folder (one without meta.ts, e.g. broker/) load
 * with every pattern but the first, which shows none of them.
 * Node (the CLI via tsx, the lab, the tests) and the lazily loaded schema use registry.ts, which imports every
 * pattern; catalog.test.ts fails when the two disagree (ids, order, families). So a new pattern is its folder (with
 * its meta.ts) and one line in registry.ts.
 */
import type { PatternDef } from '../engine/pattern';
import { addStrings, type StringsSource } from '../i18n/sources';
import type { PatternMeta } from './meta';
// The pattern the first screen shows (the lowest order; catalog.test.ts checks): its code is in the start chunk.
import { twoPC as first } from './twopc';

type Dict = Record<string, string>;
type Lazy<T> = Record<string, () => Promise<T>>;

const metas = import.meta.glob<PatternMeta>('./*/meta.ts', { eager: true, import: 'meta' });
const code: Lazy<PatternDef> = import.meta.glob<PatternDef>('./*/index.ts', { import: 'default' });
const strings: Record<'en' | 'zh', Lazy<Dict>> = {
  en: import.meta.glob<Dict>('./*/strings.en.ts', { import: 'default' }),
  zh: import.meta.glob<Dict>('./*/strings.zh.ts', { import: 'default' }),
};

const folderOf = (path: string) => path.split('/')[1];

export interface CatalogEntry {
  id: string;
  /** Family, for grouping in the picker (PatternDef.family). */
  family: string;
  /** Its folder under src/patterns/. */
  folder: string;
  load: () => Promise<PatternDef>;
  /** Its strings in one language (none: an empty dictionary). */
  strings: StringsSource;
}

const dictOf = (folder: string, lang: 'en' | 'zh'): Promise<Dict> =>
  strings[lang][`./${folder}/strings.${lang}.ts`]?.() ?? Promise.resolve({});

export const catalog: readonly CatalogEntry[] = Object.entries(metas)
  .map(([path, meta]) => ({ path, meta, folder: folderOf(path) }))
  .sort((a, b) => a.meta.order - b.meta.order)
  .map(({ meta, folder }) => ({
    id: meta.id,
    family: meta.family,
    folder,
    load: meta.id === first.id ? () => Promise.resolve(first) : code[`./${folder}/index.ts`],
    strings: (lang) => dictOf(folder, lang),
  }));

/** Strings of the folders that are no pattern (shared modules such as broker/), loaded with any pattern. */
const shared = new Set(Object.keys(strings.en).map(folderOf));
for (const e of catalog) shared.delete(e.folder);
const sharedStrings: StringsSource = (lang) =>
  Promise.all([...shared].map((f) => dictOf(f, lang))).then((ds) => Object.assign({}, ...ds) as Dict);

/** The pattern the app opens with (registry.ts's first). */
export const defaultPattern: PatternDef = first;

const loaded = new Map<string, PatternDef>([[first.id, first]]);
const pending = new Map<string, Promise<PatternDef>>();

export const isKnownPattern = (id: string): boolean => catalog.some((e) => e.id === id);

/** The pattern's definition if its code and strings are already here (the first: from firstPatternReady on). */
export function loadedPattern(id: string): PatternDef | undefined {
  return loaded.get(id);
}

/** Load a pattern's code and strings (once); undefined for an id no pattern has. */
export function loadPattern(id: string): Promise<PatternDef | undefined> {
  const have = loaded.get(id);
  if (have) return Promise.resolve(have);
  const entry = catalog.find((e) => e.id === id);
  if (!entry) return Promise.resolve(undefined);
  let p = pending.get(id);
  if (!p) {
    p = Promise.all([entry.load(), addStrings(entry.strings), addStrings(sharedStrings)]).then(([def]) => {
      loaded.set(id, def);
      return def;
    });
    p.catch(() => pending.delete(id)); // a failed fetch can be retried
    pending.set(id, p);
  }
  return p;
}

/**
 * The first pattern's strings in the shown language, started when this module loads: main.tsx awaits it before
 * the first render (the first pattern's code is already here).
 */
export const firstPatternReady: Promise<void> = Promise.all(
  // Not the shared folders' strings: the first pattern shows none of them (catalog.test.ts checks), and they load
  // with every other pattern.
  catalog.filter((e) => e.id === first.id).map((e) => addStrings(e.strings)),
).then(() => undefined);

/** Every pattern's code and strings, for when the page is idle (a pick is then instant, and works offline). */
export function preloadPatterns(): Promise<void> {
  return Promise.all(catalog.map((e) => loadPattern(e.id))).then(() => undefined);
}
