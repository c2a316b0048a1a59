/**
 * Two-phase commit (XA) with a 3PC variant: application, coordinator C, standby coordinator C2, participants
 * P1…Pn, each with its own database (one row, its lock, a durable log). See SEED-EN.md (S-2PC-1 … 4) and
 * PATTERNS.md (2PC / XA).
 */
import type { PatternDef } from '../../engine/pattern';
import { clientRole } from './client';
import { coordinatorRole } from './coordinator';
import { handlers } from './handlers';
import { invariants, outcomes } from './invariants';
import { defaultNetwork, guards, params, surface, topology, workload } from './params';
import { participantRole } from './participant';
import { requests } from './requests';
import { scenarios } from './scenarios';
import { tour } from './tour';
import { standbyRole } from './standby';
import { view } from './view';
import { meta } from './meta';

export const twoPC: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: {
    client: clientRole,
    coordinator: coordinatorRole,
    standby: standbyRole,
    participant: participantRole,
  },
  params,
  guards,
  topology,
  defaultNetwork,
  defaultHorizon: 15_000,
  workload,
  invariants,
  outcomes,
  view,
  scenarios,
  tour,
  handlers,
  surface,
  // A branch that fails its prepare-time checks votes no: the lab's business failure.
  lab: { failureParam: 'voteNoProb', roles: { money: 'P1', coordinator: 'C', receiver: 'P2' } },
  requests,
};

export default twoPC;
