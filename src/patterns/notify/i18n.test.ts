/**
 * The notification pattern's own string checks: note keys named in its sources and the domain words
 * (src/i18n/i18n.test.ts checks every key its runs show, for every registered pattern).
 */
import { describe, expect, it } from 'vitest';
import strings from './strings';

const en = strings.en;
const zh = strings.zh;
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('notify strings', () => {
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const src of Object.values(sources))
      for (const m of src.matchAll(/'(notify\.note\.[A-Za-z0-9]+)'/g)) keys.add(m[1]);
    expect(keys.size).toBeGreaterThan(10);
    for (const k of keys) expect(en[k], k).toBeDefined();
  });
  it('Chinese uses the domain words', () => {
    const all = Object.values(zh).join('');
    for (const w of ['幂等', '对账', '通知', '重试', '最大努力通知', '本地事务']) expect(all).toContain(w);
  });
});
