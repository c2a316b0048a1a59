/** How a node looks in the diagram and the inspector (tones from UI.md), derived from its state only. */
import type { NodeView, NodeViewRow, Tone } from '../../engine/pattern';
import type { NodeId, NodeState } from '../../engine/types';
import { lockHolder } from './participant';
import type { AState, CState, PState, SState } from './types';

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

function participantView(s: PState): NodeView {
  const holder = lockHolder(s);
  let word = 'idle';
  if (s.volatile.inDoubt.length) word = 'blocked';
  else if (Object.values(s.durable.txs).some((r) => r.st === 'precommitted')) word = 'precommitted';
  else if (Object.values(s.durable.txs).some((r) => r.st === 'prepared')) word = 'prepared';
  else if (Object.keys(s.volatile.work).length) word = 'working';
  else {
    const last = s.durable.log[s.durable.log.length - 1];
    if (last) word = last.rec === 'COMMIT' ? 'committed' : last.rec === 'ROLLBACK' ? 'aborted' : 'idle';
  }
  // Oldest to newest; the diagram shows the last rows, so the row's data value (which differs between
  // participants in S-2PC-3) comes last, after the per-transaction records and the log.
  const durable: NodeViewRow[] = [];
  for (const [tx, r] of Object.entries(s.durable.txs)) {
    const tone = s.volatile.inDoubt.includes(tx) ? 'blocked' : toneOf[r.st];
    durable.push({ label: tx, value: r.st, valueKey: S(r.st), tone });
  }
  const log = s.durable.log.slice(-4).map((l) => `${l.rec} ${l.tx}`);
  if (log.length) durable.push({ label: L('log'), value: (s.durable.log.length > 4 ? '… ' : '') + log.join(' · ') });
  durable.push({ label: L('data'), value: `x = ${s.durable.data.x}` });
  const volatile: NodeViewRow[] = [];
  for (const [tx, w] of Object.entries(s.volatile.work)) {
    volatile.push({
      label: tx,
      value: w.done ? 'executed' : 'executing',
      valueKey: S(w.done ? 'executed' : 'executing'),
      tone: 'working',
    });
  }
  if (s.volatile.waiting.length) {
    volatile.push({
      label: L('waiting'),
      value: s.volatile.waiting.map((w) => (w.kind === 'tx' ? w.tx : '3rd')).join(', '),
    });
  }
  if (s.volatile.inDoubt.length)
    volatile.push({ label: L('inDoubt'), value: s.volatile.inDoubt.join(', '), tone: 'blocked' });
  if (s.volatile.coord) volatile.push({ label: L('coordinator'), value: s.volatile.coord });
  return { tone: toneOf[word], statusKey: S(word), locks: holder ? [`x (${holder})`] : [], durable, volatile };
}

function phaseTone(phase: string): Tone {
  if (phase === 'voting' || phase === 'precommit') return 'working';
  if (phase === 'committing' || phase === 'done-commit') return 'committed';
  if (phase === 'aborting' || phase === 'done-abort') return 'aborted';
  return 'idle';
}

function coordinatorView(s: CState): NodeView {
  const txs = Object.entries(s.volatile.txs);
  const open = txs.filter(([, t]) => !t.phase.startsWith('done'));
  const phase = open.length ? open[open.length - 1][1].phase : txs.length ? txs[txs.length - 1][1].phase : 'idle';
  const tone = phaseTone(phase);
  const durable: NodeViewRow[] = s.durable.log.map((r) => ({ label: L('log'), value: `${r.rec} ${r.tx}` }));
  if (!durable.length) durable.push({ label: L('log'), value: '—' });
  const volatile: NodeViewRow[] = [];
  for (const [tx, t] of txs) {
    volatile.push({ label: tx, value: t.phase, valueKey: S('c.' + t.phase), tone: phaseTone(t.phase) });
    const votes = Object.entries(t.votes).map(([p, y]) => `${p}${y ? '✓' : '✗'}`);
    if (votes.length) volatile.push({ label: L('votes'), value: votes.join(' ') });
    if (t.acks.length) volatile.push({ label: L('acks'), value: t.acks.join(' ') });
  }
  return { tone, statusKey: S('c.' + phase), locks: [], durable, volatile };
}

function standbyView(s: SState): NodeView {
  const stuck = Object.values(s.volatile.txs).some((t) => t.stuck && !t.decided);
  const word = s.volatile.active
    ? stuck
      ? 'c2.stuck'
      : 'c2.active'
    : s.volatile.watching
      ? 'c2.watching'
      : 'c2.standby';
  const durable: NodeViewRow[] = Object.entries(s.durable.decisions).map(([tx, d]) => ({ label: tx, value: d }));
  const volatile: NodeViewRow[] = Object.entries(s.volatile.txs).map(([tx, t]) => ({
    label: tx,
    value: t.parts.map((p) => `${p}:${t.states[p] ?? '?'}`).join(' '),
  }));
  return {
    tone: stuck ? 'blocked' : s.volatile.active ? 'working' : 'idle',
    statusKey: S(word),
    locks: [],
    durable,
    volatile,
  };
}

function clientView(s: AState): NodeView {
  const durable: NodeViewRow[] = Object.entries(s.durable.results).map(([tx, r]) => ({
    label: tx,
    value: r,
    valueKey: S(r),
    tone: r,
  }));
  const volatile: NodeViewRow[] = Object.entries(s.volatile.txs)
    .filter(([, t]) => t.phase !== 'done')
    .map(([tx, t]) => ({ label: tx, value: t.phase, valueKey: S('a.' + t.phase) }));
  for (const [p, since] of Object.entries(s.volatile.third))
    volatile.push({ label: L('thirdParty'), value: `${p} @${since}`, tone: 'blocked' });
  const waiting = Object.keys(s.volatile.third).length > 0;
  const busy = volatile.length > 0;
  return {
    tone: waiting ? 'blocked' : busy ? 'working' : 'idle',
    statusKey: S(waiting ? 'a.waiting' : busy ? 'working' : 'idle'),
    locks: [],
    durable,
    volatile,
  };
}

export function view(_node: NodeId, role: string, state: NodeState, _up: boolean): NodeView {
  switch (role) {
    case 'participant':
      return participantView(state as PState);
    case 'coordinator':
      return coordinatorView(state as CState);
    case 'standby':
      return standbyView(state as SState);
    default:
      return clientView(state as AState);
  }
}
