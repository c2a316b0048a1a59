/**
 * The code burden of 2PC/XA: business code only runs SQL inside a global transaction; the XA protocol verbs
 * (XA START / END / PREPARE / COMMIT / ROLLBACK) are issued by the transaction manager and executed by the database.
 */
import type { HandlerDef } from '../../engine/pattern';

export const handlers: HandlerDef[] = [
  {
    id: 'business',
    role: 'client',
    code: [
      '@GlobalTransactional            // or UserTransaction.begin()',
      'void transfer() {',
      '  db1.update("UPDATE t SET x = x + 1");   // XA START xid; …; XA END xid',
      '  db2.update("UPDATE t SET x = x + 1");',
      '  db3.update("UPDATE t SET x = x + 1");',
      '}                               // commit → the TM runs 2PC',
    ],
    runsOn: ['BEGIN', 'EXEC_OK', 'EXEC_FAIL'],
  },
  {
    id: 'xa-prepare',
    role: 'participant',
    code: [
      '-- done by the database (resource manager), not by business code',
      'XA PREPARE xid;   -- force-write, keep locks',
    ],
    runsOn: ['PREPARE', 'CANCOMMIT', 'PRECOMMIT'],
  },
  {
    id: 'xa-commit',
    role: 'participant',
    code: ['XA COMMIT xid;    -- apply, release locks', '-- or', 'XA ROLLBACK xid;  -- undo, release locks'],
    runsOn: ['COMMIT', 'DOCOMMIT', 'ABORT'],
  },
  {
    id: 'xa-recover',
    role: 'coordinator',
    code: [
      '-- transaction manager recovery, after a restart',
      'XA RECOVER;       -- in-doubt xids',
      'for xid: commit if logged COMMIT, else rollback (presumed abort)',
    ],
    runsOn: ['QUERY'],
  },
];
