/** How a node looks in the diagram and the inspector (tones from UI.md), derived from its state only. */
import type { NodeView, NodeViewRow, Tone } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState } from '../../engine/types';
import { gtxOf, phaseTone } from './coordinator';
import { lockHolder } from './participant';
import { AT, CT, PT, ST, type AState, type CTx, type PState, type PTxRec, type SState, type STx } from './types';

const S = (w: string) => '2pc.status.' + w;
const L = (w: string) => '2pc.row.' + w;

const toneOf: Record<string, Tone> = {
  working: 'working',
  prepared: 'prepared',
  precommitted: 'prepared',
  committed: 'committed',
  aborted: 'aborted',
  blocked: 'blocked',
  idle: 'idle',
};

/** The newest `n` keys of a table, oldest first, and how many more there are. */
function newest(db: DbReader, table: string, n: number): { keys: string[]; more: number } {
  const keys = db.newest(table, n).reverse();
  return { keys, more: Math.max(0, db.size(table) - keys.length) };
}

const moreRow = (more: number): NodeViewRow[] => (more > 0 ? [{ label: L('more'), value: `+${more}` }] : []);

function participantView(s: PState, db: DbReader): NodeView {
  const holder = lockHolder(s);
  let word = 'idle';
  const held = s.durable.held ? db.get<PTxRec & Record<string, unknown>>(PT.txs, s.durable.held) : undefined;
  if (db.size(PT.inDoubt)) word = 'blocked';
  else if (held) word = held.st;
  else if (s.volatile.worker) word = 'working';
  else if (s.durable.logN) {
    const last = db.get<{ rec: string }>(PT.log, String(s.durable.logN - 1));
    if (last) word = last.rec === 'COMMIT' ? 'committed' : last.rec === 'ROLLBACK' ? 'aborted' : 'idle';
  }
  // Oldest to newest; the diagram shows the last rows, so the row's data value (which differs between
  // participants in S-2PC-3) comes last, after the newest per-transaction records and the log.
  const durable: NodeViewRow[] = [];
  const txs = newest(db, PT.txs, 3);
  durable.push(...moreRow(txs.more));
  for (const tx of txs.keys) {
    const r = db.get<PTxRec & Record<string, unknown>>(PT.txs, tx) as PTxRec;
    const tone = db.has(PT.inDoubt, tx) ? 'blocked' : toneOf[r.st];
    durable.push({ label: tx, value: r.st, valueKey: S(r.st), tone });
  }
  const n = s.durable.logN;
  const log: string[] = [];
  for (let i = Math.max(0, n - 4); i < n; i++) {
    const l = db.get<{ tx: string; rec: string }>(PT.log, String(i));
    if (l) log.push(`${l.rec} ${l.tx}`);
  }
  if (log.length) durable.push({ label: L('log'), value: (n > 4 ? '… ' : '') + log.join(' · ') });
  durable.push({ label: L('data'), value: `x = ${s.durable.data.x}` });
  const volatile: NodeViewRow[] = [];
  for (const tx of db.newest(PT.work, 2).reverse()) {
    const w = db.get<{ done: boolean }>(PT.work, tx);
    volatile.push({
      label: tx,
      value: w?.done ? 'executed' : 'executing',
      valueKey: S(w?.done ? 'executed' : 'executing'),
      tone: 'working',
    });
  }
  const q = newest(db, PT.queue, 4);
  if (q.keys.length) {
    const names = q.keys.map((k) => {
      const w = db.get<{ kind: string; tx: string }>(PT.queue, k);
      return w?.kind === 'tx' ? w.tx : '3rd';
    });
    volatile.push({ label: L('waiting'), value: names.join(', ') + (q.more ? ` (+${q.more})` : '') });
  }
  const doubt = newest(db, PT.inDoubt, 3);
  if (doubt.keys.length)
    volatile.push({
      label: L('inDoubt'),
      value: doubt.keys.join(', ') + (doubt.more ? ` (+${doubt.more})` : ''),
      tone: 'blocked',
    });
  if (s.volatile.coord) volatile.push({ label: L('coordinator'), value: s.volatile.coord });
  void holder;
  return { tone: toneOf[word] ?? 'idle', statusKey: S(word), durable, volatile };
}

function coordinatorView(db: DbReader): NodeView {
  const recent = newest(db, CT.gtx, 3);
  const last = recent.keys.length ? gtxOf(db, recent.keys[recent.keys.length - 1]) : undefined;
  const phase = last ? last.phase : 'idle';
  const tone = phaseTone(phase);
  const logs = newest(db, CT.log, 3);
  const durable: NodeViewRow[] = [...moreRow(logs.more)];
  for (const tx of logs.keys) {
    const r = db.get<{ rec: string }>(CT.log, tx);
    if (r) durable.push({ label: L('log'), value: `${r.rec} ${tx}` });
  }
  if (!logs.keys.length) durable.push({ label: L('log'), value: '—' });
  const volatile: NodeViewRow[] = [...moreRow(recent.more)];
  for (const tx of recent.keys) {
    const t = gtxOf(db, tx) as CTx;
    volatile.push({ label: tx, value: t.phase, valueKey: S('c.' + t.phase), tone: phaseTone(t.phase) });
    const votes = Object.entries(t.votes).map(([p, y]) => `${p}${y ? '✓' : '✗'}`);
    if (votes.length) volatile.push({ label: L('votes'), value: votes.join(' ') });
    if (t.acks.length) volatile.push({ label: L('acks'), value: t.acks.join(' ') });
  }
  return { tone, statusKey: S('c.' + phase), durable, volatile };
}

function standbyView(s: SState, db: DbReader): NodeView {
  const learned = newest(db, ST.txs, 3);
  const txs = learned.keys.map((tx) => [tx, db.get<STx & Record<string, unknown>>(ST.txs, tx) as STx] as const);
  const stuck = txs.some(([, t]) => t.stuck && !t.decided);
  const word = s.volatile.active
    ? stuck
      ? 'c2.stuck'
      : 'c2.active'
    : s.volatile.watching
      ? 'c2.watching'
      : 'c2.standby';
  const dec = newest(db, ST.decisions, 3);
  const durable: NodeViewRow[] = [
    ...moreRow(dec.more),
    ...dec.keys.map((tx) => ({ label: tx, value: String(db.get<{ d: string }>(ST.decisions, tx)?.d) })),
  ];
  const volatile: NodeViewRow[] = [
    ...moreRow(learned.more),
    ...txs.map(([tx, t]) => ({ label: tx, value: t.parts.map((p) => `${p}:${t.states[p] ?? '?'}`).join(' ') })),
  ];
  return {
    tone: stuck ? 'blocked' : s.volatile.active ? 'working' : 'idle',
    statusKey: S(word),
    durable,
    volatile,
  };
}

function clientView(s: AState, db: DbReader): NodeView {
  const res = newest(db, AT.results, 3);
  const durable: NodeViewRow[] = [
    ...moreRow(res.more),
    ...res.keys.map((tx) => {
      const r = String(db.get<{ r: string }>(AT.results, tx)?.r) as 'committed' | 'aborted';
      return { label: tx, value: r, valueKey: S(r), tone: r };
    }),
  ];
  const volatile: NodeViewRow[] = [];
  for (const tx of db.newest(AT.txs, 3).reverse()) {
    const t = db.get<{ phase: string }>(AT.txs, tx);
    if (t && t.phase !== 'done') volatile.push({ label: tx, value: t.phase, valueKey: S('a.' + t.phase) });
  }
  for (const [p, since] of Object.entries(s.volatile.third))
    volatile.push({ label: L('thirdParty'), value: `${p} @${since}`, tone: 'blocked' });
  const waiting = Object.keys(s.volatile.third).length > 0;
  const busy = volatile.length > 0;
  return {
    tone: waiting ? 'blocked' : busy ? 'working' : 'idle',
    statusKey: S(waiting ? 'a.waiting' : busy ? 'working' : 'idle'),
    durable,
    volatile,
  };
}

export function view(_node: NodeId, role: string, state: NodeState, _up: boolean, db: DbReader): NodeView {
  switch (role) {
    case 'participant':
      return participantView(state as PState, db);
    case 'coordinator':
      return coordinatorView(db);
    case 'standby':
      return standbyView(state as SState, db);
    default:
      return clientView(state as AState, db);
  }
}
