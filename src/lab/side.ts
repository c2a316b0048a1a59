/**
 * Same scenario, every pattern, side by side: one business workload (a few transactions) and one fault plan in
 * business words ("the service that holds the money crashes 200 ms in and comes back at 5 s"), mapped by each
 * pattern onto its own topology — the workload through the lab's usual mapping (jobScenario: the pattern's LabDef),
 * the plan's role through `lab.roles` (else its first / last crashable node). Every pattern runs on the same healthy
 * network, so the fault is the only difference. One shared virtual clock drives every trace: the cursor of each is
 * a pure function of (its trace, the shared time).
 */
import * as v from 'valibot';
import {
  LAB_ROLES,
  posAtTime,
  type Cursor,
  type Fault,
  type LabRole,
  type NodeId,
  type PatternDef,
  type Scenario,
  type TraceIndex,
} from '../engine';
import { FAULT_PRESETS, type LabConfig } from './config';
import { jobScenario } from './runs';

export interface SidePlan {
  /** Business transactions (1: one transfer / payment / order). */
  transactions: number;
  /** Which service crashes, by business role; 'none': no crash. */
  target: LabRole | 'none';
  /** When it crashes and comes back (virtual ms); recoverAt null: it stays down. */
  crashAt: number;
  recoverAt: number | null;
  seed: number;
}

export const DEFAULT_PLAN: SidePlan = { transactions: 1, target: 'money', crashAt: 200, recoverAt: 5_000, seed: 1 };

/** The node of a pattern that plays a business role: its own `lab.roles`, else its first (last: receiver) crashable. */
export function roleNode(p: PatternDef, sc: Scenario, role: LabRole): NodeId | null {
  const ids = new Set(p.topology(sc.params).nodes.map((n) => n.id));
  const declared = p.lab?.roles?.[role];
  if (declared && ids.has(declared)) return declared;
  const crashable = p.surface(sc.params).crashable.filter((n) => ids.has(n));
  if (!crashable.length) return null;
  return role === 'receiver' ? crashable[crashable.length - 1] : crashable[0];
}

export interface SideScenario {
  pattern: string;
  scenario: Scenario;
  /** The node the plan crashes (null: no crash, or the pattern has nothing to crash). */
  target: NodeId | null;
}

/** The plan's scenario for one pattern. */
export function sideScenario(p: PatternDef, plan: SidePlan): SideScenario {
  const config: LabConfig = {
    patterns: [p.id],
    workload: { transactions: plan.transactions, perSecond: 1, failureRate: 0 },
    faults: FAULT_PRESETS.healthy,
    runs: 1,
    seed: plan.seed,
  };
  const sc = jobScenario(p, config, { pattern: p.id, point: 0, seed: plan.seed });
  const target = plan.target === 'none' ? null : roleNode(p, sc, plan.target);
  const faults: Fault[] = [...sc.faults];
  if (target) {
    faults.push({ id: 'side-crash', when: { at: plan.crashAt }, do: { crash: target } });
    if (plan.recoverAt !== null && plan.recoverAt > plan.crashAt)
      faults.push({ id: 'side-recover', when: { at: plan.recoverAt }, do: { recover: target } });
  }
  const end = Math.max(plan.crashAt, plan.recoverAt ?? 0);
  return {
    pattern: p.id,
    target,
    scenario: { ...sc, name: 'side-by-side', faults, horizon: Math.max(sc.horizon, end + p.defaultHorizon) },
  };
}

/** A trace's cursor at the shared time: every event at or before it applied; past its end, its end. */
export function cursorAt(ix: TraceIndex, t: number): Cursor {
  const tt = Math.max(0, Math.min(ix.endTime, Number.isFinite(t) ? t : 0));
  return { pos: posAtTime(ix, tt), t: tt };
}

/** The shared clock's range: to the end of the longest trace. */
export function sharedEnd(ends: readonly number[]): number {
  return ends.reduce((m, x) => Math.max(m, x), 0);
}

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const ms = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(86_400_000));

export const SidePlanSchema = v.strictObject({
  transactions: int(1, 20),
  target: v.picklist([...LAB_ROLES, 'none'] as const),
  crashAt: ms,
  recoverAt: v.nullable(ms),
  seed: int(0, 2 ** 31 - 1),
});

export type SideParse = { ok: true; plan: SidePlan } | { ok: false; error: string };

export function parseSidePlan(value: unknown): SideParse {
  const r = v.safeParse(SidePlanSchema, value);
  if (r.success) return { ok: true, plan: r.output };
  const issue = r.issues[0];
  return { ok: false, error: `${v.getDotPath(issue) ?? '(plan)'}: ${issue.message}` };
}
