/** The 2PC / 3PC guided tour (src/engine/tour.ts): one chapter per seed claim, captions in strings.{en,zh}.ts. */
import type { TourDef } from '../../engine/tour';

const P = ['P1', 'P2', 'P3'];
const sendTo = (type: string, from: string, to: string) => ({ on: { kind: 'send' as const, node: from, type, to } });

export const tour: TourDef = {
  chapters: [
    {
      id: 'happy',
      title: 'tour.2pc.happy',
      steps: [
        {
          scenario: 's-2pc-happy',
          at: sendTo('PREPARE', 'C', 'P3'),
          caption: 'tour.2pc.happy.1',
          nodes: ['C'],
          messages: P.map((p) => sendTo('PREPARE', 'C', p)),
        },
        {
          scenario: 's-2pc-happy',
          at: { on: { kind: 'note', node: 'P1', type: '2pc.note.voteYes' } },
          caption: 'tour.2pc.happy.2',
          nodes: P,
          messages: P.map((p) => sendTo('VOTE', p, 'C')),
        },
        {
          scenario: 's-2pc-happy',
          at: sendTo('COMMIT', 'C', 'P3'),
          caption: 'tour.2pc.happy.3',
          nodes: ['C'],
          messages: P.map((p) => sendTo('COMMIT', 'C', p)),
        },
        {
          scenario: 's-2pc-happy',
          at: { on: { kind: 'note', node: 'C', type: '2pc.note.allAcked' } },
          caption: 'tour.2pc.happy.4',
          nodes: ['C', ...P],
        },
      ],
    },
    {
      id: 'blocking',
      title: 'tour.2pc.blocking',
      steps: [
        {
          scenario: 's-2pc-1',
          at: { on: { kind: 'note', node: 'P1', type: '2pc.note.thirdPartyWaits' } },
          caption: 'tour.2pc.blocking.1',
          nodes: ['P1', 'app'],
          messages: [{ on: { kind: 'deliver', node: 'P1', type: 'LOCK' } }],
        },
        {
          scenario: 's-2pc-1',
          at: { on: { kind: 'note', node: 'P1', type: '2pc.note.thirdPartyGranted' } },
          caption: 'tour.2pc.blocking.2',
          nodes: ['P1'],
          messages: [{ on: { kind: 'deliver', node: 'P1', type: 'COMMIT' } }],
        },
      ],
    },
    {
      id: 'spof',
      title: 'tour.2pc.spof',
      steps: [
        {
          scenario: 's-2pc-2',
          at: { on: { kind: 'crash', node: 'C' } },
          caption: 'tour.2pc.spof.1',
          nodes: ['C', ...P],
          messages: P.map((p) => sendTo('VOTE', p, 'C')),
        },
        {
          scenario: 's-2pc-2',
          at: { on: { kind: 'note', node: 'P2', type: '2pc.note.inDoubt' } },
          caption: 'tour.2pc.spof.2',
          nodes: ['P2'],
        },
        {
          scenario: 's-2pc-2',
          at: { on: { kind: 'note', node: 'C2', type: '2pc.note.c2CannotDecide' } },
          caption: 'tour.2pc.spof.3',
          nodes: ['C2', ...P],
          messages: P.map((p) => sendTo('STATE', p, 'C2')),
        },
      ],
    },
    {
      id: 'inconsistent',
      title: 'tour.2pc.inconsistent',
      steps: [
        {
          scenario: 's-2pc-3',
          at: { on: { kind: 'crash', node: 'C' } },
          caption: 'tour.2pc.inconsistent.1',
          nodes: ['C', 'P1'],
          messages: [sendTo('COMMIT', 'C', 'P1')],
        },
        {
          scenario: 's-2pc-3',
          at: { on: { kind: 'note', node: 'P1', type: '2pc.note.commit' } },
          caption: 'tour.2pc.inconsistent.2',
          nodes: P,
          messages: [{ on: { kind: 'deliver', node: 'P1', type: 'COMMIT' } }],
        },
        {
          scenario: 's-2pc-3',
          at: sendTo('COMMIT', 'C', 'P3'),
          caption: 'tour.2pc.inconsistent.3',
          nodes: ['C'],
          messages: [sendTo('COMMIT', 'C', 'P2'), sendTo('COMMIT', 'C', 'P3')],
        },
      ],
    },
    {
      id: 'unknowable',
      title: 'tour.2pc.unknowable',
      steps: [
        {
          scenario: 's-2pc-4',
          at: { on: { kind: 'crash', node: 'P1' } },
          caption: 'tour.2pc.unknowable.1',
          nodes: ['C', 'P1'],
          messages: [sendTo('COMMIT', 'C', 'P1')],
        },
        {
          scenario: 's-2pc-4',
          at: { on: { kind: 'note', node: 'C2', type: '2pc.note.c2CannotDecide' } },
          caption: 'tour.2pc.unknowable.2',
          nodes: ['C2', 'P2', 'P3'],
        },
      ],
    },
    {
      id: '3pc',
      title: 'tour.2pc.3pc',
      steps: [
        {
          scenario: 's-3pc-coordinator-crash',
          at: { on: { kind: 'note', node: 'P2', type: '2pc.note.timeoutAbort3pc' } },
          caption: 'tour.2pc.3pc.1',
          nodes: ['C', 'P2'],
        },
        {
          scenario: 's-3pc-partition',
          at: { on: { kind: 'note', node: 'P1', type: '2pc.note.timeoutCommit3pc' } },
          caption: 'tour.2pc.3pc.2',
          nodes: ['P1', 'P2', 'P3'],
        },
      ],
    },
  ],
};
