/**
 * The code a business team writes for TCC (the "code burden" panel): three handlers per account service, each
 * wrapped in the barrier (dtm: `bb.CallWithDB(db, func(tx) {...})`; Seata: `@TwoPhaseBusinessAction(useTCCFence =
 * true)`). Pseudo-code, not translated.
 */
import type { HandlerDef } from '../../engine/pattern';

export const tccHandlers: HandlerDef[] = [
  {
    id: 'bob.try',
    role: 'payer',
    runsOn: ['TRY'],
    code: [
      'func TransOutTry(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {',
      '    if available(bob) < amount { return FAILURE }',
      '    UPDATE account SET available = available - amount WHERE user = bob',
      '    INSERT INTO freeze(gid, user, amount) VALUES (gid, bob, amount)',
      '  })',
      '}',
    ],
  },
  {
    id: 'bob.confirm',
    role: 'payer',
    runsOn: ['CONFIRM'],
    code: [
      'func TransOutConfirm(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {',
      '    DELETE FROM freeze WHERE gid = gid AND user = bob   // the money leaves',
      '  })',
      '}',
    ],
  },
  {
    id: 'bob.cancel',
    role: 'payer',
    runsOn: ['CANCEL'],
    code: [
      'func TransOutCancel(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {   // skips an empty rollback and duplicates',
      '    UPDATE account SET available = available + amount WHERE user = bob',
      '    DELETE FROM freeze WHERE gid = gid AND user = bob',
      '  })',
      '}',
    ],
  },
  {
    id: 'smith.try',
    role: 'payee',
    runsOn: ['TRY'],
    code: [
      'func TransInTry(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {   // refuses a Try that arrives after Cancel',
      '    INSERT INTO pending_credit(gid, user, amount) VALUES (gid, smith, amount)',
      '  })',
      '}',
    ],
  },
  {
    id: 'smith.confirm',
    role: 'payee',
    runsOn: ['CONFIRM'],
    code: [
      'func TransInConfirm(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {   // a duplicate Confirm is skipped',
      '    UPDATE account SET available = available + amount WHERE user = smith',
      '    DELETE FROM pending_credit WHERE gid = gid AND user = smith',
      '  })',
      '}',
    ],
  },
  {
    id: 'smith.cancel',
    role: 'payee',
    runsOn: ['CANCEL'],
    code: [
      'func TransInCancel(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {',
      '    DELETE FROM pending_credit WHERE gid = gid AND user = smith',
      '  })',
      '}',
    ],
  },
  {
    id: 'barrier',
    role: 'payer',
    runsOn: ['TRY', 'CONFIRM', 'CANCEL'],
    code: [
      '// framework code (dtm BranchBarrier.Call / Seata TCC fence), same local tx as the business',
      'func (b) Call(tx, busi) {',
      '  origin := {cancel: "try"}[b.op]',
      '  o := INSERT IGNORE barrier(gid, branch, origin, reason=b.op)',
      '  c := INSERT IGNORE barrier(gid, branch, b.op, reason=b.op)',
      '  if b.op == "cancel" && o == 1 { return OK }   // empty rollback',
      '  if c == 0 { return OK }                       // duplicate, or a Try after Cancel',
      '  return busi(tx)',
      '}',
    ],
  },
];
