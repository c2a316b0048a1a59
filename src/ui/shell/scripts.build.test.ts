import { describe, expect, it, vi } from 'vitest';
import { scriptsAfterFirstFrame } from './scripts.build';

const page = `<!doctype html><html><head>
    <script type="module" fetchpriority="low" crossorigin src="./assets/index-A.js"></script>
    <link rel="modulepreload" fetchpriority="low" crossorigin href="./assets/runtime-B.js">
    <link rel="stylesheet" crossorigin href="./assets/index-C.css">
    <link rel="modulepreload" crossorigin href="./assets/App-D.js">
  </head><body><div id="root"></div><script>/* skeleton */</script></body></html>`;

/** Run the page's inline script against a minimal document; frames and timers are driven by the test. */
function runInline(html: string) {
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).pop() ?? '';
  const added: { tag: string; rel?: string; href?: string; src?: string; type?: string; crossOrigin?: string }[] = [];
  const doc = {
    createElement: (tag: string) => ({ tag }),
    head: { appendChild: (el: (typeof added)[number]) => void added.push({ ...el }) },
  };
  let frame: (() => void) | null = null;
  new Function('document', 'requestAnimationFrame', inline)(doc, (cb: () => void) => (frame = cb));
  return { added, frame: () => frame?.() };
}

describe('index.html requests its scripts after the first frame (scripts.build.ts)', () => {
  it('takes the module script and the module preloads out of the page, keeps the stylesheet', () => {
    const out = scriptsAfterFirstFrame(page);
    expect(out).not.toMatch(/<script type="module"/);
    expect(out).not.toMatch(/<link rel="modulepreload"/);
    expect(out).toContain('<link rel="stylesheet" crossorigin href="./assets/index-C.css">');
    expect(out.indexOf('/* skeleton */')).toBeLessThan(out.indexOf('index-A.js'));
  });

  it('adds them after a frame (or 100 ms without one), once, preloads first, as CORS module requests', () => {
    vi.useFakeTimers();
    try {
      const { added, frame } = runInline(scriptsAfterFirstFrame(page));
      expect(added).toEqual([]);
      frame();
      expect(added).toEqual([]); // the frame is drawn first: the requests follow in a task after it
      vi.advanceTimersByTime(0);
      const want = [
        { tag: 'link', rel: 'modulepreload', crossOrigin: '', href: './assets/runtime-B.js' },
        { tag: 'link', rel: 'modulepreload', crossOrigin: '', href: './assets/App-D.js' },
        { tag: 'script', type: 'module', crossOrigin: '', src: './assets/index-A.js' },
      ];
      expect(added).toEqual(want);
      vi.advanceTimersByTime(200);
      expect(added).toEqual(want);

      const noFrames = runInline(scriptsAfterFirstFrame(page));
      vi.advanceTimersByTime(100);
      expect(noFrames.added).toEqual(want);
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds a few preloads per task, so a dozen are not one long task, and the entry after them', () => {
    vi.useFakeTimers();
    try {
      const links = Array.from({ length: 7 }, (_, i) => `<link rel="modulepreload" href="./assets/c${i}.js">`);
      const many = page.replace('</head>', links.join('') + '</head>');
      const { added, frame } = runInline(scriptsAfterFirstFrame(many));
      frame();
      const sizes: number[] = [];
      for (let n = 0; n < 6 && sizes.at(-1) !== 10; n++) {
        vi.advanceTimersToNextTimer();
        sizes.push(added.length);
      }
      // 2 + 7 preloads, three per task; the module script comes with the last three.
      expect(sizes).toEqual([3, 6, 10]);
      expect(added.slice(0, 9).every((a) => a.rel === 'modulepreload')).toBe(true);
      expect(added[9]).toEqual({ tag: 'script', type: 'module', crossOrigin: '', src: './assets/index-A.js' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a page without a module script as it is', () => {
    const plain = '<html><head></head><body></body></html>';
    expect(scriptsAfterFirstFrame(plain)).toBe(plain);
  });
});
