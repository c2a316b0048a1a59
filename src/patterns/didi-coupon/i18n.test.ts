/**
 * The Didi coupon flow's own string checks: note keys named in its sources and the DDMQ module's, the node labels of
 * both queue models, and the seed's words (src/i18n/i18n.test.ts checks every key its runs show).
 */
import { describe, expect, it } from 'vitest';
import strings from './strings';
import { mergedResources } from '../../i18n/resources';
import { didiCoupon as pattern } from './index';

const all = mergedResources();
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });
describe('didi-coupon strings', () => {
  it('every note key in the source exists', () => {
    const keys = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/\bnote\('([A-Za-z]+)'/g)) keys.add('didi.note.' + m[1]);
    }
    for (const k of ['delayAdded', 'delayFired', 'delayFiredLast', 'delayCancelled']) keys.add('didi.note.broker.' + k);
    expect(keys.size).toBeGreaterThan(15);
    for (const k of keys) expect(strings.en[k], k).toBeDefined();
  });
  it('pattern, roles, nodes, scenarios, params and guards are all named', () => {
    const need = [`pattern.${pattern.id}.name`, `pattern.${pattern.id}.desc`, 'family.messaging'];
    for (const r of Object.keys(pattern.roles)) need.push(`role.${pattern.id}.${r}`);
    for (const n of [...pattern.topology({}).nodes, ...pattern.topology({ mq: 'rocketmq' }).nodes]) need.push(n.label);
    for (const s of pattern.scenarios)
      need.push(`scenario.${pattern.id}.${s.id}.title`, `scenario.${pattern.id}.${s.id}.desc`);
    for (const p of pattern.params) need.push(`param.${pattern.id}.${p.key}`, `param.${pattern.id}.${p.key}.help`);
    for (const g of pattern.guards) need.push(`guard.${pattern.id}.${g.key}`, `guard.${pattern.id}.${g.key}.desc`);
    for (const k of need) {
      expect(all.en[k], k).toBeDefined();
      expect(all.zh[k], k).toBeDefined();
    }
  });
  it('Chinese uses the seed’s domain words', () => {
    const zh = Object.values(strings.zh).join('');
    for (const w of ['事务监控消息', '空回滚', '锁券', '基础操作', '最终一致', '幂等', '延迟']) expect(zh).toContain(w);
  });
});
