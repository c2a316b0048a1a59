/** Narration effects of the Didi coupon flow: keys under 'didi.note.' (strings in strings.*.ts beside this file). */
import { notes } from '../../engine/pattern';

export const NOTE = 'didi.note';

export const note = notes(NOTE);
