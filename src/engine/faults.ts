/**
 * Fault injection: time-triggered faults are queued by the scheduler; event-triggered ones watch the trace ("after
 * the coordinator's 1st COMMIT send", "on the 3rd delivery of message M") and fire at once or after a delay; message
 * faults (drop / delay / duplicate the next matching message) are armed when they fire and consumed by sends.
 */
import { matchesEvent, matchesMsg } from './match';
import type { Fault, Msg, MsgMatcher, NodeId, Time, TraceEvent } from './types';

interface EventTrigger {
  fault: Fault;
  count: number;
  done: boolean;
}

interface Armed {
  fault: Fault;
  matcher: MsgMatcher;
  remaining: number;
}

export class FaultInjector {
  private triggers: EventTrigger[] = [];
  private armed: Armed[] = [];

  /** `timed` receives each time-triggered fault to queue. */
  constructor(faults: readonly Fault[], timed: (at: Time, f: Fault) => void) {
    for (const f of faults) {
      if ('at' in f.when) timed(Math.max(0, f.when.at), f);
      else this.triggers.push({ fault: f, count: 0, done: false });
    }
  }

  /** Event-triggered faults exist: every event must be built so it can be matched. */
  get watchesEvents(): boolean {
    return this.triggers.length > 0;
  }

  /** Match an event against the triggers: `fire` now, or `later` after the trigger's delay. */
  observe(ev: TraceEvent, fire: (f: Fault) => void, later: (delay: Time, f: Fault) => void): void {
    for (const tr of this.triggers) {
      if (tr.done) continue;
      const w = tr.fault.when;
      if (!('on' in w) || !matchesEvent(w.on, ev)) continue;
      tr.count++;
      if (tr.count === (w.nth ?? 1)) {
        tr.done = true;
        if (!w.delay) fire(tr.fault);
        else later(w.delay, tr.fault);
      }
    }
  }

  /** Arm a message fault (drop / delay / duplicate the next `count` matching messages). */
  arm(fault: Fault, matcher: MsgMatcher): void {
    this.armed.push({ fault, matcher, remaining: matcher.count ?? 1 });
  }

  /** The armed fault that applies to this message, if any (one of its counts is used up). */
  take(from: NodeId, to: NodeId, msg: Msg): Fault | undefined {
    for (const a of this.armed) {
      if (a.remaining <= 0 || !matchesMsg(a.matcher, from, to, msg.type, msg.mid)) continue;
      a.remaining--;
      return a.fault;
    }
    return undefined;
  }

  get anyArmed(): boolean {
    return this.armed.length > 0;
  }
}
