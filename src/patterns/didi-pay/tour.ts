/** The Didi payment fan-out guided tour (src/engine/tour.ts); captions at the end of strings.{en,zh}.ts. */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

const CONSUMERS = ['stock', 'orders', 'ledger', 'procure'];
const fanOut = CONSUMERS.map((c) => send('RECORDS', 'broker', c));

export const tour: TourDef = {
  chapters: [
    {
      id: 'fanout',
      title: 'tour.didi-pay.fanout',
      steps: [
        {
          scenario: 's-didi-2-happy',
          at: onNote('pay', 'didipay.note.acked'),
          caption: 'tour.didi-pay.fanout.1',
          nodes: ['pay', 'broker'],
          messages: [send('PRODUCE', 'pay', 'broker'), send('PRODUCE_ACK', 'broker', 'pay'), ...fanOut],
        },
        {
          scenario: 's-didi-2-happy',
          at: onNote('ledger', 'didipay.note.applied.ledger'),
          caption: 'tour.didi-pay.fanout.2',
          nodes: CONSUMERS,
        },
      ],
    },
    {
      id: 'retry',
      title: 'tour.didi-pay.retry',
      steps: [
        {
          scenario: 's-didi-2-ledger-retry',
          at: onNote('ledger', 'didipay.note.failed'),
          caption: 'tour.didi-pay.retry.1',
          nodes: ['ledger'],
          messages: [send('RECORDS', 'broker', 'ledger')],
        },
        {
          scenario: 's-didi-2-ledger-retry',
          at: onNote('ledger', 'didipay.note.applied.ledger'),
          caption: 'tour.didi-pay.retry.2',
          nodes: ['ledger'],
        },
        {
          scenario: 's-didi-2-no-retry',
          at: onNote('ledger', 'didipay.note.dropped'),
          caption: 'tour.didi-pay.retry.3',
          nodes: ['orders', 'ledger'],
          messages: [send('RECORDS', 'broker', 'ledger')],
        },
      ],
    },
    {
      id: 'oversold',
      title: 'tour.didi-pay.oversold',
      steps: [
        {
          scenario: 's-didi-2-oversold',
          at: onNote('stock', 'didipay.note.applied.stock'),
          caption: 'tour.didi-pay.oversold.1',
          nodes: ['stock'],
        },
        {
          scenario: 's-didi-2-oversold',
          at: send('REFUND', 'stock', 'pay'),
          caption: 'tour.didi-pay.oversold.2',
          nodes: ['stock', 'pay'],
          messages: [send('RECORDS', 'broker', 'stock'), send('REFUND', 'stock', 'pay')],
        },
        {
          scenario: 's-didi-2-oversold',
          at: onNote('stock', 'didipay.note.refundDone'),
          caption: 'tour.didi-pay.oversold.3',
          nodes: ['pay', 'stock'],
          messages: [send('REFUND', 'stock', 'pay'), send('REFUNDED', 'pay', 'stock')],
        },
        {
          scenario: 's-didi-2-oversold',
          at: onNote('stock', 'didipay.note.reverseDone'),
          caption: 'tour.didi-pay.oversold.4',
          nodes: ['stock', 'ledger'],
          messages: [send('REVERSE', 'stock', 'ledger'), send('REVERSED', 'ledger', 'stock')],
        },
      ],
    },
    {
      id: 'duplicate',
      title: 'tour.didi-pay.duplicate',
      steps: [
        {
          scenario: 's-didi-4-idempotent',
          at: onNote('broker', 'didipay.note.broker.appended', 2),
          caption: 'tour.didi-pay.duplicate.1',
          nodes: ['pay', 'broker'],
          messages: [{ ...send('PRODUCE_ACK', 'broker', 'pay'), nth: 1 }, send('PRODUCE', 'pay', 'broker')],
        },
        {
          scenario: 's-didi-4-idempotent',
          at: onNote('procure', 'didipay.note.duplicate'),
          caption: 'tour.didi-pay.duplicate.2',
          nodes: CONSUMERS,
        },
        {
          scenario: 's-didi-4-not-idempotent',
          at: onNote('procure', 'didipay.note.appliedAgain'),
          caption: 'tour.didi-pay.duplicate.3',
          nodes: CONSUMERS,
        },
      ],
    },
  ],
};
