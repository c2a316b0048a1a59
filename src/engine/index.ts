export * from './types';
export * from './pattern';
export * from './simulator';
export * from './trace';
export { traceHash } from './hash';
export { createRng, fnv1a } from './prng';
export { sampleDist, distMean } from './network';
export { matchesEvent, matchesMsg } from './match';
export * from './scenario';
