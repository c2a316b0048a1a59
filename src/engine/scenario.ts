/** Building a full scenario from a pattern's defaults plus a named scenario's overrides. */
import type { NamedScenario, PatternDef } from './pattern';
import { defaultGuards, defaultParams } from './simulator';
import type { Scenario } from './types';

export function baseScenario(p: PatternDef, seed = 1): Scenario {
  const params = defaultParams(p);
  return {
    version: 1,
    pattern: p.id,
    seed,
    params,
    guards: defaultGuards(p),
    network: p.defaultNetwork,
    workload: p.workload(params),
    faults: [],
    horizon: p.defaultHorizon,
  };
}

export function namedScenario(p: PatternDef, ns: NamedScenario): Scenario {
  const base = baseScenario(p, ns.seed ?? 1);
  const params = { ...base.params, ...ns.params };
  return {
    ...base,
    name: ns.id,
    params,
    guards: { ...base.guards, ...ns.guards },
    network: ns.network
      ? { default: { ...base.network.default, ...ns.network.default }, links: ns.network.links ?? base.network.links }
      : base.network,
    workload: ns.workload ?? p.workload(params),
    faults: ns.faults ?? [],
    horizon: ns.horizon ?? base.horizon,
  };
}
