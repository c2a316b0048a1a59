/** The app's own strings: header, diagram, timeline, shortcuts, errors. Same keys in en and zh (a test checks). */
// Both languages together, for tests and tools; the app loads one language at a time (see index.ts).
import en from './ui.en';
import zh from './ui.zh';

export default { en, zh };
