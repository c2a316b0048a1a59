/**
 * Named scenarios: S-DIDI-1 (both or neither, the unlock retried to eventual consistency), S-DIDI-3 (send first) and
 * S-DIDI-5 (the monitor's delay against the base operation's time). Faults are triggered by trace events.
 */
import type { NamedScenario } from '../../engine/pattern';
import type { Fault } from '../../engine/types';
import { COUPON, ORDER } from './types';

/** The order service dies as the coupon service's "locked" answer arrives: before it saves, and before a late send. */
export const crashAfterLock: Fault[] = [
  { id: 'crash-order-on-locked', when: { on: { kind: 'deliver', node: ORDER, type: 'LOCKED' } }, do: { crash: ORDER } },
  {
    id: 'recover-order',
    when: { on: { kind: 'deliver', node: ORDER, type: 'LOCKED' }, delay: 500 },
    do: { recover: ORDER },
  },
];

/** The coupon service is down when the first monitor arrives (its unlock is lost), back 30 s later. */
export const couponDownAtMonitor: Fault[] = [
  {
    id: 'crash-coupon-on-monitor',
    when: { on: { kind: 'deliver', node: ORDER, type: 'TX_MONITOR' } },
    do: { crash: COUPON },
  },
  {
    id: 'recover-coupon',
    when: { on: { kind: 'deliver', node: ORDER, type: 'TX_MONITOR' }, delay: 30_000 },
    do: { recover: COUPON },
  },
];

export const scenarios: NamedScenario[] = [
  {
    id: 's-didi-1-happy',
    claims: ['S-DIDI-1'],
    expect: {
      outcomes: { T1: 'committed' },
      invariants: { atomicity: 'holds', 'no-leak': 'holds' },
      neverBreaks: ['atomicity'],
      durable: {
        order: { 'orders.T1.st': 'saved' },
        coupon: { 'coupons.cp-T1.st': 'locked', 'coupons.cp-T1.by': 'T1' },
        broker: { 'delayedMsgs.mon-T1.status': 'cancelled', 'delayedMsgs.mon-T1.fired': 0, delayedOpen: {} },
      },
    },
  },
  {
    id: 's-didi-1-save-fails',
    claims: ['S-DIDI-1'],
    params: { failRate: 1 },
    expect: {
      outcomes: { T1: 'repaired' },
      invariants: { atomicity: 'holds', 'no-leak': 'holds' },
      neverBreaks: ['atomicity'],
      durable: {
        order: { orders: {} },
        coupon: { 'coupons.cp-T1.st': 'free', 'coupons.cp-T1.unlocks': 1 },
        broker: { 'delayedMsgs.mon-T1.status': 'cancelled', 'delayedMsgs.mon-T1.fired': 1 },
      },
    },
  },
  {
    id: 's-didi-1-unlock-fails',
    claims: ['S-DIDI-1'],
    params: { failRate: 1 },
    faults: couponDownAtMonitor,
    expect: {
      outcomes: { T1: 'repaired' },
      invariants: { atomicity: 'holds', 'no-leak': 'holds' },
      durable: {
        coupon: { 'coupons.cp-T1.st': 'free', 'coupons.cp-T1.unlocks': 1 },
        broker: { 'delayedMsgs.mon-T1.status': 'cancelled', 'delayedMsgs.mon-T1.fired': 2 },
      },
    },
  },
  {
    id: 's-didi-3-send-first',
    claims: ['S-DIDI-3'],
    faults: crashAfterLock,
    expect: {
      outcomes: { T1: 'repaired' },
      invariants: { atomicity: 'holds', 'no-leak': 'holds' },
      durable: {
        order: { orders: {} },
        coupon: { 'coupons.cp-T1.st': 'free' },
        broker: { 'delayedMsgs.mon-T1.status': 'cancelled' },
      },
    },
  },
  {
    id: 's-didi-3-send-not-first',
    claims: ['S-DIDI-3'],
    guards: { sendFirst: false },
    faults: crashAfterLock,
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { atomicity: 'holds', 'no-leak': 'violated' },
      durable: { order: { orders: {} }, coupon: { 'coupons.cp-T1.st': 'locked' }, broker: { delayedMsgs: {} } },
    },
  },
  {
    id: 's-didi-5-short-delay',
    claims: ['S-DIDI-5'],
    params: { monitorDelay: 1_000, saveTime: 3_000 },
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { atomicity: 'violated', 'no-leak': 'holds' },
      breaks: ['atomicity'],
      durable: {
        order: { 'orders.T1.st': 'saved' },
        coupon: { 'coupons.cp-T1.st': 'free' },
        broker: { 'delayedMsgs.mon-T1.fired': 1 },
      },
    },
  },
  {
    id: 's-didi-5-long-delay',
    claims: ['S-DIDI-5'],
    params: { monitorDelay: 5_000, saveTime: 3_000 },
    expect: {
      outcomes: { T1: 'committed' },
      invariants: { atomicity: 'holds', 'no-leak': 'holds' },
      neverBreaks: ['atomicity'],
      durable: {
        order: { 'orders.T1.st': 'saved' },
        coupon: { 'coupons.cp-T1.st': 'locked' },
        broker: { 'delayedMsgs.mon-T1.status': 'cancelled', 'delayedMsgs.mon-T1.fired': 0 },
      },
    },
  },
];
