/** Test helpers for the RocketMQ pattern: the shared kit (engine/testing/kit.ts) made for it. */
import { patternKit } from '../../engine/testing/kit';
import { rocketmq } from './index';

export const { scenarioById, scenarioOf, runNamed, mismatches, evs, notes, inv } = patternKit(
  rocketmq,
  'rocketmq.note',
);
