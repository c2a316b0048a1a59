/** The example files, derived from the registry: one per named scenario of every pattern. */
import { namedScenario } from '../src/engine/scenario';
import { patterns } from '../src/patterns/registry';
import { scenarioToJson } from '../src/scenario/schema';

export interface ExampleFile {
  /** Relative to the repository root: examples/<pattern>/<scenario-id>.json */
  path: string;
  content: string;
}

export function exampleFiles(): ExampleFile[] {
  const out: ExampleFile[] = [];
  for (const p of patterns) {
    for (const ns of p.scenarios) {
      const s = namedScenario(p, ns);
      out.push({ path: `examples/${p.id}/${ns.id}.json`, content: scenarioToJson(s, ns.expect) });
    }
  }
  return out;
}
