/**
 * The requests a 2PC workload may hand the application (client.ts): BEGIN starts a transaction on every
 * participant (`voteNo` names a participant that will vote no), THIRD_PARTY asks a participant for the row a
 * transaction may hold locked (S-2PC-1).
 */
import type { RequestSpec } from '../../engine/requests';

export const requests: Record<string, RequestSpec> = {
  BEGIN: {
    node: ['client'],
    fields: {
      tx: { kind: 'string', required: true, min: 1, max: 200 },
      voteNo: { kind: 'node' },
    },
  },
  THIRD_PARTY: {
    node: ['client'],
    // client.ts falls back to the first participant when `node` is absent
    fields: { node: { kind: 'node' } },
  },
};
