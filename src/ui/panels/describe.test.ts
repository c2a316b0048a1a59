import { describe, expect, it } from 'vitest';
import panels from '../../i18n/panels';
import type { Topology } from '../../engine/types';
import { describeFault, nodeName, ordinalEn, type TFn } from './describe';
import { emptyDraft, validateDraft } from './faultForm';

const mkT =
  (lang: 'en' | 'zh'): TFn =>
  (key, params) => {
    const s = (panels[lang] as Record<string, string>)[key] ?? key;
    return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ''));
  };
const topo: Topology = {
  nodes: [
    { id: 'C', role: 'coordinator', label: 'C', x: 0, y: 0 },
    { id: 'P2', role: 'participant', label: 'P2', x: 0, y: 0 },
  ],
  edges: [],
};
const en = mkT('en');
const zh = mkT('zh');
const nameEn = (id: string) => nodeName(en, topo, id);

describe('fault descriptions', () => {
  it('time trigger', () => {
    expect(describeFault(en, { when: { at: 1200 }, do: { crash: 'C' } }, nameEn)).toBe('at 1.20 s: crash C');
    expect(describeFault(zh, { when: { at: 1200 }, do: { crash: 'C' } }, nameEn)).toBe('1.20 s 时：崩溃 C');
  });
  it('event trigger', () => {
    const f = { when: { on: { kind: 'send' as const, node: 'C', type: 'COMMIT' } }, do: { crash: 'C' } };
    expect(describeFault(en, f, nameEn)).toBe("after C's 1st COMMIT send: crash C");
    expect(describeFault(zh, f, nameEn)).toBe('C 第 1 次发送 COMMIT之后：崩溃 C');
  });
  it('message faults armed at 0 read as "next …"', () => {
    const f = { when: { at: 0 }, do: { drop: { from: 'C', to: 'P2', type: 'PREPARE' } } };
    expect(describeFault(en, f, nameEn)).toBe('next PREPARE C→P2: drop');
    const g = { when: { at: 0 }, do: { delay: { type: 'ACK', count: 3 }, by: 2000 } };
    expect(describeFault(en, g, nameEn)).toBe('next 3 × ACK *→*: delay by 2.00 s');
  });
  it('ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinalEn)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
  it('en and zh have the same keys', () => {
    expect(Object.keys(panels.zh).sort()).toEqual(Object.keys(panels.en).sort());
  });
});

describe('add-fault validation', () => {
  const nodes = ['C', 'P2'];
  it('default draft (crash at cursor time) is valid', () => {
    const v = validateDraft(emptyDraft(nodes, 1234.4), nodes);
    expect(v).toEqual({ ok: true, fault: { when: { at: 1234 }, do: { crash: 'C' } } });
  });
  it('rejects negative, non-numeric and absurd times', () => {
    const d = emptyDraft(nodes, 0);
    expect(validateDraft({ ...d, at: '-5' }, nodes)).toMatchObject({ ok: false, key: 'panels.add.err.negative' });
    expect(validateDraft({ ...d, at: 'abc' }, nodes)).toMatchObject({ ok: false, key: 'panels.add.err.number' });
    expect(validateDraft({ ...d, at: '1e20' }, nodes)).toMatchObject({ ok: false, key: 'panels.add.err.number' });
    expect(validateDraft({ ...d, at: '99999999999999' }, nodes)).toMatchObject({
      ok: false,
      key: 'panels.add.err.max',
    });
  });
  it('rejects unknown nodes and bad partitions', () => {
    const d = emptyDraft(nodes, 0);
    expect(validateDraft({ ...d, node: 'X' }, nodes)).toMatchObject({ ok: false, key: 'panels.add.err.unknownNode' });
    expect(validateDraft({ ...d, action: 'partition', partA: [], partB: ['C'] }, nodes)).toMatchObject({
      ok: false,
      key: 'panels.add.err.sides',
    });
    expect(validateDraft({ ...d, action: 'partition', partA: ['C'], partB: ['C'] }, nodes)).toMatchObject({
      ok: false,
      key: 'panels.add.err.overlap',
    });
  });
  it('builds event triggers and message faults', () => {
    const d = {
      ...emptyDraft(nodes, 0),
      trigger: 'on' as const,
      onKind: 'send' as const,
      onNode: 'C',
      onType: 'COMMIT',
      nth: '2',
      action: 'delay' as const,
      from: 'C',
      to: 'P2',
      type: 'COMMIT',
      by: '500',
    };
    expect(validateDraft(d, nodes)).toEqual({
      ok: true,
      fault: {
        when: { on: { kind: 'send', node: 'C', type: 'COMMIT' }, nth: 2 },
        do: { delay: { from: 'C', to: 'P2', type: 'COMMIT' }, by: 500 },
      },
    });
    expect(validateDraft({ ...d, nth: '0' }, nodes)).toMatchObject({ ok: false, field: 'nth' });
    expect(validateDraft({ ...d, nth: '1.5' }, nodes)).toMatchObject({ ok: false, key: 'panels.add.err.int' });
    expect(validateDraft({ ...d, by: '0' }, nodes)).toMatchObject({ ok: false, field: 'by' });
  });
});
