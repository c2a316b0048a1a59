/**
 * The header: product name, pattern picker (grouped by family), named-scenario picker with its claim badges,
 * guards, parameters, language, export / import / copy link, shortcuts. Under it, one line says what the chosen
 * scenario shows, so a room can read what to watch.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalog } from '../../patterns/catalog'; // ids and families only: each pattern's code loads when picked
import { namedScenario, sameJson } from '../../engine';
import { useRun } from '../../store/run';
import { useUi } from '../../store/ui';
import { currentLang, scenarioStrings, setLang, type Lang } from '../../i18n';
import { addStrings } from '../../i18n/sources';
import { currentLink } from '../hooks/useUrlSync';
import { GuardsPopover, ParamsPopover } from './HeaderPopovers';
import { togglePresentation } from '../hooks/usePresentation';
import { CompareButton } from '../compare/CompareButton'; // [issue 14 hook-up]
import { useCompareRoute } from '../compare/route';
import { ExportButton } from '../export/ExportButton'; // [issue 15 hook-up]
import { TourButton } from '../tour/TourButton'; // [issue 15 tours]
import { Icon } from './Icon';
import { Segmented, type Segment } from './Segmented';
import { ICON_ONLY_TEXT } from './icons';
import { DESC, NARROW } from './layout';

const CUSTOM = '';

function PatternPicker() {
  const { t } = useTranslation();
  // The pick shows at once, while its code loads (then it becomes the pattern on screen).
  const current = useRun((s) => s.pendingPattern ?? s.pattern.id);
  const setPattern = useRun((s) => s.setPattern);
  const families = useMemo(() => {
    const m = new Map<string, (typeof catalog)[number][]>();
    for (const p of catalog) m.set(p.family, [...(m.get(p.family) ?? []), p]);
    return [...m.entries()];
  }, []);
  return (
    <label className="flex max-w-max min-w-0 grow basis-40 items-center gap-2 max-md:basis-60 xl:min-w-max">
      <span className="sr-only">{t('header.pattern')}</span>
      <select
        value={current}
        onChange={(e) => setPattern(e.target.value)}
        className="hselect w-full min-w-0 font-semibold field-sizing-content"
        title={t('header.pattern')}
      >
        {families.map(([family, ps]) => (
          <optgroup key={family} label={t(`family.${family}`)}>
            {ps.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`pattern.${p.id}.name`)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** Whether the scenario on screen still equals the named scenario it came from. */
function useEdited(): boolean {
  const pattern = useRun((s) => s.pattern);
  const scenario = useRun((s) => s.scenario);
  return useMemo(() => {
    const ns = pattern.scenarios.find((x) => x.id === scenario.name);
    if (!ns) return false;
    return !sameJson(namedScenario(pattern, ns), scenario);
  }, [pattern, scenario]);
}

/** A scenario's name in the picker: its title, then the claims it reproduces that the title does not name yet. */
export function scenarioLabel(title: string, claims: readonly string[]): string {
  const extra = claims.filter((c) => !title.includes(c));
  return extra.length ? `${title} · ${extra.join(' ')}` : title;
}

function ScenarioPicker() {
  const { t } = useTranslation();
  const pattern = useRun((s) => s.pattern);
  const name = useRun((s) => s.scenario.name);
  const setNamed = useRun((s) => s.setNamedScenario);
  const setPattern = useRun((s) => s.setPattern);
  const ns = pattern.scenarios.find((x) => x.id === name);
  const edited = useEdited();
  // From 1280 px up, neither picker is narrower than its text: the header takes a second row rather than cut a
  // name (below, a picker shrinks to the screen).
  return (
    <div className="flex max-w-max min-w-0 grow basis-56 items-center gap-2 xl:min-w-max">
      <label className="flex min-w-0 flex-1 items-center gap-2">
        <span className="sr-only">{t('header.scenario')}</span>
        <select
          title={t('header.scenario')}
          value={ns ? ns.id : CUSTOM}
          onChange={(e) => (e.target.value === CUSTOM ? setPattern(pattern.id) : setNamed(e.target.value))}
          className="hselect w-full min-w-0 field-sizing-content"
        >
          <option value={CUSTOM}>{t('header.defaultScenario')}</option>
          {pattern.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {scenarioLabel(t(`scenario.${pattern.id}.${s.id}.title`), s.claims)}
            </option>
          ))}
        </select>
      </label>
      {edited && (
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-semibold whitespace-nowrap text-amber-950">
          {t('header.edited')}
        </span>
      )}
    </div>
  );
}

const LANGS: readonly Segment<Lang>[] = [
  { value: 'zh', label: '中文', lang: 'zh-CN' },
  { value: 'en', label: 'EN', lang: 'en' },
];

function LangSwitch() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'zh' ? 'zh' : currentLang();
  return (
    <Segmented
      label={t('header.language')}
      options={LANGS}
      value={lang}
      onChange={(l) => void setLang(l)}
      className="border-slate-500"
      buttonClass="px-2.5 py-1 text-[15px] font-semibold whitespace-nowrap"
    />
  );
}

function PresentToggle() {
  const { t } = useTranslation();
  const present = useUi((s) => s.present);
  return (
    <button
      type="button"
      aria-pressed={present}
      aria-label={t('header.present')}
      title={t('header.present.desc') + ' (P, F)'}
      onClick={togglePresentation}
      className={'hbtn w-10 px-0 ' + (present ? 'bg-slate-800! text-white! hover:bg-slate-900!' : '')}
    >
      <Icon name="present" />
    </button>
  );
}

/** Export, import and copy a link; `scenario` false (the Compare view): the link only, the address of that view. */
function FileActions({ scenario }: { scenario: boolean }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const importFile = async (file: File) => {
    const lab = useRun.getState();
    let text: string;
    try {
      text = await file.text();
    } catch {
      lab.pushError('error.importRead', { file: file.name });
      return;
    }
    const { parseScenario } = await import('../../scenario/schema');
    const { renderError } = await import('../../scenario/errors');
    const r = parseScenario(text);
    if (!r.ok) {
      await addStrings(scenarioStrings).catch(() => undefined); // the error texts load when first needed
      // The error is a code: rendered in the language on screen, never the schema's English.
      const message = renderError(r.error, (key, params) => t(key, params));
      if (r.error.path) lab.pushError('error.import', { file: file.name, path: r.error.path, message });
      else lab.pushError('error.importWhole', { file: file.name, message });
      return;
    }
    lab.loadScenario(r.scenario);
  };

  const copyLink = async () => {
    const link = await currentLink();
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      useRun.getState().pushError('error.clipboard');
    }
  };

  return (
    <div className={`flex items-center gap-1.5 ${NARROW.headerGroup}`}>
      {scenario && (
        <>
          <ExportButton /> {/* [issue 15 hook-up] images, trace, events, scenario file */}
          <button
            type="button"
            className="hbtn gap-1.5"
            onClick={() => fileRef.current?.click()}
            title={t('header.import.desc')}
          >
            <Icon name="import" />
            <span className={ICON_ONLY_TEXT}>{t('header.import')}</span>
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            className="hidden"
            aria-label={t('header.import.file')}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </>
      )}
      <button
        type="button"
        className="hbtn gap-1.5"
        onClick={() => void copyLink()}
        aria-label={copied ? t('header.copied') : t('header.copyLink')}
        title={t('header.copyLink.desc')}
      >
        {/* Copied: a tick in the icon's place, the same size, so nothing in the header moves. */}
        {copied ? (
          <span aria-hidden="true" className="inline-flex size-5 items-center justify-center">
            {t('header.copiedShort')}
          </span>
        ) : (
          <Icon name="link" />
        )}
        <span className={ICON_ONLY_TEXT}>{t('header.link')}</span>
      </button>
    </div>
  );
}

function Description() {
  const { t } = useTranslation();
  const pattern = useRun((s) => s.pattern);
  const name = useRun((s) => s.scenario.name);
  const ns = pattern.scenarios.find((x) => x.id === name);
  const text = ns ? t(`scenario.${pattern.id}.${ns.id}.desc`) : t(`pattern.${pattern.id}.desc`);
  const claims = ns?.claims ?? [];
  // The text "More" opened: another pattern or scenario starts folded again.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = openFor === text;
  const [cut, setCut] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  // Whether the folded line hides text (measured, so a line that fits gets no button): at each size and text.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setCut(el.scrollHeight > el.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [text, open]);
  return (
    <div className={DESC.box}>
      <p ref={ref} id="scenario-desc" aria-live="polite" className={`${DESC.text} ${open ? 'pr-20' : DESC.clamp}`}>
        <span className={DESC.label}>{t('header.watch')} </span>
        {claims.map((c) => (
          <span
            key={c}
            className="mr-1.5 inline-block rounded-full border border-sky-800 bg-white px-2 font-mono text-sm leading-5 font-semibold whitespace-nowrap text-sky-900"
            title={t('header.claim')}
          >
            {c}
          </span>
        ))}
        {text}
      </p>
      {(cut || open) && (
        // Over the end of the second line (where the fold's ellipsis is): nothing moves when it appears.
        <button
          type="button"
          aria-expanded={open}
          aria-controls="scenario-desc"
          onClick={() => setOpenFor(open ? null : text)}
          className="absolute right-2 bottom-1 rounded-r bg-linear-to-r from-transparent via-sky-50 via-40% to-sky-50 pl-8 text-[15px] leading-snug font-semibold text-sky-900 underline hover:text-sky-700 focus-visible:outline-2 focus-visible:outline-sky-700"
        >
          {t(open ? 'header.descLess' : 'header.descMore')}
        </button>
      )}
    </div>
  );
}

export function Header() {
  const { t } = useTranslation();
  // The "Watch:" line is about the pattern in the animated view; Compare has its own heading and intro.
  const onCompare = useCompareRoute();
  return (
    <header className="shrink-0">
      <div className="flex flex-wrap items-center gap-x-1.5 gap-y-1 border-b border-slate-300 bg-white px-3 py-1.5">
        <h1 className="flex items-center gap-1.5 text-lg font-bold whitespace-nowrap text-slate-950">
          <img src="./favicon.svg" alt="" width={24} height={24} />
          {/* Below 1440 px the animated view's controls need the room; the Compare view's header has plenty. */}
          <span className={onCompare ? undefined : ICON_ONLY_TEXT}>{t('app.name')}</span>
        </h1>
        {/* The animated view's own controls: the Compare view has its own pickers, exports and way back. */}
        {!onCompare && (
          <>
            <PatternPicker />
            <ScenarioPicker />
            <div className={`flex items-center gap-1.5 ${NARROW.headerGroup}`}>
              <GuardsPopover />
              <ParamsPopover />
            </div>
          </>
        )}
        <div className={`ml-auto flex flex-wrap items-center gap-1.5 ${NARROW.headerGroup}`}>
          <CompareButton /> {/* [issue 14 hook-up] */}
          {!onCompare && <TourButton />} {/* [issue 15 tours] */}
          <PresentToggle />
          <LangSwitch />
          {/* Presentation mode keeps what a presenter uses in front of the room. */}
          <div className={`present-hide flex flex-wrap items-center gap-1.5 ${NARROW.headerGroup}`}>
            <FileActions scenario={!onCompare} />
          </div>
          <button
            type="button"
            className="present-hide hbtn w-9 px-0"
            aria-label={t('shortcuts.title')}
            title={t('shortcuts.title')}
            onClick={() => useUi.getState().setShortcutsOpen(true)}
          >
            ?
          </button>
        </div>
      </div>
      {!onCompare && <Description />}
    </header>
  );
}
