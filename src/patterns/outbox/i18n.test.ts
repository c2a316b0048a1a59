/**
 * The outbox pattern's own string checks: note keys named in its sources and the broker module's, and the seed's words
 * (src/i18n/i18n.test.ts checks every key its runs show, for every registered pattern).
 */
import { describe, expect, it } from 'vitest';
import strings from './strings';

const sources = import.meta.glob<string>(['./*.ts', '../broker/index.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('outbox strings', () => {
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const [path, src] of Object.entries(sources)) {
      // The broker module narrates under its own prefix (outbox gives it 'outbox.note.broker').
      const prefix = path.startsWith('../broker') ? 'outbox.note.broker.' : 'outbox.note.';
      for (const m of src.matchAll(/\bnote\('([A-Za-z]+)'/g)) keys.add(prefix + m[1]);
      for (const m of src.matchAll(/'(outbox\.note\.[A-Za-z.]+[A-Za-z])'/g)) keys.add(m[1]);
    }
    keys.delete('outbox.note.broker'); // the prefix handed to the broker module, not a key
    expect(keys.size).toBeGreaterThan(8);
    for (const k of keys) expect(strings.en[k], k).toBeDefined();
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['本地消息表', '幂等', '至少一次', '消息代理', '位移', '最终一致']) expect(zh).toContain(w);
  });
});
