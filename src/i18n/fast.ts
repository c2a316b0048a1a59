/**
 * A fast path for i18next's t() on hot render paths (the sequence chart, node cards, panels redrawn on every
 * seek): the raw string of a key is looked up once per language and cached, and `{{name}}` placeholders are filled
 * with one regex pass — the same result as t() for this app's strings (flat keys, no nesting, no formats), at a
 * fraction of the cost. Calls with a `count` (plural forms) go through i18next itself.
 */
import i18n from './index';

export type Params = Record<string, string | number | undefined>;

const templates = new Map<string, string>();
// Resources of a language may be added later (a language is loaded when first chosen).
i18n.store?.on('added', () => templates.clear());

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

export function fastT(key: string, params?: Params): string {
  if (params && 'count' in params) return i18n.t(key, params as Record<string, unknown>) as string;
  const lng = i18n.language;
  const ck = lng + '\u0000' + key;
  let tpl = templates.get(ck);
  if (tpl === undefined) {
    const r = i18n.getResource(lng, 'translation', key) ?? i18n.getResource('en', 'translation', key);
    // A missing key shows the key itself, as the i18next setup does.
    tpl = typeof r === 'string' ? r : key;
    templates.set(ck, tpl);
  }
  if (!params || !tpl.includes('{{')) return tpl;
  // As i18next: a placeholder whose parameter is absent stays as it is; one passed as undefined becomes ''.
  return tpl.replace(PLACEHOLDER, (m, name: string) => (name in params ? String(params[name] ?? '') : m));
}
