/**
 * The "add fault" form's model: a draft of plain strings (what the inputs hold) and its validation into a Fault.
 * Pure, so the rules (unknown nodes, negative times, absurd values) are unit-tested.
 */
import type { EventMatcher, Fault, FaultAction, MsgMatcher, NodeId, Trigger } from '../../engine';

export type ActionKind = 'crash' | 'recover' | 'partition' | 'heal' | 'drop' | 'delay' | 'duplicate';
export const ACTION_KINDS: readonly ActionKind[] = [
  'crash',
  'recover',
  'partition',
  'heal',
  'drop',
  'delay',
  'duplicate',
];
export const TRIGGER_KINDS: readonly EventMatcher['kind'][] = [
  'send',
  'deliver',
  'timer',
  'note',
  'crash',
  'recover',
  'request',
  'drop',
];

export interface FaultDraft {
  trigger: 'at' | 'on';
  /** ms */
  at: string;
  onKind: EventMatcher['kind'];
  /** '' = any node */
  onNode: string;
  onType: string;
  nth: string;
  /** ms after the matching event */
  onDelay: string;
  action: ActionKind;
  node: string;
  partA: NodeId[];
  partB: NodeId[];
  oneWay: boolean;
  /** '' = any */
  from: string;
  to: string;
  type: string;
  count: string;
  /** ms, for delay */
  by: string;
}

/** 30 days of virtual time: anything beyond is a typo, not a scenario. */
export const MAX_MS = 30 * 24 * 3_600_000;
export const MAX_NTH = 100_000;
export const MAX_COUNT = 10_000;

export function emptyDraft(nodes: NodeId[], cursorT: number): FaultDraft {
  return {
    trigger: 'at',
    at: String(Math.round(cursorT)),
    onKind: 'send',
    onNode: nodes[0] ?? '',
    onType: '',
    nth: '1',
    onDelay: '0',
    action: 'crash',
    node: nodes[0] ?? '',
    partA: nodes.slice(0, 1),
    partB: nodes.slice(1),
    oneWay: false,
    from: '',
    to: '',
    type: '',
    count: '1',
    by: '1000',
  };
}

export type Validation =
  | { ok: true; fault: Omit<Fault, 'id'> }
  | { ok: false; field: keyof FaultDraft; key: string; params?: Record<string, string | number> };

function num(
  s: string,
  field: keyof FaultDraft,
  min: number,
  max: number,
  int: boolean,
): { ok: true; v: number } | Extract<Validation, { ok: false }> {
  const txt = s.trim();
  if (txt === '' || !/^-?\d+(\.\d+)?$/.test(txt)) return { ok: false, field, key: 'panels.add.err.number' };
  const v = Number(txt);
  if (!Number.isFinite(v)) return { ok: false, field, key: 'panels.add.err.number' };
  if (v < min)
    return { ok: false, field, key: v < 0 ? 'panels.add.err.negative' : 'panels.add.err.min', params: { min } };
  if (v > max) return { ok: false, field, key: 'panels.add.err.max', params: { max } };
  if (int && !Number.isInteger(v)) return { ok: false, field, key: 'panels.add.err.int' };
  return { ok: true, v };
}

export function validateDraft(d: FaultDraft, nodes: readonly NodeId[]): Validation {
  const known = new Set(nodes);
  const unknown = (field: keyof FaultDraft, id: string): Validation => ({
    ok: false,
    field,
    key: 'panels.add.err.unknownNode',
    params: { node: id },
  });

  let when: Trigger;
  if (d.trigger === 'at') {
    const r = num(d.at, 'at', 0, MAX_MS, false);
    if (!r.ok) return r;
    when = { at: r.v };
  } else {
    if (d.onNode && !known.has(d.onNode)) return unknown('onNode', d.onNode);
    const nth = num(d.nth, 'nth', 1, MAX_NTH, true);
    if (!nth.ok) return nth;
    const delay = num(d.onDelay || '0', 'onDelay', 0, MAX_MS, false);
    if (!delay.ok) return delay;
    const on: EventMatcher = { kind: d.onKind };
    if (d.onNode) on.node = d.onNode;
    if (d.onType.trim()) on.type = d.onType.trim();
    when = { on, nth: nth.v };
    if (delay.v > 0) when.delay = delay.v;
  }

  let action: FaultAction;
  switch (d.action) {
    case 'crash':
    case 'recover':
      if (!known.has(d.node)) return unknown('node', d.node);
      action = d.action === 'crash' ? { crash: d.node } : { recover: d.node };
      break;
    case 'partition': {
      for (const id of [...d.partA, ...d.partB]) if (!known.has(id)) return unknown('partA', id);
      if (d.partA.length === 0 || d.partB.length === 0)
        return { ok: false, field: 'partA', key: 'panels.add.err.sides' };
      if (d.partA.some((x) => d.partB.includes(x))) return { ok: false, field: 'partB', key: 'panels.add.err.overlap' };
      action = { partition: { a: [...d.partA], b: [...d.partB], ...(d.oneWay ? { oneWay: true } : {}) } };
      break;
    }
    case 'heal':
      action = { heal: true };
      break;
    default: {
      if (d.from && !known.has(d.from)) return unknown('from', d.from);
      if (d.to && !known.has(d.to)) return unknown('to', d.to);
      const count = num(d.count, 'count', 1, MAX_COUNT, true);
      if (!count.ok) return count;
      const m: MsgMatcher = {};
      if (d.from) m.from = d.from;
      if (d.to) m.to = d.to;
      if (d.type.trim()) m.type = d.type.trim();
      if (count.v !== 1) m.count = count.v;
      if (d.action === 'delay') {
        const by = num(d.by, 'by', 1, MAX_MS, false);
        if (!by.ok) return by;
        action = { delay: m, by: by.v };
      } else action = d.action === 'drop' ? { drop: m } : { duplicate: m };
    }
  }
  return { ok: true, fault: { when, do: action } };
}
