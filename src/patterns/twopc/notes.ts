/** Narration effects of the 2PC nodes: keys under '2pc.note.' (strings in strings.*.ts beside this file). */
import { notes } from '../../engine/pattern';

export const NOTE = '2pc.note';

export const note = notes(NOTE);
