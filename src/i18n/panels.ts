/** Strings of the sequence chart and the bottom panels (invariants, inspector, code, faults, event log). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './panels.en';
import zh from './panels.zh';

export default { en, zh };
