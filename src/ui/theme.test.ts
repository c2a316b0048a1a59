/**
 * Issue 13 item 6: every message label keeps ≥ 4.5:1 contrast (WCAG AA for 14 px text) against what it is drawn
 * on — the sequence chart's white (labels with a white halo) and, for tokens, the token's own hue. The figures are
 * printed so a reviewer sees them.
 */
import { describe, expect, it } from 'vitest';
import { contrast, FUTURE_LABEL, MESSAGE_HUES, messageColor, messageLabelColor, textOn } from './theme';

const WHITE = '#ffffff';
// Every message type any pattern sends today, plus a few names to reach every hashed hue.
const TYPES = [
  'PREPARE',
  'VOTE',
  'VOTE_YES',
  'VOTE_NO',
  'COMMIT',
  'ABORT',
  'ACK',
  'COMMIT_REQ',
  'QUERY',
  'COOP_REQ',
  'COOP_STATE',
  'STATE_REQ',
  'STATE',
  'TRY',
  'CONFIRM',
  'CANCEL',
  'CONFIRM_OK',
  'ACTION',
  'COMPENSATE',
  'COMPENSATE_OK',
  'RESULT',
  'BEGIN',
  'PRECOMMIT',
  'DO_COMMIT',
  'TAKEOVER',
  'HEARTBEAT',
];

describe('message label contrast (WCAG AA, 14 px)', () => {
  it('the contrast formula matches known figures', () => {
    expect(contrast('#000000', WHITE)).toBeCloseTo(21, 5);
    expect(contrast('#E69F00', WHITE)).toBeCloseTo(2.25, 1);
    expect(contrast('#56B4E9', WHITE)).toBeCloseTo(2.31, 1);
    expect(contrast('#009E73', WHITE)).toBeCloseTo(3.42, 1);
  });

  it('every hue: its label on white and the text on its token reach 4.5:1', () => {
    const rows = MESSAGE_HUES.map((hue) => {
      const sample = TYPES.find((t) => messageColor(t) === hue);
      const label = sample ? messageLabelColor(sample) : hue;
      return {
        hue,
        lineOnWhite: +contrast(hue, WHITE).toFixed(2),
        label,
        labelOnWhite: +contrast(label, WHITE).toFixed(2),
        tokenText: textOn(hue),
        tokenTextOnHue: +contrast(textOn(hue), hue).toFixed(2),
      };
    });
    console.table(rows);
    for (const r of rows) {
      expect(r.labelOnWhite, `label of ${r.hue}`).toBeGreaterThanOrEqual(4.5);
      expect(r.tokenTextOnHue, `token text on ${r.hue}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('every message type a pattern sends has a readable label, and keeps its hue family', () => {
    for (const t of TYPES) {
      expect(contrast(messageLabelColor(t), WHITE), t).toBeGreaterThanOrEqual(4.5);
      expect(contrast(textOn(messageColor(t)), messageColor(t)), t).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(FUTURE_LABEL, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#b91c1c', WHITE), 'doomed token text').toBeGreaterThanOrEqual(4.5);
  });
});
