/** Narration effects of the Didi payment fan-out: keys under 'didipay.note.' (strings in strings.*.ts). */
import { notes } from '../../engine/pattern';

export const NOTE = 'didipay.note';

export const note = notes(NOTE);
