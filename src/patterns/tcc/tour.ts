/** The TCC guided tour (src/engine/tour.ts); captions in strings.{en,zh}.ts (the block at the end). */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

export const tour: TourDef = {
  chapters: [
    {
      id: 'transfer',
      title: 'tour.tcc.transfer',
      steps: [
        {
          scenario: 's-tcc-1',
          at: send('TRY', 'TM', 'smith'),
          caption: 'tour.tcc.transfer.1',
          nodes: ['TM'],
          messages: [send('TRY', 'TM', 'bob'), send('TRY', 'TM', 'smith')],
        },
        {
          scenario: 's-tcc-1',
          at: onNote('TM', 'tcc.note.decideConfirm'),
          caption: 'tour.tcc.transfer.2',
          nodes: ['TM', 'bob', 'smith'],
          messages: [send('TRY_OK', 'bob', 'TM'), send('TRY_OK', 'smith', 'TM')],
        },
        {
          scenario: 's-tcc-1',
          at: onNote('TM', 'tcc.note.finished.confirmed'),
          caption: 'tour.tcc.transfer.3',
          nodes: ['bob', 'smith'],
          messages: [send('CONFIRM_OK', 'bob', 'TM'), send('CONFIRM_OK', 'smith', 'TM')],
        },
      ],
    },
    {
      id: 'empty',
      title: 'tour.tcc.empty',
      steps: [
        {
          scenario: 'tcc-empty-rollback',
          at: send('TRY', 'TM', 'bob'),
          caption: 'tour.tcc.empty.1',
          nodes: ['bob'],
          messages: [send('TRY', 'TM', 'bob')],
        },
        {
          scenario: 'tcc-empty-rollback',
          at: onNote('bob', 'tcc.note.emptyApplied'),
          caption: 'tour.tcc.empty.2',
          nodes: ['bob'],
          messages: [{ on: { kind: 'deliver', node: 'bob', type: 'CANCEL' } }],
        },
      ],
    },
    {
      id: 'hanging',
      title: 'tour.tcc.hanging',
      steps: [
        {
          scenario: 'tcc-hanging',
          at: onNote('smith', 'tcc.note.emptyApplied'),
          caption: 'tour.tcc.hanging.1',
          nodes: ['smith'],
          messages: [send('TRY', 'TM', 'smith'), { on: { kind: 'deliver', node: 'smith', type: 'CANCEL' } }],
        },
        {
          scenario: 'tcc-hanging',
          at: onNote('smith', 'tcc.note.hangingApplied'),
          caption: 'tour.tcc.hanging.2',
          nodes: ['smith'],
          messages: [{ on: { kind: 'deliver', node: 'smith', type: 'TRY' } }],
        },
      ],
    },
    {
      id: 'idempotent',
      title: 'tour.tcc.idempotent',
      steps: [
        {
          scenario: 'tcc-idempotency',
          at: onNote('smith', 'tcc.note.duplicateApplied'),
          caption: 'tour.tcc.idempotent.1',
          nodes: ['smith'],
          messages: [send('CONFIRM', 'TM', 'smith')],
        },
        {
          scenario: 'tcc-idempotency',
          at: onNote('bob', 'tcc.note.duplicateApplied'),
          caption: 'tour.tcc.idempotent.2',
          nodes: ['TM', 'bob'],
          messages: [send('CONFIRM', 'TM', 'bob')],
        },
      ],
    },
    {
      id: 'crash',
      title: 'tour.tcc.crash',
      steps: [
        {
          scenario: 'tcc-tm-crash',
          at: { on: { kind: 'crash', node: 'TM' } },
          caption: 'tour.tcc.crash.1',
          nodes: ['TM', 'bob'],
          messages: [send('CONFIRM', 'TM', 'bob')],
        },
        {
          scenario: 'tcc-tm-crash',
          at: onNote('bob', 'tcc.note.barrier.duplicate'),
          caption: 'tour.tcc.crash.2',
          nodes: ['TM', 'bob'],
          messages: [{ on: { kind: 'deliver', node: 'bob', type: 'CONFIRM' } }],
        },
      ],
    },
  ],
};
