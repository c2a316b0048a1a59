/** The Didi order + coupon guided tour (src/engine/tour.ts); captions at the end of strings.{en,zh}.ts. */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });
const deliver = (type: string, node: string) => ({ on: { kind: 'deliver' as const, node, type } });
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

export const tour: TourDef = {
  chapters: [
    {
      id: 'order',
      title: 'tour.didi-coupon.order',
      steps: [
        {
          scenario: 's-didi-1-happy',
          at: onNote('order', 'didi.note.monitorStored'),
          caption: 'tour.didi-coupon.order.1',
          nodes: ['order', 'broker'],
          messages: [send('DELAY_ADD', 'order', 'broker'), send('DELAY_ACK', 'broker', 'order')],
        },
        {
          scenario: 's-didi-1-happy',
          at: onNote('coupon', 'didi.note.locked'),
          caption: 'tour.didi-coupon.order.2',
          nodes: ['coupon'],
          messages: [send('LOCK', 'order', 'coupon')],
        },
        {
          scenario: 's-didi-1-happy',
          at: onNote('order', 'didi.note.cancelled'),
          caption: 'tour.didi-coupon.order.3',
          nodes: ['order', 'broker'],
          messages: [send('DELAY_CANCEL', 'order', 'broker')],
        },
      ],
    },
    {
      id: 'unlock',
      title: 'tour.didi-coupon.unlock',
      steps: [
        {
          scenario: 's-didi-1-save-fails',
          at: onNote('order', 'didi.note.saveFailed'),
          caption: 'tour.didi-coupon.unlock.1',
          nodes: ['order', 'coupon'],
        },
        {
          scenario: 's-didi-1-save-fails',
          at: onNote('coupon', 'didi.note.unlocked'),
          caption: 'tour.didi-coupon.unlock.2',
          nodes: ['broker', 'order', 'coupon'],
          messages: [send('TX_MONITOR', 'broker', 'order'), send('UNLOCK', 'order', 'coupon')],
        },
        {
          scenario: 's-didi-1-unlock-fails',
          at: { on: { kind: 'drop', node: 'coupon', type: 'UNLOCK' } },
          caption: 'tour.didi-coupon.unlock.3',
          nodes: ['coupon'],
          messages: [{ on: { kind: 'drop', node: 'coupon', type: 'UNLOCK' } }],
        },
        {
          scenario: 's-didi-1-unlock-fails',
          at: onNote('order', 'didi.note.cancelled'),
          caption: 'tour.didi-coupon.unlock.4',
          nodes: ['broker', 'order', 'coupon'],
          messages: [
            send('TX_MONITOR', 'broker', 'order'),
            send('UNLOCK', 'order', 'coupon'),
            send('DELAY_CANCEL', 'order', 'broker'),
          ],
        },
      ],
    },
    {
      id: 'sendfirst',
      title: 'tour.didi-coupon.sendfirst',
      steps: [
        {
          scenario: 's-didi-3-send-first',
          at: { on: { kind: 'crash', node: 'order' } },
          caption: 'tour.didi-coupon.sendfirst.1',
          nodes: ['order', 'broker', 'coupon'],
          messages: [send('DELAY_ADD', 'order', 'broker'), deliver('LOCKED', 'order')],
        },
        {
          scenario: 's-didi-3-send-first',
          at: onNote('coupon', 'didi.note.unlocked'),
          caption: 'tour.didi-coupon.sendfirst.2',
          nodes: ['broker', 'order', 'coupon'],
          messages: [send('TX_MONITOR', 'broker', 'order'), send('UNLOCK', 'order', 'coupon')],
        },
        {
          scenario: 's-didi-3-send-not-first',
          at: { on: { kind: 'recover', node: 'order' } },
          caption: 'tour.didi-coupon.sendfirst.3',
          nodes: ['order', 'coupon'],
          messages: [send('LOCK', 'order', 'coupon')],
        },
      ],
    },
    {
      id: 'delay',
      title: 'tour.didi-coupon.delay',
      steps: [
        {
          scenario: 's-didi-5-short-delay',
          at: onNote('coupon', 'didi.note.unlocked'),
          caption: 'tour.didi-coupon.delay.1',
          nodes: ['broker', 'order', 'coupon'],
          messages: [send('TX_MONITOR', 'broker', 'order'), send('UNLOCK', 'order', 'coupon')],
        },
        {
          scenario: 's-didi-5-short-delay',
          at: onNote('order', 'didi.note.saved'),
          caption: 'tour.didi-coupon.delay.2',
          nodes: ['order', 'coupon'],
        },
        {
          scenario: 's-didi-5-long-delay',
          at: onNote('order', 'didi.note.cancelled'),
          caption: 'tour.didi-coupon.delay.3',
          nodes: ['order', 'broker'],
          messages: [send('DELAY_CANCEL', 'order', 'broker')],
        },
      ],
    },
  ],
};
