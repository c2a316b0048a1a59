import { describe, expect, it } from 'vitest';
import { filesFor, modulePreload, readChunkList, type ChunkList } from './prefetch';

const fakeDoc = (text: string | null) =>
  ({ getElementById: (id: string) => (id === 'dtx-chunks' && text !== null ? { textContent: text } : null) }) as never;

const list: ChunkList = {
  tcc: { code: ['./assets/tcc.js', './assets/view.js'], en: ['./assets/tcc.en.js'], zh: ['./assets/tcc.zh.js'] },
  saga: { code: ['./assets/saga.js', './assets/view.js'], en: ['./assets/saga.en.js'] },
  broker: { code: ['./assets/broker.js'], en: ['./assets/broker.en.js'], zh: ['./assets/broker.zh.js'] },
};

describe('pattern prefetch (shell/prefetch.ts)', () => {
  it('reads the build list from index.html, and nothing where there is none or it is not an object', () => {
    expect(readChunkList(fakeDoc(JSON.stringify(list)))).toEqual(list);
    expect(readChunkList(fakeDoc(null))).toBeNull();
    expect(readChunkList(fakeDoc('not json'))).toBeNull();
    expect(readChunkList(fakeDoc('[1]'))).toBeNull();
    expect(readChunkList(undefined)).toBeNull();
  });

  it("lists a pattern's code and strings in the shown language, the shared strings once, and no file twice", () => {
    const seen = new Set<string>();
    expect(filesFor(list, 'tcc', 'zh', ['broker'], seen)).toEqual([
      './assets/tcc.js',
      './assets/view.js',
      './assets/tcc.zh.js',
      './assets/broker.zh.js',
    ]);
    // view.js and the shared strings were asked for already; the shared folder's code is not a pattern's.
    expect(filesFor(list, 'saga', 'zh', ['broker'], seen)).toEqual(['./assets/saga.js']);
    expect(filesFor(list, 'unknown', 'en', [], seen)).toEqual([]);
  });

  it('adds one module preload link per idle moment, never several in one task', () => {
    const head: { rel: string; href: string; crossOrigin: string | null }[] = [];
    const doc = {
      createElement: () => ({ rel: '', href: '', crossOrigin: null }),
      head: { appendChild: (l: (typeof head)[number]) => head.push(l) },
    } as never;
    const queue: (() => void)[] = [];
    modulePreload(['./assets/a.js', './assets/b.js'], doc, (cb) => queue.push(cb));
    expect(head).toEqual([]);
    expect(queue).toHaveLength(2);
    queue.shift()!();
    expect(head).toEqual([{ rel: 'modulepreload', href: './assets/a.js', crossOrigin: '' }]);
    queue.shift()!();
    expect(head.map((l) => l.href)).toEqual(['./assets/a.js', './assets/b.js']);
  });
});
