/**
 * The first paint before any JavaScript (issue 15: Lighthouse, first paint on a slow phone): a static copy of the
 * main view's layout, in the page's language, written into index.html at build time (vite.config.ts) for both
 * languages; a small inline script there shows the one detectLang() (src/i18n) would pick, and the app replaces it
 * with the real view on its first render (React empties #root). It uses the app's own classes and strings: the
 * header (product name, the first pattern and its default scenario, the buttons' labels), the line saying what to
 * watch, and the panes with their titles, so the real view appears in the same places. Nothing in it responds:
 * the controls are drawn as plain boxes (no buttons or fields a person or a test could use before the app runs),
 * and it is hidden from assistive technology except for one "Loading…" status.
 *
 * A deep link (#…) may open another pattern or the Compare view: then only the frame is drawn, without the first
 * pattern's texts.
 */

import { DESC, NARROW } from './layout';
import { ICON_ONLY_TEXT, iconHtml, type IconName } from './icons';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface SkeletonFacts {
  /** The pattern the app opens with (catalog's first): its id and its guards (on by default, total). */
  pattern: string;
  guardsOn: number;
  guardsTotal: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A control as a plain box with its label (inert). */
const box = (cls: string, label: string) => `<span class="${cls}">${esc(label)}</span>`;
/** A header button with an icon (Header.tsx): its text hides below ICON_ONLY_TEXT's width, as the app's does. */
const iconBox = (icon: IconName, label: string) =>
  `<span class="hbtn gap-1.5">${iconHtml(icon)}<span class="${ICON_ONLY_TEXT}">${esc(label)}</span></span>`;

/** The tab strip of a bottom pane (Tabs.tsx): the first tab selected. */
function tabs(t: Translate, labels: string[]): string {
  const tab = (label: string, i: number) =>
    `<span class="rounded-t-md border-b-[3px] px-3 py-1 text-[15px] font-semibold ${
      i === 0 ? 'border-sky-700 text-slate-950' : 'border-transparent text-slate-600'
    }">${esc(t(label))}</span>`;
  return `<div class="flex shrink-0 gap-1 border-b border-slate-300 px-2 pt-1">${labels.map(tab).join('')}</div>`;
}

const pane = (inner: string) => `<div class="relative min-h-0 min-w-0 overflow-hidden bg-white">${inner}</div>`;

/**
 * The skeleton's markup in one language. `withTexts` false (a deep link): the frame only, no pattern texts.
 */
export function skeletonHtml(t: Translate, lang: 'en' | 'zh', facts: SkeletonFacts, withTexts: boolean): string {
  const p = facts.pattern;
  const text = (s: string) => (withTexts ? s : '');
  const header =
    `<header class="shrink-0">` +
    `<div class="flex flex-wrap items-center gap-x-1.5 gap-y-1 border-b border-slate-300 bg-white px-3 py-1.5">` +
    `<span class="flex items-center gap-1.5 text-lg font-bold whitespace-nowrap text-slate-950">` +
    `<img src="./favicon.svg" alt="" width="24" height="24">` +
    `<span class="${ICON_ONLY_TEXT}">${esc(t('app.name'))}</span></span>` +
    (withTexts
      ? box('hselect inline-flex items-center pr-[26px]! font-semibold whitespace-nowrap', t(`pattern.${p}.name`)) +
        box('hselect inline-flex items-center pr-[26px]! whitespace-nowrap', t('header.defaultScenario')) +
        `<span class="flex items-center gap-1.5 ${NARROW.headerGroup}">` +
        box('hbtn', t('guards.button', { on: facts.guardsOn, total: facts.guardsTotal })) +
        box('hbtn', t('params.button')) +
        `</span>`
      : '') +
    `<span class="ml-auto flex flex-wrap items-center gap-1.5 ${NARROW.headerGroup}">` +
    box('hbtn', t('compare.open')) +
    box('hbtn', t('tour.start')) +
    `<span class="hbtn w-10 px-0">${iconHtml('present')}</span>` +
    `<span class="flex shrink-0 overflow-hidden rounded border border-slate-500">` +
    `<span lang="zh-CN" class="px-2.5 py-1 text-[15px] font-semibold whitespace-nowrap ${
      lang === 'zh' ? 'bg-slate-800 text-white' : 'bg-white text-slate-800'
    }">中文</span><span lang="en" class="px-2.5 py-1 text-[15px] font-semibold whitespace-nowrap ${
      lang === 'zh' ? 'bg-white text-slate-800' : 'bg-slate-800 text-white'
    }">EN</span></span>` +
    `<span class="flex flex-wrap items-center gap-1.5 ${NARROW.headerGroup}">` +
    iconBox('export', t('header.export')) +
    iconBox('import', t('header.import')) +
    iconBox('link', t('header.link')) +
    `</span>` +
    box('hbtn w-9 px-0', '?') +
    `</span></div>` +
    (withTexts
      ? `<div class="${DESC.box}"><p class="${DESC.text} ${DESC.clamp}">` +
        `<span class="${DESC.label}">${esc(t('header.watch'))} </span>${esc(t(`pattern.${p}.desc`))}` +
        `</p></div>`
      : '') +
    `</header>`;
  const title = (key: string, cls: string) => `<div class="${cls}">${esc(text(t(key)))}</div>`;
  const main =
    `<div class="grid min-h-0 flex-1 gap-0 grid-rows-[minmax(0,1fr)_auto_minmax(0,30%)] ${NARROW.main}">` +
    `<div class="grid min-h-0 gap-px bg-slate-300 grid-cols-[minmax(0,11fr)_minmax(0,9fr)] ${NARROW.top}">` +
    pane(
      title(
        'diagram.title',
        'flex h-9 items-center border-b border-slate-200 px-2 text-[16px] font-bold text-slate-950',
      ),
    ) +
    pane(title('panels.seq.title', 'flex h-9 items-center border-b border-slate-200 px-2 text-sm font-semibold')) +
    `</div>` +
    // The timeline (Timeline.tsx): the transport buttons and the scrubber, at the height of its three lines of text.
    `<div class="flex h-[83px] shrink-0 items-end gap-3 border-y border-slate-300 bg-slate-50 px-3 pt-0.5 pb-2 ${NARROW.timeline} max-md:h-auto">` +
    `<span class="flex items-center gap-1">${[10, 10, 12, 10, 10]
      .map(
        (w) =>
          `<span class="h-10 ${w === 12 ? 'w-12 bg-sky-800' : 'w-10 bg-white'} rounded-md border border-slate-400"></span>`,
      )
      .join('')}</span>` +
    `<span class="relative min-w-0 flex-1 px-2 ${NARROW.scrubber}"><span class="block h-[40px]"></span>` +
    `<span class="block h-5 rounded-full bg-slate-200"></span></span></div>` +
    `<div class="grid min-h-0 grid-cols-3 gap-px bg-slate-300 ${NARROW.panels}">` +
    pane(`<div class="p-2 text-sm font-semibold text-slate-900">${esc(text(t('panels.inv.title')))}</div>`) +
    pane(tabs(t, ['panels.insp.title', 'tables.title', 'panels.code.title'])) +
    pane(tabs(t, ['panels.faults.title', 'panels.log.title'])) +
    `</div></div>`;
  return (
    `<div class="flex h-dvh min-h-[600px] flex-col bg-slate-100 text-[15px] text-slate-900 ${NARROW.root}">` +
    `<span role="status" class="sr-only">${esc(t('app.loading'))}</span>` +
    `<div aria-hidden="true" class="contents">${header}${main}</div></div>`
  );
}
