/**
 * The main view (UI.md): header (and the run's status: progress, event budget); topology | message-sequence chart;
 * timeline; invariants | inspector / tables / code burden | faults / event log. Every view sits in an error boundary, so one failing view shows a message while
 * the others keep working.
 */
import { lazy, Suspense, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './ui/shell/Header';
import { RunStatus } from './ui/shell/RunStatus';
import { Tabs } from './ui/shell/Tabs';
import { ErrorBoundary } from './ui/shell/ErrorBoundary';
import { Timeline } from './ui/timeline/Timeline';
import Topology from './ui/diagram/Topology';
import { usePlayback } from './ui/hooks/usePlayback';
import { useKeyboard } from './ui/hooks/useKeyboard';
import { useUrlSync } from './ui/hooks/useUrlSync';
import { usePresentationKeys } from './ui/hooks/usePresentation';
import { useUi } from './store/ui';
import { useCompareRoute } from './ui/compare/route'; // [issue 14 hook-up]
import { firstScreen, useAfterFirstScreen, whenIdle } from './ui/shell/firstScreen';
import { useTour } from './store/tour';
import { useRun } from './store/run';
import { preloadPatterns } from './patterns/catalog';
import { compareStrings, panelsStrings } from './i18n';
import { addStrings } from './i18n/sources';
import { NARROW, useNearScreen } from './ui/shell/layout';

// Not on the first screen: loaded when first shown.
// On the first screen but not needed for it to respond (issue 15, initial JS ≤ 200 kB): loaded just after it
// (shell/firstScreen.ts), each in its pane's place (a fixed grid cell, so nothing moves when it arrives).
// The panels' strings (i18n panelsStrings; their titles are in the app's) come with each panel's code.
/** A panel's component (the module's export `name`), loaded with the panels' strings. */
const panel = <K extends string, M extends Record<K, ComponentType<never>>>(load: () => Promise<M>, name: K) =>
  Promise.all([load(), addStrings(panelsStrings)]).then(([m]) => ({ default: m[name] }));
const InvariantPanel = lazy(() => panel(() => import('./ui/panels/InvariantPanel'), 'InvariantPanel'));
const SequenceChart = lazy(() => panel(() => import('./ui/sequence/SequenceChart'), 'SequenceChart'));
const Inspector = lazy(() => panel(() => import('./ui/panels/Inspector'), 'Inspector'));
const FaultList = lazy(() => panel(() => import('./ui/panels/FaultList'), 'FaultList'));
const CodePanel = lazy(() => panel(() => import('./ui/panels/CodePanel'), 'CodePanel'));
const TableView = lazy(() => panel(() => import('./ui/tables/TableView'), 'TableView'));
const EventLog = lazy(() => panel(() => import('./ui/panels/EventLog'), 'EventLog'));
const ShortcutsDialog = lazy(() => import('./ui/shell/ShortcutsDialog'));
// Drawn only while they have something to show (a running tour, a message, presentation mode), so not in the start
// chunk; fetched once the first screen is up, so they appear at once when needed. [issue 15: initial JS ≤ 200 kB]
const tourPlayer = () => import('./ui/tour/TourPlayer').then((m) => ({ default: m.TourPlayer }));
const toasts = () => import('./ui/shell/Toasts').then((m) => ({ default: m.Toasts }));
const verdicts = () => panel(() => import('./ui/panels/VerdictStrip'), 'VerdictStrip');
const TourPlayer = lazy(tourPlayer);
const Toasts = lazy(toasts);
const VerdictStrip = lazy(verdicts);
void firstScreen
  .then(async () => {
    for (const load of [tourPlayer, toasts, verdicts]) await whenIdle().then(load);
  })
  .catch(() => undefined);
// [issue 14 hook-up] with Recharts, and its strings; it names every pattern's parameters and metrics, so every
// pattern's strings too.
const ComparePage = lazy(() =>
  Promise.all([
    import('./ui/compare/ComparePage'),
    addStrings(compareStrings),
    addStrings(panelsStrings),
    preloadPatterns(),
  ]).then(([m]) => m),
);

/**
 * Content that the first screen does not need to respond: drawn once it is up (on a phone, once it is also near the
 * screen: useNearScreen). Until then an empty box the size of its pane stands in, watched for coming into view.
 */
function Later({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLSpanElement>(null);
  const ready = useAfterFirstScreen(useNearScreen(box));
  return ready ? children : <span ref={box} aria-hidden="true" className="pointer-events-none absolute inset-0" />;
}

function Pane({ name, children, className = '' }: { name: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={'relative min-h-0 min-w-0 overflow-hidden bg-white ' + className}>
      <ErrorBoundary name={name}>
        <Suspense fallback={null}>{children}</Suspense>
      </ErrorBoundary>
    </div>
  );
}

export default function App() {
  const { t } = useTranslation();
  usePlayback();
  useKeyboard();
  useUrlSync();
  usePresentationKeys();
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const present = useUi((s) => s.present);
  // Presentation mode on a narrow screen: the sequence chart instead of the diagram.
  const [presentSeq, setPresentSeq] = useState(false);
  const compare = useCompareRoute(); // [issue 14 hook-up] #lab… shows the Compare view
  const touring = useTour((s) => s.tour !== null);
  const messages = useRun((s) => s.errors.length > 0);
  return (
    <div
      className={
        'flex h-dvh min-h-[600px] flex-col bg-slate-100 text-[15px] text-slate-900' +
        // A phone (below 768 px): the panes stack and the page scrolls (NARROW, also in the skeleton).
        (present ? ' present' : ' ' + NARROW.root)
      }
    >
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-2">
        {t('app.skip')}
      </a>
      {/* In presentation mode the header, verdicts, sequence chart and timeline are zoomed (.pz, index.css). */}
      <div className={present ? 'pzh shrink-0' : 'contents'}>
        <ErrorBoundary name="header.title">
          <Header />
        </ErrorBoundary>
      </div>
      <ErrorBoundary name="run.loading">
        <RunStatus />
      </ErrorBoundary>
      {touring && !present && !compare && (
        <Suspense fallback={null}>
          <TourPlayer /> {/* [issue 15 tours] */}
        </Suspense>
      )}
      {present && (
        <div className="pfs flex shrink-0 items-start border-b border-slate-300 bg-white">
          <Suspense fallback={null}>
            {touring && <TourPlayer /> /* [issue 15 tours]: its caption beside the verdict strip */}
            <ErrorBoundary name="present.verdicts">
              <VerdictStrip />
            </ErrorBoundary>
          </Suspense>
          <button
            type="button"
            aria-pressed={presentSeq}
            onClick={() => setPresentSeq(!presentSeq)}
            className="present-switch m-1 ml-auto shrink-0 rounded-md border-2 border-slate-500 bg-white px-2 py-0.5 font-semibold whitespace-nowrap text-slate-900 hover:bg-slate-100"
          >
            {t(presentSeq ? 'present.showDiagram' : 'present.showSequence')}
          </button>
        </div>
      )}
      <main
        id="main"
        className={
          'grid min-h-0 flex-1 gap-0 ' +
          (present ? 'grid-rows-[minmax(0,1fr)_auto]' : 'grid-rows-[minmax(0,1fr)_auto_minmax(0,30%)]') +
          // [issue 14 hook-up] (hidden alone: the phone's flex would show it again)
          (compare ? ' hidden' : present ? '' : ' ' + NARROW.main)
        }
      >
        <div
          className={
            'grid min-h-0 gap-px bg-slate-300 ' +
            (present ? 'present-cols' : 'grid-cols-[minmax(0,11fr)_minmax(0,9fr)] ' + NARROW.top)
          }
        >
          <Pane name="diagram.title" className={present && presentSeq ? 'present-off' : ''}>
            <Topology />
          </Pane>
          <Pane name="panels.seq.title" className={present ? 'pz' + (presentSeq ? '' : ' present-off') : ''}>
            <Later>
              <SequenceChart />
            </Later>
          </Pane>
        </div>
        <div className={present ? 'pz' : 'contents'}>
          <ErrorBoundary name="timeline.title">
            <Timeline />
          </ErrorBoundary>
        </div>
        <div className={'grid min-h-0 grid-cols-3 gap-px bg-slate-300 ' + (present ? 'hidden' : NARROW.panels)}>
          <Pane name="panels.inv.title">
            <Later>
              <InvariantPanel />
            </Later>
          </Pane>
          <Pane name="panels.insp.title">
            <Tabs
              label="layout.inspectorTabs"
              tabs={[
                {
                  id: 'inspector',
                  label: 'panels.insp.title',
                  render: () => (
                    <Later>
                      <Inspector />
                    </Later>
                  ),
                },
                { id: 'tables', label: 'tables.title', render: () => <TableView /> },
                { id: 'code', label: 'panels.code.title', render: () => <CodePanel /> },
              ]}
            />
          </Pane>
          <Pane name="panels.faults.title">
            <Tabs
              label="layout.faultTabs"
              tabs={[
                {
                  id: 'faults',
                  label: 'panels.faults.title',
                  render: () => (
                    <Later>
                      <FaultList />
                    </Later>
                  ),
                },
                { id: 'log', label: 'panels.log.title', render: () => <EventLog /> },
              ]}
            />
          </Pane>
        </div>
      </main>
      {compare && ( // [issue 14 hook-up]
        <Suspense fallback={<p className="p-4">{t('app.loading')}</p>}>
          <ErrorBoundary name="compare.title">
            <ComparePage />
          </ErrorBoundary>
        </Suspense>
      )}
      {messages && (
        <Suspense fallback={null}>
          <Toasts />
        </Suspense>
      )}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
    </div>
  );
}
