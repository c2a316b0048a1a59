/**
 * Local message table / transactional outbox (SEED-EN.md "Local message table (outbox)", PATTERNS.md): the order
 * service writes its business row and an outbox row in one local transaction; a relay (polling publisher or log
 * tailing) forwards outbox rows to a Kafka-like topic and marks them on the broker's ack; the inventory service
 * consumes, applies the effect in its own local transaction (deduplicated through its inbox) and commits its offset.
 */
import type { PatternDef } from '../../engine/pattern';
import { brokerRole } from '../broker';
import { consumerNodeRole } from './consumer';
import { handlers } from './handlers';
import { invariants, outcomes } from './invariants';
import { orderRole } from './order';
import { defaultNetwork, guards, params, surface, topology, workload } from './params';
import { relayRole } from './relay';
import { scenarios } from './scenarios';
import { tour } from './tour';
import { view } from './view';
import { meta } from './meta';

export const outbox: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: {
    order: orderRole,
    relay: relayRole,
    broker: brokerRole({ notePrefix: 'outbox.note.broker' }),
    consumer: consumerNodeRole,
  },
  params,
  guards,
  topology,
  defaultNetwork,
  defaultHorizon: 10_000,
  workload,
  invariants,
  outcomes,
  view,
  scenarios,
  tour,
  handlers,
  surface,
  // The lab's side-by-side fault plans: the order service's database holds the order, the relay drives.
  lab: { roles: { money: 'order', coordinator: 'relay', receiver: 'consumer' } },
};

export default outbox;
