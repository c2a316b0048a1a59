/** The local message table (outbox) guided tour (src/engine/tour.ts); captions in strings.{en,zh}.ts. */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

export const tour: TourDef = {
  chapters: [
    {
      id: 'flow',
      title: 'tour.outbox.flow',
      steps: [
        {
          scenario: 's-outbox-happy',
          at: onNote('order', 'outbox.note.placed'),
          caption: 'tour.outbox.flow.1',
          nodes: ['order'],
        },
        {
          scenario: 's-outbox-happy',
          at: onNote('relay', 'outbox.note.publish'),
          caption: 'tour.outbox.flow.2',
          nodes: ['relay', 'order'],
          messages: [send('ROWS', 'order', 'relay'), send('PRODUCE', 'relay', 'broker')],
        },
        {
          scenario: 's-outbox-happy',
          at: onNote('consumer', 'outbox.note.applied'),
          caption: 'tour.outbox.flow.3',
          nodes: ['broker', 'consumer'],
          messages: [send('RECORDS', 'broker', 'consumer')],
        },
        {
          scenario: 's-outbox-happy',
          at: onNote('order', 'outbox.note.marked'),
          caption: 'tour.outbox.flow.4',
          nodes: ['relay', 'order'],
          messages: [send('MARK', 'relay', 'order')],
        },
      ],
    },
    {
      id: 'redeliver',
      title: 'tour.outbox.redeliver',
      steps: [
        {
          scenario: 's-outbox-relay-crash',
          at: { on: { kind: 'crash', node: 'relay' } },
          caption: 'tour.outbox.redeliver.1',
          nodes: ['relay', 'broker'],
          messages: [send('PRODUCE_ACK', 'broker', 'relay')],
        },
        {
          scenario: 's-outbox-relay-crash',
          at: onNote('relay', 'outbox.note.publish', 2),
          caption: 'tour.outbox.redeliver.2',
          nodes: ['relay'],
          messages: [send('PRODUCE', 'relay', 'broker')],
        },
        {
          scenario: 's-outbox-relay-crash',
          at: onNote('consumer', 'outbox.note.duplicate'),
          caption: 'tour.outbox.redeliver.3',
          nodes: ['consumer'],
        },
        {
          scenario: 's-outbox-relay-crash-no-dedup',
          at: onNote('consumer', 'outbox.note.appliedAgain'),
          caption: 'tour.outbox.redeliver.4',
          nodes: ['consumer'],
        },
      ],
    },
    {
      id: 'brokerdown',
      title: 'tour.outbox.brokerdown',
      steps: [
        {
          scenario: 's-outbox-broker-down',
          at: onNote('relay', 'outbox.note.retry', 2),
          caption: 'tour.outbox.brokerdown.1',
          nodes: ['broker', 'relay', 'order'],
          messages: [{ on: { kind: 'drop', node: 'broker', type: 'PRODUCE' } }],
        },
      ],
    },
  ],
};
