import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { runnerImport, type IndexHtmlTransformContext, type Plugin } from 'vite';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

/**
 * The chunks `roots` are, with every chunk they import, transitively; never the entry, and not a chunk `stop` names
 * (nor what only it imports). The one walk of the build's import graph both index.html lists below use.
 */
function chunksFrom(bundle: Bundle, roots: readonly string[], stop: (file: string) => boolean = () => false) {
  const out = new Set<string>();
  const add = (file: string) => {
    const c = bundle[file];
    if (!c || c.type !== 'chunk' || out.has(file) || c.isEntry || stop(file)) return;
    out.add(file);
    c.imports.forEach(add);
  };
  roots.forEach(add);
  return out;
}

/**
 * One of src/ui/shell/*.build.ts, loaded through Vite's module runner when the page is built rather than imported
 * by this file: the config stays free of the app's extensionless TypeScript imports, which Vite's config loaders warn
 * about (30 lines on every build).
 */
async function buildModule<T>(name: 'skeleton' | 'scripts'): Promise<T> {
  const file = new URL(`./src/ui/shell/${name}.build.ts`, import.meta.url).pathname;
  return (await runnerImport<T>(file)).module;
}

/**
 * The first paint before the JavaScript has loaded (src/ui/shell/skeleton.ts): the main view's layout in both
 * languages as <template>s, and an inline script that shows the one the app will pick (detectLang in src/i18n:
 * the stored choice, else the browser's language) — the frame only when the address has a deep link (#…), which
 * may open another pattern. The app replaces it on its first render. [issue 15: Lighthouse, first paint]
 * The builder renders with the app's own strings and a pattern (loaded by buildModule).
 */
function skeleton(): Plugin {
  let pages: Promise<Record<string, string>> | null = null;
  const load = async () =>
    (await buildModule<typeof import('./src/ui/shell/skeleton.build')>('skeleton')).skeletonPages();
  return {
    name: 'dtx-skeleton',
    async transformIndexHtml(html) {
      pages ??= load();
      const pages_ = await pages;
      const templates = Object.entries(pages_)
        .map(([id, markup]) => `<template id="skeleton-${id}">${markup}</template>`)
        .join('\n    ');
      const script = `<script>
      (function () {
        var lang = null;
        try {
          lang = localStorage.getItem('dtx-lab.lang');
        } catch (e) {}
        if (lang !== 'en' && lang !== 'zh') lang = /^zh/i.test(navigator.language || '') ? 'zh' : 'en';
        var page = document.getElementById('skeleton-' + lang + (location.hash.length > 1 ? '-frame' : ''));
        document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
        if (page) document.getElementById('root').appendChild(page.content.cloneNode(true));
      })();
    </script>`;
      return html.replace('<div id="root"></div>', `<div id="root"></div>\n    ${templates}\n    ${script}`);
    },
  };
}

/**
 * The first screen's code is imported dynamically by src/main.tsx (so a failure shows a message), which the
 * browser discovers only after the entry has downloaded and run: one more round trip before the first paint. This
 * lists those chunks (the app, the run store, the pattern catalog with the first pattern, and their imports) as
 * <link rel="modulepreload"> in index.html, so they download beside the entry. The shown language's strings are
 * not listed (the page learns the language when it runs). [issue 15: Lighthouse, first paint]
 */
function preloadFirstScreen(modules: string[]): Plugin {
  return {
    name: 'dtx-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const roots = modules.flatMap((m) => {
          const c = chunks.find((x) => x.facadeModuleId?.replaceAll('\\', '/').endsWith(m));
          return c ? [c.fileName] : [];
        });
        const files = chunksFrom(bundle, roots);
        const links = [...files]
          .filter((f) => !html.includes(f)) // the entry's own imports are listed already
          .map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`)
          .join('\n    ');
        // The skeleton (src/ui/shell/skeleton.ts) needs only the HTML and the CSS: the scripts come right after
        // them, not beside them (on a slow link they would share its bandwidth with the stylesheet and delay the
        // first paint). Low priority orders them after the stylesheet; they still start at once.
        return html
          .replace('</head>', `  ${links}\n  </head>`)
          .replace(/<(script type="module"|link rel="modulepreload")/g, '<$1 fetchpriority="low"');
      },
    },
  };
}

/**
 * The chunks of every pattern but the first (its code with what it imports, and its strings in each language), as
 * a JSON list in index.html (`<script type="application/json" id="dtx-chunks">`, read by src/ui/shell/prefetch.ts):
 * once the first screen is up the page fetches them as <link rel="modulepreload"> — downloaded and parsed, not run —
 * so a pick needs no network and runs only the picked pattern's code. Importing them all instead ran every pattern's
 * code in the first seconds. Chunks the first screen loads anyway are not listed. [issue 15: Lighthouse, TBT]
 */
function patternChunkList(): Plugin {
  return {
    name: 'dtx-pattern-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const list: Record<string, Record<string, string[]>> = {};
        // By the modules a chunk holds, not its facade: a pattern's code is also imported statically (by the
        // schema's registry), so its chunk is a shared one without a facade.
        for (const c of chunks)
          for (const id of c.moduleIds) {
            const m = /\/src\/patterns\/([^/]+)\/(index|strings\.(en|zh))\.ts$/.exec(id.replaceAll('\\', '/'));
            if (!m) continue;
            // Chunks the page loads anyway (listed in it) are left out, with what only they import.
            const files = chunksFrom(bundle, [c.fileName], (f) => html.includes(f));
            if (files.size) (list[m[1]] ??= {})[m[3] ?? 'code'] = [...files].map((f) => './' + f);
          }
        const json = JSON.stringify(list).replaceAll('<', '\\u003c');
        return html.replace('</body>', `  <script type="application/json" id="dtx-chunks">${json}</script>\n  </body>`);
      },
    },
  };
}

/**
 * The scripts are requested after the skeleton's first frame, not from <head>: the entry <script type="module"> and
 * the first screen's <link rel="modulepreload">s are taken out of the page's head and added by a small inline script
 * once the first frame has been drawn (the frame after the skeleton is in the page; at most 100 ms later without
 * frames, e.g. a background tab). The first paint needs only the HTML and the stylesheet; scripts downloading beside
 * them shared the bandwidth, and Lighthouse's simulated largest paint counts every request that finished before it
 * (on a fast local server all of them: ~200 kB of scripts at the simulated 1.6 Mbit/s put the paint of the skeleton
 * at 2.4–3 s while the first paint was at 0.8 s). [issue 15: Lighthouse, largest contentful paint]
 */
function scriptsAfterFirstPaint(): Plugin {
  let scripts: Promise<typeof import('./src/ui/shell/scripts.build')> | null = null;
  return {
    name: 'dtx-scripts-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        scripts ??= buildModule<typeof import('./src/ui/shell/scripts.build')>('scripts');
        return (await scripts).scriptsAfterFirstFrame(html);
      },
    },
  };
}

/** The chunks App.tsx and useUrlSync import once the first screen is up (see build.modulePreload below). */
const AFTER_FIRST_SCREEN =
  /(^|\/)(InvariantPanel|SequenceChart|Inspector|FaultList|TourPlayer|Toasts|VerdictStrip|TokenLayer|encode)-[\w-]+\.js$/;

// Relative base: the built site works from any folder or static host (file shares, GitHub Pages, a laptop).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    skeleton(),
    preloadFirstScreen(['/src/App.tsx', '/src/store/run.ts', '/src/store/first-run.ts', '/src/patterns/catalog.ts']),
    patternChunkList(),
    scriptsAfterFirstPaint(),
    // Offline after the first visit: a Workbox service worker precaches the whole build — the entry, every lazy
    // chunk (Compare, tables, export, both languages), the lab's Web Worker, CSS, icons — and serves index.html for
    // navigations. Build only (devOptions stay off, so `npm run dev` has no service worker). With the relative base
    // the worker sits next to index.html and its scope is that folder ('./'), so it works from any sub-path.
    // autoUpdate: a new build's worker takes over at once (skipWaiting + clientsClaim); src/main.tsx registers it
    // after the first screen is up, so it never competes with the first load.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      strategies: 'generateSW',
      includeAssets: ['favicon.svg', 'robots.txt'],
      manifest: {
        name: 'dtx-lab · distributed transactions under failure',
        short_name: 'dtx-lab',
        description: 'See how distributed-transaction patterns (2PC, TCC, Saga…) behave under failures.',
        theme_color: '#0c4a6e',
        background_color: '#f1f5f9',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,txt,woff2,webmanifest}'],
        navigateFallback: 'index.html',
        // A deep link (#s=…) is a hash, so every navigation is index.html; nothing else needs a runtime cache.
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the app targets (es2022) preloads modules natively: no polyfill in the start chunk.
    // The panes and overlays App.tsx loads just after the first screen (and the address bar's link writer) are
    // imported without Vite's preload helper adding a <link rel="modulepreload"> per chunk: it appended them inside
    // React's render of each lazy pane (a link per chunk, each starting a fetch; in Lighthouse's trace about half of
    // a 40-60 ms task). Their own imports are discovered by the browser when the chunk loads (the first screen's are
    // in the page already). [issue 15: Lighthouse, total blocking time]
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'js' && AFTER_FIRST_SCREEN.test(file) ? [] : deps,
    },
    rolldownOptions: {
      // React's wrappers are pure: React Flow defines every component as `memo(...)`/`forwardRef(...)` at the top of
      // one file without #__PURE__ marks, so its unused ones (MiniMap, Background, NodeResizer, toolbars…) stayed in
      // the start chunk. [issue 15: initial JS ≤ 200 kB; about 4 kB gzip]
      treeshake: { manualPureFunctions: ['memo', 'forwardRef', 'createContext'] },
      // The engine is one chunk of its own. Left to itself the bundler put engine/pattern.ts in a chunk that imports
      // the first pattern's chunk, which imports LOCKS_TABLE back from it: a cycle in which 2PC's lock invariants were
      // built before the constant existed (watching table `undefined`), so the page missed breaks Node reports.
      // The engine imports nothing outside itself, so its chunk cannot be part of a cycle.
      output: { codeSplitting: { groups: [{ name: 'engine', test: /[\\/]src[\\/]engine[\\/]/ }] } },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
