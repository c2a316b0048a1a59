/** Scenario file and link errors (`scenarioError.<code>`). Both languages together, for tests and tools. */
import en from './scenario.en';
import zh from './scenario.zh';

export default { en, zh };
