/**
 * The requests a Saga workload may hand the client (shared/client.ts): TRANSFER starts the Bob → Smith
 * transfer of `amount` as global transaction `tx`; AUDIT reads the balance of the account service `target` (a third
 * party looking in the middle of the transfer).
 */
import type { RequestSpec } from '../../engine/requests';

export const requests: Record<string, RequestSpec> = {
  TRANSFER: {
    node: ['client'],
    fields: {
      tx: { kind: 'string', required: true, min: 1, max: 200 },
      amount: { kind: 'int', required: true, min: 1, max: 1_000_000_000 },
    },
  },
  AUDIT: {
    node: ['client'],
    fields: { target: { kind: 'node', required: true } },
  },
};
