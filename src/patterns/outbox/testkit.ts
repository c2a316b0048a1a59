/** Test helpers for the outbox pattern: the shared kit (engine/testing/kit.ts) made for it. */
import { patternKit } from '../../engine/testing/kit';
import { outbox } from './index';

export const { scenarioById, scenarioOf, runNamed, mismatches, evs, notes, inv } = patternKit(outbox, 'outbox.note');
