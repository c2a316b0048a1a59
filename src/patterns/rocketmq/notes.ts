/** Narration effects of the RocketMQ pattern's nodes: keys under 'rocketmq.note.' (the broker's: 'rocketmq.note.broker.'). */
import type { Effect, NoteTag } from '../../engine/types';

export const NOTE = 'rocketmq.note';

export function note(key: string, params: Record<string, string | number>, tag?: NoteTag): Effect {
  return { kind: 'note', key: `${NOTE}.${key}`, params, ...(tag ? { tag } : {}) };
}
