/** Narration effects of the outbox nodes: keys under 'outbox.note.' (strings in strings.*.ts beside this file). */
import { notes } from '../../engine/pattern';

export const NOTE = 'outbox.note';

export const note = notes(NOTE);
