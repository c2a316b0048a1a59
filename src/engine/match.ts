/** Matching trace events and messages against fault triggers (pure). */
import type { EventMatcher, MsgMatcher, NodeId, TraceEvent } from './types';

export function matchesEvent(m: EventMatcher, ev: TraceEvent): boolean {
  if (m.kind !== ev.kind) return false;
  if (m.node !== undefined && m.node !== ev.node) return false;
  switch (ev.kind) {
    case 'send':
      if (m.to !== undefined && m.to !== ev.to) return false;
      if (m.type !== undefined && m.type !== ev.msg.type) return false;
      if (m.tx !== undefined && m.tx !== ev.msg.tx) return false;
      if (m.mid !== undefined && m.mid !== ev.msg.mid) return false;
      return true;
    case 'deliver':
    case 'drop':
      if (m.from !== undefined && m.from !== ev.from) return false;
      if (m.type !== undefined && m.type !== ev.msg.type) return false;
      if (m.tx !== undefined && m.tx !== ev.msg.tx) return false;
      if (m.mid !== undefined && m.mid !== ev.msg.mid) return false;
      return true;
    case 'timer':
      return m.type === undefined || m.type === ev.name;
    case 'note':
      return m.type === undefined || m.type === ev.key;
    case 'request':
      return m.type === undefined || m.type === ev.msg.type;
    default:
      return true;
  }
}

export function matchesMsg(m: MsgMatcher, from: NodeId, to: NodeId, type: string, mid?: string): boolean {
  return (
    (m.from === undefined || m.from === from) &&
    (m.to === undefined || m.to === to) &&
    (m.type === undefined || m.type === type) &&
    (m.mid === undefined || m.mid === mid)
  );
}
