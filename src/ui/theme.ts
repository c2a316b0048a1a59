/**
 * One colour language for every view (UI.md): node/transaction tones and message-type hues.
 * Message types get Okabe–Ito colours (colour-blind safe) and are always drawn with their text label too.
 */
import type { Tone } from '../engine';

export type ToneOrState = Tone | 'crashed' | 'violated';

/** Tailwind classes per tone: background, border, text. Amber = prepared/reserved/half, green = done, etc. */
export const toneClass: Record<ToneOrState, string> = {
  idle: 'bg-white border-slate-300 text-slate-900',
  working: 'bg-slate-50 border-slate-400 text-slate-900',
  prepared: 'bg-amber-50 border-amber-500 text-amber-950',
  committed: 'bg-emerald-50 border-emerald-600 text-emerald-950',
  aborted: 'bg-slate-200 border-slate-500 text-slate-800',
  blocked: 'bg-purple-50 border-purple-600 text-purple-950 tone-pulse',
  crashed: 'bg-slate-800 border-slate-950 text-slate-100',
  violated: 'bg-red-50 border-red-600 text-red-900',
};

/** Solid colours (SVG fills/strokes) per tone, same meaning as toneClass. */
export const toneColor: Record<ToneOrState, string> = {
  idle: '#94a3b8',
  working: '#64748b',
  prepared: '#d97706',
  committed: '#059669',
  aborted: '#64748b',
  blocked: '#7c3aed',
  crashed: '#1e293b',
  violated: '#dc2626',
};

/** Okabe–Ito palette without black/yellow-on-white problems (yellow is darkened for text contrast). */
const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8a7a00', '#000000'];

/** Well-known message types get fixed hues so the same word is the same colour in every pattern. */
const FIXED: Record<string, number> = {
  PREPARE: 0,
  TRY: 0,
  VOTE: 4,
  VOTE_YES: 2,
  VOTE_NO: 1,
  COMMIT: 2,
  CONFIRM: 2,
  ABORT: 1,
  ROLLBACK: 1,
  CANCEL: 1,
  ACK: 5,
};

function hueIndex(type: string): number {
  const fixed = FIXED[type];
  if (fixed !== undefined) return fixed;
  let h = 0;
  for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) >>> 0;
  return h % 7;
}

/** The hue of a message type: for lines, arrowheads and tokens (not for text on white: see messageLabelColor). */
export function messageColor(type: string): string {
  return OKABE_ITO[hueIndex(type)];
}

/** Every message hue, in palette order (for the legend and the contrast test). */
export const MESSAGE_HUES: readonly string[] = OKABE_ITO;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const hex2 = (v: number) => Math.round(v).toString(16).padStart(2, '0');

/** The same hue darkened (mixed with black) just enough for `min` contrast on `bg`. */
export function darkenFor(hex: string, bg: string, min: number): string {
  const n = parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  for (let k = 0; k <= 100; k++) {
    const f = 1 - k / 100;
    const c = '#' + rgb.map((v) => hex2(v * f)).join('');
    if (contrast(c, bg) >= min) return c;
  }
  return '#000000';
}

/** Text at 14 px needs 4.5:1 (WCAG AA); a small margin keeps rounding and anti-aliasing on the safe side. */
export const LABEL_CONTRAST = 4.6;
const LABELS = OKABE_ITO.map((c) => darkenFor(c, '#ffffff', LABEL_CONTRAST));

/**
 * The colour of a message type's label drawn on white (sequence chart, with a white halo): the type's hue,
 * darkened where the bright Okabe–Ito shades (orange, sky blue, green …) fall below 4.5:1. Lines keep messageColor.
 */
export function messageLabelColor(type: string): string {
  return LABELS[hueIndex(type)];
}

/** Black or white, whichever reads better on a filled token of colour `hex` (always ≥ 4.58:1). */
/** textOn's answers by colour: it is asked for every token and badge on every render, of a handful of colours. */
const TEXT_ON = new Map<string, string>();

export function textOn(hex: string): string {
  let ink = TEXT_ON.get(hex);
  if (ink === undefined) {
    ink = contrast(hex, '#000000') >= contrast(hex, '#ffffff') ? '#000000' : '#ffffff';
    TEXT_ON.set(hex, ink);
  }
  return ink;
}

/** Label colour of a message that has not happened yet at the cursor: grey (4.76:1 on white), its line is faded. */
export const FUTURE_LABEL = '#64748b';

/** Virtual time for display: "850 ms", "12.4 s", "3 m 05 s", "2 h 10 m". */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  const a = Math.abs(ms);
  if (a < 1000) return `${Math.round(ms)} ms`;
  if (a < 60_000) return `${(ms / 1000).toFixed(a < 10_000 ? 2 : 1)} s`;
  if (a < 3_600_000) {
    const m = Math.floor(a / 60_000);
    const s = Math.floor((a % 60_000) / 1000);
    return `${ms < 0 ? '-' : ''}${m} m ${String(s).padStart(2, '0')} s`;
  }
  const h = Math.floor(a / 3_600_000);
  const m = Math.floor((a % 3_600_000) / 60_000);
  return `${ms < 0 ? '-' : ''}${h} h ${String(m).padStart(2, '0')} m`;
}
