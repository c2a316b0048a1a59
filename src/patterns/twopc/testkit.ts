/** Test helpers for the 2PC pattern: the shared kit (engine/testing/kit.ts) made for it. */
import { patternKit } from '../../engine/testing/kit';
import { twoPC } from './index';

export const { scenarioById, scenarioOf, runNamed, mismatches, evs, notes, inv } = patternKit(twoPC, '2pc.note');
