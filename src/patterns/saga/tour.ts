/** The Saga guided tour (src/engine/tour.ts); captions in strings.{en,zh}.ts (the block at the end). */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

export const tour: TourDef = {
  chapters: [
    {
      id: 'forward',
      title: 'tour.saga.forward',
      steps: [
        {
          scenario: 'saga-happy',
          at: onNote('bob', 'saga.note.applied.action'),
          caption: 'tour.saga.forward.1',
          nodes: ['bob'],
          messages: [send('ACTION', 'TM', 'bob')],
        },
        {
          scenario: 'saga-happy',
          at: onNote('TM', 'saga.note.finished.succeeded'),
          caption: 'tour.saga.forward.2',
          nodes: ['TM', 'smith'],
          messages: [send('ACTION', 'TM', 'smith')],
        },
      ],
    },
    {
      id: 'compensate',
      title: 'tour.saga.compensate',
      steps: [
        {
          scenario: 'saga-compensate',
          at: onNote('smith', 'saga.note.businessFail.rejected'),
          caption: 'tour.saga.compensate.1',
          nodes: ['smith'],
          messages: [send('ACTION', 'TM', 'smith')],
        },
        {
          scenario: 'saga-compensate',
          at: onNote('bob', 'saga.note.applied.compensate'),
          caption: 'tour.saga.compensate.2',
          nodes: ['TM', 'bob'],
          messages: [send('COMPENSATE', 'TM', 'bob')],
        },
      ],
    },
    {
      id: 'dirty',
      title: 'tour.saga.dirty',
      steps: [
        {
          scenario: 'saga-dirty-read',
          at: onNote('client', 'saga.note.read'),
          caption: 'tour.saga.dirty.1',
          nodes: ['client', 'smith'],
          messages: [send('READ_REPLY', 'smith', 'client')],
        },
        {
          scenario: 'saga-dirty-read',
          at: onNote('smith', 'saga.note.applied.compensate'),
          caption: 'tour.saga.dirty.2',
          nodes: ['smith'],
          messages: [send('COMPENSATE', 'TM', 'smith')],
        },
      ],
    },
    {
      id: 'idempotent',
      title: 'tour.saga.idempotent',
      steps: [
        {
          scenario: 'saga-idempotency',
          at: onNote('smith', 'saga.note.duplicateApplied'),
          caption: 'tour.saga.idempotent.1',
          nodes: ['smith'],
          messages: [send('ACTION', 'TM', 'smith')],
        },
      ],
    },
  ],
};
