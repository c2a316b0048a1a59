/**
 * Entry: i18n first (so even a failure message is translated), then the app. The app module is imported
 * dynamically so that an error while building the first trace shows a message instead of a blank page. Only the
 * shown language's strings (the app's, and the first pattern's) load before the first render; the other language
 * is fetched when the page is idle, so a switch is instant. In the build, a service worker (vite-plugin-pwa, Workbox) is registered after the page has
 * loaded: it precaches the whole site, so the app works offline after the first visit.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { startTransition, StrictMode } from 'react';
import { createRoot, type ErrorInfo } from 'react-dom/client';
import i18n, { currentLang, i18nReady, loadLang } from './i18n';
import { firstScreen, onIdle, startFirstScreen, whenIdle } from './ui/shell/firstScreen';
import './index.css';

declare global {
  interface Window {
    /** Read-only handle for tests and benchmarks. */
    __dtx?: {
      getState: typeof import('./store/run').useRun.getState;
      subscribe: typeof import('./store/run').useRun.subscribe;
    };
  }
}

/** Errors are UI: one line in the console, never a stack trace for bad input. */
function report(kind: string) {
  return (error: unknown, _info?: ErrorInfo) => {
    const msg = error instanceof Error ? error.message : String(error);
    console.warn(`[dtx-lab] ${kind}: ${msg}`);
  };
}

const el = document.getElementById('root')!;
const root = createRoot(el, {
  onCaughtError: report('view error'),
  onUncaughtError: report('uncaught error'),
  onRecoverableError: report('recoverable error'),
});

function fatal(error: unknown) {
  const msg = error instanceof Error ? error.message : String(error);
  root.render(
    <div role="alert" className="m-8 max-w-2xl rounded-lg border-2 border-red-700 bg-white p-6 text-lg text-red-950">
      <h1 className="mb-2 text-2xl font-bold">{i18n.t('error.fatal')}</h1>
      <p className="font-mono text-base break-all">{msg}</p>
    </div>,
  );
  report('startup')(error);
}

// The first pattern's own strings come with the catalog (src/patterns/catalog.ts), fetched beside the app's code.
const firstPattern = import('./patterns/catalog').then((m) => m.firstPatternReady);

/**
 * The skeleton in index.html is painted before the app starts working: Chromium does not interrupt a stream of
 * short tasks for a first frame, so the slices below could keep the page blank until the app's first render. One
 * frame (or 100 ms, e.g. in a background tab without frames), then the work.
 */
const painted = new Promise<void>((resolve) => {
  if (typeof requestAnimationFrame !== 'function') return resolve();
  const go = () => setTimeout(resolve, 0);
  requestAnimationFrame(go);
  setTimeout(resolve, 100);
});

// The first run is simulated in short slices (store/first-run.ts) before the app, and so the run store, is loaded.
// The app's code downloads meanwhile (index.html preloads it).
const firstRun = Promise.all([import('./store/first-run'), painted]).then(([m]) => m.prepareFirstRun());

Promise.all([firstRun, i18nReady, firstPattern])
  .then(() => Promise.all([import('./App'), import('./store/run')]))
  .then(([{ default: App }, { useRun }]) => {
    const afterFirstScreen = async () => {
      // Every other pattern's code and strings (the first screen holds only the one it shows): a pick then needs no
      // network. One pattern per idle moment, after the panes drawn just after the first screen. In the build they
      // are fetched as module preloads, not run (shell/prefetch.ts): running all of them here was a long task each.
      const [{ catalog, defaultPattern, loadPattern }, { prefetchPattern }] = await Promise.all([
        import('./patterns/catalog'),
        import('./ui/shell/prefetch'),
      ]);
      const folders = catalog.map((e) => e.folder);
      for (const e of catalog) {
        if (e.id === defaultPattern.id) continue;
        await whenIdle();
        if (!prefetchPattern(e.folder, currentLang(), folders)) await loadPattern(e.id).catch(() => undefined);
      }
    };
    window.__dtx = Object.freeze({ getState: useRun.getState, subscribe: useRun.subscribe });
    // A transition: React renders the first screen in slices that yield to the browser (no long task for the whole
    // tree), then commits it at once. [issue 15: Lighthouse, total blocking time]
    startTransition(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
    // Prefetch the other language once the page is idle (never on the critical path).
    const other = currentLang() === 'en' ? 'zh' : 'en';
    startFirstScreen();
    void firstScreen.then(afterFirstScreen).catch(() => undefined);
    setTimeout(() => {
      void loadLang(other).catch(() => undefined);
      registerServiceWorker();
    }, 3000);
  })
  .catch(fatal);

/**
 * Offline use (build only; `npm run dev` has none). Registered a few seconds after the first screen is up, when the
 * page is idle, so neither the worker's code nor its precaching of the whole site competes with the first load.
 */
function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    void import('virtual:pwa-register')
      // No service worker (blocked, private mode, file://): the app works online as before; nothing to report.
      .then(({ registerSW }) => registerSW({ immediate: true, onRegisterError: () => undefined }))
      .catch(() => undefined);
  const idle = () => void onIdle(register, 5000);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
