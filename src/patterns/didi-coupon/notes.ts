/** Narration effects of the Didi coupon flow: keys under 'didi.note.' (strings in strings.*.ts beside this file). */
import type { Effect, NoteTag } from '../../engine/types';

export const NOTE = 'didi.note';

export function note(key: string, params: Record<string, string | number>, tag?: NoteTag): Effect {
  return { kind: 'note', key: `${NOTE}.${key}`, params, ...(tag ? { tag } : {}) };
}
