/**
 * The pattern registry: the one list the UI, the CLI, the lab and the tests iterate over.
 * A new pattern is a new folder under src/patterns/ and one line here.
 */
import type { PatternDef } from '../engine/pattern';
import { twoPC } from './twopc';
import { tcc } from './tcc';
import { saga } from './saga';
import { outbox } from './outbox';
import { notify } from './notify';
import { rocketmq } from './rocketmq';
import { didiCoupon } from './didi-coupon';
import { didiPay } from './didi-pay';

export const patterns: PatternDef[] = [twoPC, tcc, saga, notify, outbox, rocketmq, didiCoupon, didiPay];

export function getPattern(id: string): PatternDef | undefined {
  return patterns.find((p) => p.id === id);
}
