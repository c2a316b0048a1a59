/** Test helpers for the Didi coupon flow: the shared kit (engine/testing/kit.ts) made for it. */
import { patternKit } from '../../engine/testing/kit';
import { didiCoupon } from './index';

export const { scenarioById, scenarioOf, runNamed, mismatches, evs, notes, inv } = patternKit(didiCoupon, 'didi.note');
