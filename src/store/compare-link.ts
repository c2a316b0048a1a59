/**
 * The Compare view's deep link: a lab config in the hash, `#lab=1.<lz-string data>` (like the scenario link
 * `#s=1.…` in src/scenario/link.ts). Decoding validates with the lab-config schema, so a bad link names its field.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { LabConfig } from '../lab/config';
import { parseLabConfig } from '../lab/schema';
import { parseSidePlan, type SidePlan } from '../lab/side';

export const LAB_LINK_VERSION = 1;
const PREFIX = `lab=${LAB_LINK_VERSION}.`;

/** Whether a hash belongs to the Compare view (`#lab`, `#lab=…`). */
export function isLabHash(hash: string): boolean {
  return /^#?lab(=|$)/.test(hash);
}

export function encodeLabLink(c: LabConfig): string {
  return '#' + PREFIX + compressToEncodedURIComponent(JSON.stringify(c));
}

export type LabLinkResult = { ok: true; config: LabConfig } | { ok: false; error: string };

export function decodeLabLink(hash: string): LabLinkResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^lab=(\d+)\.(.*)$/s.exec(h);
  if (!m) return { ok: false, error: 'link: not a dtx-lab comparison link (expected #lab=1.…)' };
  if (Number(m[1]) !== LAB_LINK_VERSION)
    return { ok: false, error: `link: unsupported link version ${m[1]} (this app reads ${LAB_LINK_VERSION})` };
  let json: string | null = null;
  try {
    json = decompressFromEncodedURIComponent(m[2]);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, error: 'link: the link is damaged (cannot be decompressed)' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'link: the link is damaged (its content is not valid JSON)' };
  }
  const r = parseLabConfig(value);
  return r.ok ? r : { ok: false, error: r.error };
}

/**
 * The side-by-side view's link: `#lab=side` (the default plan) or `#lab=side.<lz-string plan>`. It stays a `#lab=`
 * hash, so the Compare screen shows it.
 */
const SIDE = 'lab=side';

export function isSideHash(hash: string): boolean {
  return /^#?lab=side(\.|$)/.test(hash);
}

export function encodeSideLink(plan: SidePlan): string {
  return '#' + SIDE + '.' + compressToEncodedURIComponent(JSON.stringify(plan));
}

export type SideLinkResult = { ok: true; plan: SidePlan | null } | { ok: false; error: string };

/** The plan in a side-by-side link (null: none given, the default plan). */
export function decodeSideLink(hash: string): SideLinkResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === SIDE || h === SIDE + '.') return { ok: true, plan: null };
  if (!h.startsWith(SIDE + '.')) return { ok: false, error: 'link: not a side-by-side link (expected #lab=side.…)' };
  let value: unknown;
  try {
    const json = decompressFromEncodedURIComponent(h.slice(SIDE.length + 1));
    if (!json) return { ok: false, error: 'link: the link is damaged (cannot be decompressed)' };
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'link: the link is damaged (its content is not valid JSON)' };
  }
  const r = parseSidePlan(value);
  return r.ok ? { ok: true, plan: r.plan } : { ok: false, error: r.error };
}
