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

export function messageColor(type: string): string {
  const fixed = FIXED[type];
  if (fixed !== undefined) return OKABE_ITO[fixed];
  let h = 0;
  for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) >>> 0;
  return OKABE_ITO[h % 7];
}

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
