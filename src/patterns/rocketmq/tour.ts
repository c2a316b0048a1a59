/** The RocketMQ transactional message guided tour (src/engine/tour.ts); captions in strings.{en,zh}.ts (the end). */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });
const deliver = (type: string, node: string) => ({ on: { kind: 'deliver' as const, node, type } });
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

export const tour: TourDef = {
  chapters: [
    {
      id: 'half',
      title: 'tour.rocketmq.half',
      steps: [
        {
          scenario: 's-rmq-happy',
          at: onNote('broker', 'rocketmq.note.broker.halfStored'),
          caption: 'tour.rocketmq.half.1',
          nodes: ['producer', 'broker'],
          messages: [send('SEND_HALF', 'producer', 'broker')],
        },
        {
          scenario: 's-rmq-happy',
          at: onNote('producer', 'rocketmq.note.localStart'),
          caption: 'tour.rocketmq.half.2',
          nodes: ['producer'],
          messages: [send('HALF_OK', 'broker', 'producer')],
        },
        {
          scenario: 's-rmq-happy',
          at: onNote('consumer', 'rocketmq.note.applied'),
          caption: 'tour.rocketmq.half.3',
          nodes: ['broker', 'consumer'],
          messages: [send('END_TX', 'producer', 'broker'), send('RECORDS', 'broker', 'consumer')],
        },
        {
          scenario: 's-rmq-rollback',
          at: onNote('broker', 'rocketmq.note.broker.rolledBack'),
          caption: 'tour.rocketmq.half.4',
          nodes: ['producer', 'broker', 'consumer'],
          messages: [send('END_TX', 'producer', 'broker')],
        },
      ],
    },
    {
      id: 'checkback',
      title: 'tour.rocketmq.checkback',
      steps: [
        {
          scenario: 's-rmq-commit-lost',
          at: onNote('producer', 'rocketmq.note.localCommit'),
          caption: 'tour.rocketmq.checkback.1',
          nodes: ['producer', 'broker'],
          messages: [send('END_TX', 'producer', 'broker')],
        },
        {
          scenario: 's-rmq-commit-lost',
          at: onNote('broker', 'rocketmq.note.broker.check'),
          caption: 'tour.rocketmq.checkback.2',
          nodes: ['broker'],
          messages: [send('CHECK_TX', 'broker', 'producer')],
        },
        {
          scenario: 's-rmq-commit-lost',
          at: onNote('consumer', 'rocketmq.note.applied'),
          caption: 'tour.rocketmq.checkback.3',
          nodes: ['producer', 'broker', 'consumer'],
          messages: [send('END_TX', 'producer', 'broker'), send('RECORDS', 'broker', 'consumer')],
        },
        {
          scenario: 's-rmq-producer-crash',
          at: onNote('broker', 'rocketmq.note.broker.rolledBack'),
          caption: 'tour.rocketmq.checkback.4',
          nodes: ['producer', 'broker'],
          messages: [send('CHECK_TX', 'broker', 'producer'), send('END_TX', 'producer', 'broker')],
        },
      ],
    },
    {
      id: 'unknow',
      title: 'tour.rocketmq.unknow',
      steps: [
        {
          scenario: 's-rmq-unknow',
          at: onNote('broker', 'rocketmq.note.broker.unknown'),
          caption: 'tour.rocketmq.unknow.1',
          nodes: ['producer', 'broker'],
          messages: [send('END_TX', 'producer', 'broker')],
        },
        {
          scenario: 's-rmq-slow-local',
          at: onNote('producer', 'rocketmq.note.checked'),
          caption: 'tour.rocketmq.unknow.2',
          nodes: ['producer'],
          messages: [deliver('CHECK_TX', 'producer'), send('END_TX', 'producer', 'broker')],
        },
        {
          scenario: 's-rmq-slow-local',
          at: onNote('broker', 'rocketmq.note.broker.committed'),
          caption: 'tour.rocketmq.unknow.3',
          nodes: ['producer', 'broker'],
          messages: [send('CHECK_TX', 'broker', 'producer'), send('END_TX', 'producer', 'broker')],
        },
        {
          scenario: 's-rmq-check-max',
          at: onNote('broker', 'rocketmq.note.broker.discarded'),
          caption: 'tour.rocketmq.unknow.4',
          nodes: ['producer', 'broker', 'consumer'],
        },
      ],
    },
    {
      id: 'retry',
      title: 'tour.rocketmq.retry',
      steps: [
        {
          scenario: 's-rmq-consumer-retry',
          at: onNote('broker', 'rocketmq.note.broker.sentBack'),
          caption: 'tour.rocketmq.retry.1',
          nodes: ['consumer', 'broker'],
          messages: [send('SEND_BACK', 'consumer', 'broker')],
        },
        {
          scenario: 's-rmq-consumer-retry',
          at: onNote('consumer', 'rocketmq.note.applied'),
          caption: 'tour.rocketmq.retry.2',
          nodes: ['consumer'],
          messages: [send('RECORDS', 'broker', 'consumer')],
        },
        {
          scenario: 's-rmq-dlq',
          at: onNote('broker', 'rocketmq.note.broker.deadLettered'),
          caption: 'tour.rocketmq.retry.3',
          nodes: ['broker', 'consumer'],
          messages: [send('SEND_BACK', 'consumer', 'broker')],
        },
      ],
    },
    {
      id: 'duplicate',
      title: 'tour.rocketmq.duplicate',
      steps: [
        {
          scenario: 's-rmq-duplicate',
          at: { on: { kind: 'crash', node: 'consumer' } },
          caption: 'tour.rocketmq.duplicate.1',
          nodes: ['consumer'],
          messages: [send('RECORDS', 'broker', 'consumer')],
        },
        {
          scenario: 's-rmq-duplicate',
          at: onNote('consumer', 'rocketmq.note.duplicate'),
          caption: 'tour.rocketmq.duplicate.2',
          nodes: ['broker', 'consumer'],
          messages: [send('RECORDS', 'broker', 'consumer')],
        },
        {
          scenario: 's-rmq-duplicate-no-idempotency',
          at: onNote('consumer', 'rocketmq.note.appliedAgain'),
          caption: 'tour.rocketmq.duplicate.3',
          nodes: ['consumer'],
          messages: [send('RECORDS', 'broker', 'consumer')],
        },
      ],
    },
  ],
};
