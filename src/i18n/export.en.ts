/** Strings of the Export menu (issue 15). Same keys in en and zh (a test checks). (English.) */
const en: Record<string, string> = {
  'export.intro': 'Files are named after the pattern, the scenario and the cursor time.',
  'export.images': 'Images',
  'export.data': 'Data',
  'export.diagram.png': 'Diagram as PNG',
  'export.diagram.png.desc': 'The whole topology at the cursor, 1920 × 1080',
  'export.diagram.svg': 'Diagram as SVG',
  'export.diagram.svg.desc': 'The whole topology at the cursor, scalable',
  'export.sequence.png': 'Sequence chart as PNG',
  'export.sequence.png.desc': 'The chart as shown, at twice its size on screen',
  'export.sequence.svg': 'Sequence chart as SVG',
  'export.sequence.svg.desc': 'The chart as shown, scalable',
  'export.trace.json': 'Trace as JSON',
  'export.trace.json.desc': 'Every event of the run, with the scenario and the cursor',
  'export.events.csv': 'Events as CSV',
  'export.events.csv.desc': 'One row per event, for a spreadsheet',
  'export.scenario.json': 'Scenario file',
  'export.scenario.json.desc': 'The JSON file that Import and npm run sim read',
  'export.working': 'Preparing the file…',
  'export.failed': 'The export did not work: {{message}}',
};
export default en;
