/** The code a business team writes for a Saga: an action and a compensation per step (pseudo-code, not translated). */
import type { HandlerDef } from '../../engine/pattern';

export const sagaHandlers: HandlerDef[] = [
  {
    id: 'saga.definition',
    role: 'client',
    runsOn: ['TRANSFER'],
    code: [
      'saga := dtmcli.NewSaga(dtm, gid).',
      '  Add(bob+"/TransOut", bob+"/TransOutCompensate", req).',
      '  Add(smith+"/TransIn", smith+"/TransInCompensate", req)',
      'saga.Submit()',
    ],
  },
  {
    id: 'bob.action',
    role: 'payer',
    runsOn: ['ACTION'],
    code: [
      'func TransOut(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {',
      '    if available(bob) < amount { return FAILURE }',
      '    UPDATE account SET available = available - amount WHERE user = bob',
      '  })',
      '}',
    ],
  },
  {
    id: 'bob.compensate',
    role: 'payer',
    runsOn: ['COMPENSATE'],
    code: [
      'func TransOutCompensate(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {   // skips empty and duplicate compensations',
      '    UPDATE account SET available = available + amount WHERE user = bob',
      '  })',
      '}',
    ],
  },
  {
    id: 'smith.action',
    role: 'payee',
    runsOn: ['ACTION'],
    code: [
      'func TransIn(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {',
      '    UPDATE account SET available = available + amount WHERE user = smith',
      '  })',
      '}',
    ],
  },
  {
    id: 'smith.compensate',
    role: 'payee',
    runsOn: ['COMPENSATE'],
    code: [
      'func TransInCompensate(gid, amount) {',
      '  return barrier.Call(tx, func(tx) {',
      '    UPDATE account SET available = available - amount WHERE user = smith',
      '  })',
      '}',
    ],
  },
];
