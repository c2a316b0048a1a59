/**
 * The RocketMQ pattern's own string checks: note keys named in its sources and the broker modules' (index.ts, txn.ts),
 * the words of its tables' status columns, and the seed's words (src/i18n/i18n.test.ts checks every key its runs show).
 */
import { describe, expect, it } from 'vitest';
import strings from './strings';

const sources = import.meta.glob<string>(['./*.ts', '../broker/index.ts', '../broker/txn.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('rocketmq strings', () => {
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const [path, src] of Object.entries(sources)) {
      // The broker module narrates under its own prefix (rocketmq gives it 'rocketmq.note.broker').
      const prefix = path.startsWith('../broker') ? 'rocketmq.note.broker.' : 'rocketmq.note.';
      for (const m of src.matchAll(/\bnote\('([A-Za-z]+)'/g)) keys.add(prefix + m[1]);
      for (const m of src.matchAll(/'(rocketmq\.note\.[A-Za-z.]+[A-Za-z])'/g)) keys.add(m[1]);
    }
    keys.delete('rocketmq.note.broker'); // the prefix handed to the broker module, not a key
    expect(keys.size).toBeGreaterThan(8);
    for (const k of keys) expect(strings.en[k], k).toBeDefined();
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['半消息', '反查', '幂等', '至少一次', '消息代理', '死信', '最终一致']) expect(zh).toContain(w);
  });
});
