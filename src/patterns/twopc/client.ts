/**
 * The application (XA "AP"): it runs each transaction's SQL on every participant (XA START … XA END happens inside
 * the database driver), then asks the coordinator to commit — or to roll back when a branch failed or did not answer.
 * It also plays the third party of S-2PC-1, which wants the row a transaction holds locked.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Msg, StepContext, StepResult } from '../../engine/types';
import { splitName } from './participant';
import { AT, COORD, num, omit, participantIds, type ADurable, type AState, type ATx, type AVolatile } from './types';

type R = StepResult<ADurable, AVolatile>;

export function initClient(): AState {
  return { durable: {}, volatile: { third: {} } };
}

/** A transaction's row with a new phase (and ok list), as one object literal (no spread: see participant.ts). */
const txRow = (t: ATx, phase: ATx['phase'], ok = t.ok): ATx & Record<string, unknown> => ({
  ok,
  phase,
  start: t.start,
});

const txOf = (ctx: StepContext, tx: string) => ctx.db.get<ATx & Record<string, unknown>>(AT.txs, tx);

export const clientRole = role<ADurable, AVolatile>({
  init: initClient,
  tables: {
    [AT.results]: {
      durable: true,
      view: {
        title: '2pc.table.results',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'r', label: '2pc.col.outcome', valueKey: '2pc.status' },
          { field: 'start', label: '2pc.col.start' },
          { field: 'at', label: '2pc.col.end' },
        ],
        tone: (row) => (row.r === 'committed' ? 'committed' : 'aborted'),
      },
    },
    [AT.txs]: { durable: false },
  },
  step(s, input, ctx): R {
    const parts = participantIds(ctx);
    const db = ctx.db;
    switch (input.kind) {
      case 'start':
      case 'recover':
        return same(s);
      case 'request': {
        const m = input.request;
        if (m.type === 'BEGIN') {
          const tx = String(m.tx);
          if (db.has(AT.txs, tx) || db.has(AT.results, tx)) return same(s);
          const effects: Effect[] = [];
          for (const p of parts) {
            const msg: Msg = { type: 'EXEC', tx, coord: COORD };
            if (m.voteNo) msg.voteNo = String(m.voteNo);
            effects.push({ kind: 'send', to: p, msg });
          }
          effects.push({ kind: 'setTimer', name: 'exec:' + tx, after: num(ctx.params, 'voteTimeout') });
          effects.push({ kind: 'note', key: '2pc.note.begin', params: { tx } });
          db.put(AT.txs, tx, { ok: [], phase: 'exec', start: ctx.now });
          return same(s, effects);
        }
        if (m.type === 'THIRD_PARTY') {
          const node = String(m.node ?? parts[0]);
          return same({ ...s, volatile: { ...s.volatile, third: { ...s.volatile.third, [node]: ctx.now } } }, [
            { kind: 'send', to: node, msg: { type: 'LOCK', row: 'x' } },
            { kind: 'note', key: '2pc.note.thirdPartyAsks', params: { p: node } },
          ]);
        }
        return same(s);
      }
      case 'timer': {
        const [kind, tx] = splitName(input.name);
        const t = txOf(ctx, tx);
        if (kind !== 'exec' || !t || t.phase !== 'exec') return same(s);
        db.put(AT.txs, tx, txRow(t, 'rollback'));
        return same(s, [{ kind: 'send', to: COORD, msg: { type: 'ROLLBACK_REQ', tx, parts } }]);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        const t = txOf(ctx, tx);
        if (m.type === 'EXEC_OK' && t && t.phase === 'exec' && !t.ok.includes(input.from)) {
          const ok = [...t.ok, input.from];
          let all = true;
          for (const p of parts) if (!ok.includes(p)) all = false;
          db.put(AT.txs, tx, txRow(t, all ? 'commit' : 'exec', ok));
          return same(
            s,
            all
              ? [
                  { kind: 'cancelTimer', name: 'exec:' + tx },
                  { kind: 'send', to: COORD, msg: { type: 'COMMIT_REQ', tx, parts } },
                ]
              : [],
          );
        }
        if (m.type === 'EXEC_FAIL' && t && t.phase === 'exec') {
          db.put(AT.txs, tx, txRow(t, 'rollback'));
          return same(s, [
            { kind: 'cancelTimer', name: 'exec:' + tx },
            { kind: 'send', to: COORD, msg: { type: 'ROLLBACK_REQ', tx, parts } },
          ]);
        }
        if (m.type === 'OUTCOME' && !db.has(AT.results, tx)) {
          db.put(AT.results, tx, { r: m.committed ? 'committed' : 'aborted', at: ctx.now, start: t?.start ?? null });
          if (t) db.put(AT.txs, tx, txRow(t, 'done'));
          return same(s);
        }
        if (m.type === 'LOCKED') {
          return same({ ...s, volatile: { ...s.volatile, third: omit(s.volatile.third, input.from) } }, [
            {
              kind: 'note',
              key: '2pc.note.thirdPartyDone',
              params: { p: input.from, waited: Math.round(Number(m.waited ?? 0)) },
            },
          ]);
        }
        return same(s);
      }
    }
  },
});
