/** The guided-tour player's own strings (src/ui/tour); the captions are in each pattern's folder. */
const en: Record<string, string> = {
  'tour.start': 'Tour',
  'tour.start.desc': 'Start the guided tour of this pattern (→ / PageDown / . next, ← / PageUp back, Esc to end)',
  'tour.stop': 'End the tour',
  'tour.region': 'Guided tour',
  'tour.chapter': 'Chapter',
  'tour.stepOf': 'Step {{n}} of {{total}}',
  'tour.prev': 'Previous step',
  'tour.next': 'Next step',
  'tour.otherScenario': 'The scenario on screen is not this step’s: press → or ← to go back to the tour.',
  'shortcut.tourNext': 'During a tour: next step',
  'shortcut.tourPrev': 'During a tour: previous step',
  'shortcut.tourExit': 'During a tour: end the tour (before leaving presentation mode)',
};

export default en;
