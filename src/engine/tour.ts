/**
 * Guided tours (issue 15): part of the pattern contract. A tour is plain data in the pattern's folder
 * (src/patterns/<folder>/tour.ts, its captions in that folder's strings.{en,zh}.ts): chapters of steps, each step a
 * moment in one of the pattern's named scenarios. The moment is an EVENT PREDICATE (the EventMatcher fault triggers
 * use, plus which match), never a raw event index or time, so a tour stays right when latencies, parameters or the
 * engine's event order change. One pure resolver turns a step into what the views need: the cursor position, the
 * highlighted nodes and the highlighted messages (their send events' seq). The UI player, the tests and the
 * walkthrough recorder all go through it.
 */
import { matchesEvent as matches } from './match';
import type { EventMatcher, NodeId, TraceEvent } from './types';

/**
 * "The nth event matching `on`": kind + node + type (message type for send / deliver / drop, note key for a note,
 * timer name for a timer) + to / from / tx / mid, as in a fault trigger.
 */
export interface TourMoment {
  on: EventMatcher;
  /**
   * Which match: 1 = the first (default), 2 = the second …; -1 = the last, -2 = the one before it.
   * In `messages`, an absent nth means "the latest match at or before the step's cursor event".
   */
  nth?: number;
}

export interface TourStep {
  /** Id of one of the pattern's named scenarios (NamedScenario.id). */
  scenario: string;
  /** The cursor stops just after this event (its effects visible, the next event not yet applied). */
  at: TourMoment;
  /** i18n key of the caption, in the pattern's strings (by convention `tour.<pattern>.<chapter>.<n>`). */
  caption: string;
  /** Node ids to highlight (topology node ids of that scenario). */
  nodes?: NodeId[];
  /** Messages to highlight: a send, deliver or drop event each, resolved to the message's send. */
  messages?: TourMoment[];
}

export interface TourChapter {
  /** Stable id (used in caption keys and by the recorder's title cards). */
  id: string;
  /** i18n key of the chapter title (by convention `tour.<pattern>.<chapter>`). */
  title: string;
  steps: TourStep[];
}

export interface TourDef {
  chapters: TourChapter[];
}

/** A step in the tour's flat order (the deep link's `step` is this index + 1). */
export interface FlatStep {
  /** 0-based position in the whole tour. */
  index: number;
  /** 0-based chapter index, and the step's index inside its chapter. */
  chapter: number;
  inChapter: number;
  step: TourStep;
}

export function tourSteps(tour: TourDef): FlatStep[] {
  const out: FlatStep[] = [];
  tour.chapters.forEach((c, chapter) =>
    c.steps.forEach((step, inChapter) => out.push({ index: out.length, chapter, inChapter, step })),
  );
  return out;
}

/** What a step means in one trace. */
export type ResolvedStep =
  | {
      ok: true;
      /** seq of the event the cursor stops after. */
      seq: number;
      /** Cursor position (events applied) = seq + 1, and its virtual time. */
      pos: number;
      t: number;
      nodes: NodeId[];
      /** seq of each highlighted message's send event. */
      sends: number[];
    }
  | { ok: false; problem: string };

/** The part of a trace the resolver reads (a TraceIndex has both). */
export interface TraceView {
  events: readonly TraceEvent[];
  nodeIds: readonly NodeId[];
}

const describe = (m: TourMoment) => JSON.stringify(m);

/** seq of the nth match (nth < 0: from the end) among events[0 … upTo]. */
function find(events: readonly TraceEvent[], m: TourMoment, upTo = events.length - 1): number | null {
  const nth = m.nth ?? 1;
  if (!Number.isInteger(nth) || nth === 0) return null;
  if (nth > 0) {
    let k = 0;
    for (let i = 0; i <= upTo; i++) if (matches(m.on, events[i]) && ++k === nth) return i;
    return null;
  }
  let k = 0;
  for (let i = upTo; i >= 0; i--) if (matches(m.on, events[i]) && --k === nth) return i;
  return null;
}

function unknownNodes(m: TourMoment, nodes: ReadonlySet<string>): string[] {
  return [m.on.node, m.on.to, m.on.from].filter((n): n is string => n !== undefined && !nodes.has(n));
}

/**
 * Resolve a step against a trace (pure). Fails, saying why, when the cursor predicate matches nothing, a message
 * predicate matches nothing or is not a message event, or a node named anywhere is not in the trace's topology.
 */
export function resolveTourStep(step: TourStep, trace: TraceView): ResolvedStep {
  const nodeSet = new Set(trace.nodeIds);
  const bad = [...(step.nodes ?? []).filter((n) => !nodeSet.has(n)), ...unknownNodes(step.at, nodeSet)];
  for (const m of step.messages ?? []) bad.push(...unknownNodes(m, nodeSet));
  if (bad.length) return { ok: false, problem: `unknown node(s) ${[...new Set(bad)].join(', ')}` };
  const seq = find(trace.events, step.at);
  if (seq === null) return { ok: false, problem: `cursor ${describe(step.at)} matches no event` };
  const sends: number[] = [];
  for (const m of step.messages ?? []) {
    if (m.on.kind !== 'send' && m.on.kind !== 'deliver' && m.on.kind !== 'drop')
      return { ok: false, problem: `message ${describe(m)} is not a send, deliver or drop` };
    const at = m.nth === undefined ? find(trace.events, { on: m.on, nth: -1 }, seq) : find(trace.events, m);
    if (at === null) return { ok: false, problem: `message ${describe(m)} matches no event` };
    const ev = trace.events[at];
    const send = ev.kind === 'send' ? ev.seq : ev.kind === 'deliver' || ev.kind === 'drop' ? ev.sendSeq : -1;
    if (!sends.includes(send)) sends.push(send);
  }
  return { ok: true, seq, pos: seq + 1, t: trace.events[seq].t, nodes: [...(step.nodes ?? [])], sends };
}
