/** Narration effects of the Didi payment fan-out: keys under 'didipay.note.' (strings in strings.*.ts). */
import type { Effect, NoteTag } from '../../engine/types';

export const NOTE = 'didipay.note';

export function note(key: string, params: Record<string, string | number>, tag?: NoteTag): Effect {
  return { kind: 'note', key: `${NOTE}.${key}`, params, ...(tag ? { tag } : {}) };
}
