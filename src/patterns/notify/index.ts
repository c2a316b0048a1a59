/**
 * Best-effort notification (payment platform → merchant): the platform marks an order paid, notifies the merchant
 * over HTTP and retries on a time ladder (WeChat Pay's, Alipay's or a custom one), giving up after the last step
 * (S-BEN-1); the merchant's handler is idempotent by notify_id and must answer within a deadline; the merchant
 * recovers lost notifications through the platform's order-query API (S-BEN-2). SEED-EN.md, PATTERNS.md.
 */
import type { PatternDef } from '../../engine/pattern';
import { clientRole } from './client';
import { handlers } from './handlers';
import { invariants, outcomes } from './invariants';
import { merchantRole } from './merchant';
import { defaultNetwork, guards, params, surface, topology, workload } from './params';
import { platformRole } from './platform';
import { scenarios } from './scenarios';
import { tour } from './tour';
import { view } from './view';
import { meta } from './meta';

export const notify: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: { client: clientRole, platform: platformRole, merchant: merchantRole },
  params,
  guards,
  topology,
  defaultNetwork,
  // 30 h: the WeChat ladder's 24 h 4 min, a reconciliation after it, and room to see the end.
  defaultHorizon: 30 * 3_600_000,
  workload,
  invariants,
  outcomes,
  view,
  scenarios,
  tour,
  handlers,
  surface,
  // The lab's side-by-side fault plans: the payment platform holds the money and drives the notifications.
  lab: { roles: { money: 'platform', coordinator: 'platform', receiver: 'merchant' } },
};

export default notify;
