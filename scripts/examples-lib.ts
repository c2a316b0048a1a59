/** The example files, derived from the registry: one per named scenario of every pattern. */
import { namedScenario } from '../src/engine/scenario';
import { patterns } from '../src/patterns/registry';
import { scenarioToJson } from '../src/scenario/schema';
import { format, resolveConfig } from 'prettier';

export interface ExampleFile {
  /** Relative to the repository root: examples/<pattern>/<scenario-id>.json */
  path: string;
  content: string;
}

/** Files as Prettier writes them, so `prettier --check .` in CI agrees with `npm run examples`. */
export async function exampleFiles(): Promise<ExampleFile[]> {
  const out: ExampleFile[] = [];
  for (const p of patterns) {
    for (const ns of p.scenarios) {
      const path = `examples/${p.id}/${ns.id}.json`;
      const options = (await resolveConfig(path)) ?? {};
      const content = await format(scenarioToJson(namedScenario(p, ns), ns.expect), { ...options, filepath: path });
      out.push({ path, content });
    }
  }
  return out;
}
