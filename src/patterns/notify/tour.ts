/** The best-effort notification guided tour (src/engine/tour.ts); captions in strings.{en,zh}.ts. */
import type { TourDef } from '../../engine/tour';

const send = (type: string, from: string, to: string, nth?: number) => ({
  on: { kind: 'send' as const, node: from, type, to },
  nth,
});
const onNote = (node: string, type: string, nth?: number) => ({ on: { kind: 'note' as const, node, type }, nth });

export const tour: TourDef = {
  chapters: [
    {
      id: 'ladder',
      title: 'tour.notify.ladder',
      steps: [
        {
          scenario: 's-ben-1',
          at: onNote('platform', 'notify.note.paid'),
          caption: 'tour.notify.ladder.1',
          nodes: ['platform', 'merchant'],
          messages: [send('NOTIFY', 'platform', 'merchant')],
        },
        {
          scenario: 's-ben-1',
          at: onNote('platform', 'notify.note.attemptFailed', 4),
          caption: 'tour.notify.ladder.2',
          nodes: ['platform'],
          messages: [{ on: { kind: 'drop', node: 'merchant', type: 'NOTIFY' } }],
        },
        {
          scenario: 's-ben-1',
          at: onNote('platform', 'notify.note.delivered'),
          caption: 'tour.notify.ladder.3',
          nodes: ['platform', 'merchant'],
          messages: [send('NOTIFY', 'platform', 'merchant')],
        },
      ],
    },
    {
      id: 'giveup',
      title: 'tour.notify.giveup',
      steps: [
        {
          scenario: 's-ben-1-give-up',
          at: onNote('platform', 'notify.note.givenUp'),
          caption: 'tour.notify.giveup.1',
          nodes: ['platform', 'merchant'],
        },
      ],
    },
    {
      id: 'query',
      title: 'tour.notify.query',
      steps: [
        {
          scenario: 's-ben-2',
          at: send('QUERY', 'merchant', 'platform'),
          caption: 'tour.notify.query.1',
          nodes: ['merchant'],
          messages: [send('QUERY', 'merchant', 'platform')],
        },
        {
          scenario: 's-ben-2',
          at: onNote('merchant', 'notify.note.repaired'),
          caption: 'tour.notify.query.2',
          nodes: ['merchant', 'platform'],
          messages: [send('QUERY_RESULT', 'platform', 'merchant')],
        },
      ],
    },
    {
      id: 'duplicate',
      title: 'tour.notify.duplicate',
      steps: [
        {
          scenario: 'ben-duplicate',
          at: onNote('merchant', 'notify.note.duplicateIgnored'),
          caption: 'tour.notify.duplicate.1',
          nodes: ['merchant'],
          messages: [send('NOTIFY', 'platform', 'merchant', 1)],
        },
      ],
    },
  ],
};
