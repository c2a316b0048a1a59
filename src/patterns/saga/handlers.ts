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
  {
    id: 'choreography.publish',
    role: 'payerEvents',
    runsOn: ['BEGIN', 'ACTION', 'COMPENSATE', 'ACK', 'relay'],
    code: [
      '// choreography only: every service publishes the next event itself',
      'func OnEvent(ev) {',
      '  tx := db.Begin()',
      '  ok := barrier.Call(tx, step(ev))            // TransOut / TransOutCompensate',
      '  INSERT INTO outbox(eid, to, event) VALUES (next(ev, ok))',
      '  tx.Commit(); ack(ev)',
      '}',
      'every interval: publish unacked outbox rows  // at-least-once',
    ],
  },
];
