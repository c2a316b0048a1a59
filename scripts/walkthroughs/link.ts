/** The deep link that opens a pattern's tour at a step, in a language (src/scenario/link.ts's `&tour=…&step=…&lang=…`). */
import { namedScenario, tourSteps } from '../../src/engine';
import { getPattern } from '../../src/patterns/registry';
import { encodeLink } from '../../src/scenario/link';

export function tourLink(patternId: string, step: number, lang: 'en' | 'zh'): string {
  const p = getPattern(patternId);
  const s = p?.tour ? tourSteps(p.tour)[step - 1] : undefined;
  const ns = s && p!.scenarios.find((n) => n.id === s.step.scenario);
  if (!p || !ns) throw new Error(`no step ${step} in the tour of ${patternId}`);
  return '/' + encodeLink(namedScenario(p, ns), undefined, { tour: p.id, step, lang });
}
