/**
 * Fetching a pattern's code ahead of a pick without running it (issue 15: Lighthouse, total blocking time). The build
 * lists every pattern's chunks in index.html (vite.config.ts, patternChunkList: `{ folder: { code, en, zh } }`, a
 * folder without a pattern, such as broker/, holding only strings that every other pattern loads). Each becomes a
 * <link rel="modulepreload">: the browser downloads and parses the module but runs it only when a pick imports it,
 * so a pick needs no network and the page does not run every pattern's code in its first seconds.
 */
import { onIdle } from './firstScreen';

export type ChunkList = Record<string, Partial<Record<'code' | 'en' | 'zh', string[]>>>;

/** The build's list, or null where there is none (`npm run dev`, tests, a page without it). */
export function readChunkList(doc: Document | undefined = globalThis.document): ChunkList | null {
  const text = doc?.getElementById('dtx-chunks')?.textContent;
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ChunkList) : null;
  } catch {
    return null;
  }
}

/**
 * The files to fetch for the pattern in `folder` and language `lang`: its code and strings, and the first time the
 * strings of the folders without a pattern (`shared`), which every pattern but the first loads with its own.
 * `seen` holds what was asked for already (nothing is listed twice).
 */
export function filesFor(
  list: ChunkList,
  folder: string,
  lang: 'en' | 'zh',
  shared: readonly string[],
  seen: Set<string>,
): string[] {
  const out: string[] = [];
  const add = (files: readonly string[] | undefined) => {
    for (const f of files ?? []) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(f);
    }
  };
  add(list[folder]?.code);
  add(list[folder]?.[lang]);
  for (const s of shared) add(list[s]?.[lang]);
  return out;
}

const asked = new Set<string>();

/** An idle moment, at most 2 s away (the shell's onIdle). */
const idle = (cb: () => void) => void onIdle(cb, 2000);

/**
 * Ask the browser for `files` (paths relative to the page) as module preloads, one link per idle moment: adding a
 * <link rel="modulepreload"> starts its fetch at once, and a pattern's three to six of them in one task made it a
 * 40-45 ms task in Lighthouse's trace (which records a stack for each request). [issue 15: Lighthouse, TBT]
 */
export function modulePreload(
  files: readonly string[],
  doc: Document = document,
  later: (cb: () => void) => void = idle,
): void {
  for (const f of files)
    later(() => {
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = f;
      doc.head.appendChild(link);
    });
}

/**
 * Prefetch one pattern (its folder under src/patterns/) without running it; false when the build gave no list (the
 * caller then loads the pattern instead, as in `npm run dev`).
 */
export function prefetchPattern(folder: string, lang: 'en' | 'zh', patternFolders: readonly string[]): boolean {
  const list = readChunkList();
  if (!list) return false;
  const shared = Object.keys(list).filter((f) => !patternFolders.includes(f));
  modulePreload(filesFor(list, folder, lang, shared, asked));
  return true;
}
