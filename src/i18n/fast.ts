/**
 * A fast path for i18next's t() on hot render paths (the sequence chart, node cards, panels redrawn on every
 * seek): the raw string of a key is looked up once per language and cached, and `{{name}}` placeholders are filled
 * with one regex pass — the same result as t() for this app's strings (flat keys, no nesting, no formats), at a
 * fraction of the cost. Calls with a `count` (plural forms) go through i18next itself.
 */
import i18n from './index';

export type Params = Record<string, string | number | undefined>;

/** Per language: key → its raw string, or null when neither the language nor English has it. */
const templates = new Map<string, Map<string, string | null>>();
// Resources of a language may be added later (a language, a pattern's strings, the export menu's load lazily).
i18n.store?.on('added', () => templates.clear());

function raw(key: string): string | null {
  const lng = i18n.language;
  let byKey = templates.get(lng);
  if (byKey === undefined) {
    byKey = new Map();
    templates.set(lng, byKey);
  }
  let tpl = byKey.get(key);
  if (tpl === undefined) {
    const r = i18n.getResource(lng, 'translation', key) ?? i18n.getResource('en', 'translation', key);
    tpl = typeof r === 'string' ? r : null;
    byKey.set(key, tpl);
  }
  return tpl;
}

/** i18n.exists(key) for this app's flat keys, cached like fastT (views ask it for every row on every seek). */
export function fastExists(key: string): boolean {
  return raw(key) !== null;
}

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

export function fastT(key: string, params?: Params): string {
  if (params && 'count' in params) return i18n.t(key, params as Record<string, unknown>) as string;
  // A missing key shows the key itself, as the i18next setup does.
  const tpl = raw(key) ?? key;
  if (!params || !tpl.includes('{{')) return tpl;
  // As i18next: a placeholder whose parameter is absent stays as it is; one passed as undefined becomes ''.
  return tpl.replace(PLACEHOLDER, (m, name: string) => (name in params ? String(params[name] ?? '') : m));
}
