/**
 * Pure text helpers shared by the panels and the sequence chart: human-readable faults, events and node names in
 * either language. They take a translate function, so they are testable in Node without React.
 */
import type { EventMatcher, Fault, FaultAction, MsgMatcher, NodeId, Topology, Trigger, TraceEvent } from '../../engine';
import { formatTime } from '../theme';

export type TFn = (key: string, params?: Record<string, string | number>) => string;

/** A node's display name: its topology label (an i18n key or a literal), else its id. */
export function nodeName(t: TFn, topology: Topology, id: NodeId): string {
  if (id === '*') return t('panels.common.network');
  const n = topology.nodes.find((x) => x.id === id);
  if (!n) return id;
  const s = t(n.label);
  return s && s !== n.label ? s : n.label || id;
}

/** English ordinals: 1st, 2nd, 3rd, 11th, 22nd … */
export function ordinalEn(n: number): string {
  const m100 = n % 100;
  if (m100 >= 11 && m100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function eventPhrase(t: TFn, on: EventMatcher, name: (id: NodeId) => string): string {
  const type = on.type ?? '';
  const p: Record<string, string | number> = {
    type,
    to: on.to ? name(on.to) : '',
    from: on.from ? name(on.from) : '',
  };
  let key = `panels.ev.${on.kind}`;
  if (type) key += '.type';
  if (on.kind === 'send' && on.to) key += '.to';
  if ((on.kind === 'deliver' || on.kind === 'drop') && on.from) key += '.from';
  return t(key, p);
}

export function describeTrigger(t: TFn, when: Trigger, name: (id: NodeId) => string): string {
  if ('at' in when) return t('panels.fault.when.at', { time: formatTime(when.at) });
  const n = when.nth ?? 1;
  const event = eventPhrase(t, when.on, name);
  const base = when.on.node
    ? t('panels.fault.when.on', { node: name(when.on.node), nth: ordinalEn(n), n, event })
    : t('panels.fault.when.onAny', { nth: ordinalEn(n), n, event });
  return when.delay ? t('panels.fault.when.delay', { when: base, delay: formatTime(when.delay) }) : base;
}

function msgPhrase(t: TFn, m: MsgMatcher, name: (id: NodeId) => string): string {
  return t('panels.fault.msg', {
    type: m.type ?? t('panels.fault.anyMsg'),
    from: m.from ? name(m.from) : '*',
    to: m.to ? name(m.to) : '*',
  });
}

export function describeAction(t: TFn, a: FaultAction, name: (id: NodeId) => string): string {
  if ('crash' in a) return t('panels.fault.do.crash', { node: name(a.crash) });
  if ('recover' in a) return t('panels.fault.do.recover', { node: name(a.recover) });
  if ('partition' in a) {
    const p = a.partition;
    return t(p.oneWay ? 'panels.fault.do.partitionOneWay' : 'panels.fault.do.partition', {
      a: p.a.map(name).join(', '),
      b: p.b.map(name).join(', '),
    });
  }
  if ('heal' in a) return t('panels.fault.do.heal');
  const m = 'drop' in a ? a.drop : 'delay' in a ? a.delay : a.duplicate;
  const count = m.count ?? 1;
  const msg = msgPhrase(t, m, name);
  const verb =
    'drop' in a
      ? t('panels.fault.do.drop')
      : 'delay' in a
        ? t('panels.fault.do.delay', { by: formatTime(a.by) })
        : t('panels.fault.do.duplicate');
  return t(count > 1 ? 'panels.fault.do.msgN' : 'panels.fault.do.msg', { msg, verb, count });
}

function isMsgAction(a: FaultAction): boolean {
  return 'drop' in a || 'delay' in a || 'duplicate' in a;
}

/** "at 1.20 s: crash C", "after C's 1st COMMIT send: crash C", "next PREPARE C→P2: drop". */
export function describeFault(t: TFn, f: Pick<Fault, 'when' | 'do'>, name: (id: NodeId) => string): string {
  const action = describeAction(t, f.do, name);
  if ('at' in f.when && f.when.at === 0 && isMsgAction(f.do)) return action;
  return t('panels.fault.row', { when: describeTrigger(t, f.when, name), action });
}

/** One line describing a trace event (for the event log, the inspector, tooltips). */
export function describeEvent(t: TFn, ev: TraceEvent, name: (id: NodeId) => string): string {
  switch (ev.kind) {
    case 'start':
      return t('panels.log.start');
    case 'recover':
      return t('panels.log.recover');
    case 'crash':
      return t('panels.log.crash');
    case 'request':
      return t('panels.log.request', { type: ev.msg.type, tx: ev.msg.tx ?? '' });
    case 'timer':
      return t('panels.log.timer', { name: ev.name });
    case 'send': {
      const base = t('panels.log.send', { type: ev.msg.type, to: name(ev.to) });
      if (ev.lost) return `${base} — ${t('panels.log.lostAtSend', { reason: t('panels.reason.' + ev.lost) })}`;
      if (ev.copies.length > 1) return `${base} — ${t('panels.log.dup', { n: ev.copies.length })}`;
      return base;
    }
    case 'deliver':
      return t('panels.log.deliver', { type: ev.msg.type, from: name(ev.from) });
    case 'drop':
      return t('panels.log.drop', { type: ev.msg.type, from: name(ev.from), reason: t('panels.reason.' + ev.reason) });
    case 'note':
      return noteText(t, ev.key, ev.params, name);
    case 'fault':
      return t('panels.log.fault', { action: describeAction(t, ev.action, name) });
  }
}

/** A note's narration; node-id params are shown by name. */
export function noteText(
  t: TFn,
  key: string,
  params: Record<string, string | number> | undefined,
  name: (id: NodeId) => string,
): string {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) p[k] = typeof v === 'string' ? name(v) : v;
  return t(key, p);
}

/** Translate `value` if it is a key (or `<pattern>.status.<value>` is), else return it as is. */
export function wordOf(t: TFn, exists: (k: string) => boolean, patternId: string, value: string): string {
  if (exists(value)) return t(value);
  const k = `${patternId}.status.${value}`;
  if (exists(k)) return t(k);
  return value;
}
