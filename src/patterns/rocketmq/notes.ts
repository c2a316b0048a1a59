/** Narration effects of the RocketMQ pattern's nodes: keys under 'rocketmq.note.' (the broker's: 'rocketmq.note.broker.'). */
import { notes } from '../../engine/pattern';

export const NOTE = 'rocketmq.note';

export const note = notes(NOTE);
