/**
 * Writing a deep link (the format link.ts documents and reads): a module of its own, so the address bar gets its
 * link at every start without loading the reader's schema and every pattern's definition (lz-string and the JSON
 * writer only). link.ts re-exports all of it. [issue 15: Lighthouse, total blocking time]
 */
import * as lzModule from 'lz-string';
import type { Scenario } from '../engine/types';
import { scenarioToJson } from './json';

// lz-string is CommonJS: a bundler gives its functions as named exports, Node's ESM loader (tsx: npm run fuzz) only
// as `default`.
const lz: typeof lzModule = (lzModule as { default?: typeof lzModule }).default ?? lzModule;

export const LINK_VERSION = 1;
const PREFIX = `s=${LINK_VERSION}.`;
/** 64 KB of compressed data: far above any hand-made scenario (the examples are 0.3–1 KB). */
export const MAX_LINK_CHARS = 64 * 1024;
/** 2 MB of scenario JSON once unpacked. */
export const MAX_DECODED_CHARS = 2 * 1024 * 1024;

/** Largest `&p=` read: far above any trace a page can hold. */
export const MAX_POS = 1_000_000_000;
export const LINK_LANGS = ['en', 'zh'] as const;
export type LinkLang = (typeof LINK_LANGS)[number];

/** What a link carries beside the scenario (all optional). `step` is 1-based, as in the link. */
export interface LinkExtras {
  t?: number;
  pos?: number;
  tour?: string;
  step?: number;
  lang?: LinkLang;
}

/**
 * The hash fragment (with '#') that reproduces `s` exactly; with `t`, the cursor opens at that virtual time; with
 * `extras`, the exact position, the tour step and the language too.
 */
export function encodeLink(s: Scenario, t?: number, extras: Omit<LinkExtras, 't'> = {}): string {
  return (
    '#' +
    PREFIX +
    lz.compressToEncodedURIComponent(JSON.stringify(JSON.parse(scenarioToJson(s)))) +
    cursorSuffix(t) +
    extrasSuffix(extras)
  );
}

/** `&p=…&tour=…&step=…&lang=…` (each only when given), appended after `cursorSuffix`. */
export function extrasSuffix(x: Omit<LinkExtras, 't'>): string {
  let out = '';
  if (x.pos !== undefined && Number.isInteger(x.pos) && x.pos >= 0) out += `&p=${x.pos}`;
  if (x.tour !== undefined && x.step !== undefined) out += `&tour=${encodeURIComponent(x.tour)}&step=${x.step}`;
  if (x.lang !== undefined) out += `&lang=${x.lang}`;
  return out;
}

/** The `&t=<ms>` part of a link ('' at 0): appended to an already encoded link when only the cursor moved. */
export function cursorSuffix(t: number | undefined): string {
  return t !== undefined && Number.isFinite(t) && t > 0 ? `&t=${Math.round(t * 1000) / 1000}` : '';
}
