/**
 * The application (XA "AP"): it runs each transaction's SQL on every participant (XA START … XA END happens inside
 * the database driver), then asks the coordinator to commit — or to roll back when a branch failed or did not answer.
 * It also plays the third party of S-2PC-1, which wants the row a transaction holds locked.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, StepResult } from '../../engine/types';
import { splitName } from './participant';
import { COORD, num, omit, participantIds, type ADurable, type AState, type AVolatile } from './types';

type R = StepResult<ADurable, AVolatile>;

export function initClient(): AState {
  return { durable: { results: {} }, volatile: { txs: {}, third: {} } };
}

export const clientRole = role<ADurable, AVolatile>({
  init: initClient,
  step(s, input, ctx): R {
    const parts = participantIds(ctx);
    switch (input.kind) {
      case 'start':
      case 'recover':
        return same(s);
      case 'request': {
        const m = input.request;
        if (m.type === 'BEGIN') {
          const tx = String(m.tx);
          if (s.volatile.txs[tx] || s.durable.results[tx]) return same(s);
          const effects: Effect[] = parts.map((p) => ({
            kind: 'send',
            to: p,
            msg: { type: 'EXEC', tx, coord: COORD, ...(m.voteNo ? { voteNo: String(m.voteNo) } : {}) },
          }));
          effects.push({ kind: 'setTimer', name: 'exec:' + tx, after: num(ctx.params, 'voteTimeout') });
          effects.push({ kind: 'note', key: '2pc.note.begin', params: { tx } });
          return same(
            { ...s, volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: { ok: [], phase: 'exec' } } } },
            effects,
          );
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
        const t = s.volatile.txs[tx];
        if (kind !== 'exec' || !t || t.phase !== 'exec') return same(s);
        return same(
          { ...s, volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: { ...t, phase: 'rollback' } } } },
          [{ kind: 'send', to: COORD, msg: { type: 'ROLLBACK_REQ', tx, parts } }],
        );
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        const t = s.volatile.txs[tx];
        if (m.type === 'EXEC_OK' && t && t.phase === 'exec' && !t.ok.includes(input.from)) {
          const ok = [...t.ok, input.from];
          const all = parts.every((p) => ok.includes(p));
          const next: AState = {
            ...s,
            volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: { ok, phase: all ? 'commit' : 'exec' } } },
          };
          return same(
            next,
            all
              ? [
                  { kind: 'cancelTimer', name: 'exec:' + tx },
                  { kind: 'send', to: COORD, msg: { type: 'COMMIT_REQ', tx, parts } },
                ]
              : [],
          );
        }
        if (m.type === 'EXEC_FAIL' && t && t.phase === 'exec') {
          return same(
            { ...s, volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: { ...t, phase: 'rollback' } } } },
            [
              { kind: 'cancelTimer', name: 'exec:' + tx },
              { kind: 'send', to: COORD, msg: { type: 'ROLLBACK_REQ', tx, parts } },
            ],
          );
        }
        if (m.type === 'OUTCOME' && !s.durable.results[tx]) {
          return same({
            durable: { results: { ...s.durable.results, [tx]: m.committed ? 'committed' : 'aborted' } },
            volatile: { ...s.volatile, txs: t ? { ...s.volatile.txs, [tx]: { ...t, phase: 'done' } } : s.volatile.txs },
          });
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
