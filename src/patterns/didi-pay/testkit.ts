/** Test helpers for the Didi payment fan-out: the shared kit (engine/testing/kit.ts) made for it. */
import { patternKit } from '../../engine/testing/kit';
import { didiPay } from './index';

export const { scenarioById, scenarioOf, runNamed, mismatches, evs, notes, inv } = patternKit(didiPay, 'didipay.note');
