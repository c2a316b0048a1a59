/** Narration effects of the 2PC nodes: keys under '2pc.note.' (strings in strings.*.ts beside this file). */
import type { Effect, NoteTag } from '../../engine/types';

export function note(key: string, params: Record<string, string | number>, tag?: NoteTag): Effect {
  return { kind: 'note', key: '2pc.note.' + key, params, ...(tag ? { tag } : {}) };
}
