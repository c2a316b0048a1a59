/** The CLI's human summary of a run report (the report itself is built by src/engine/report.ts). */
import type { RunReport } from '../engine';

export { buildReport, checkExpectation, getPath, type RunReport } from '../engine';

const ms = (t: number | null) => (t === null ? '—' : `${+t.toFixed(3)} ms`);

/** The human summary the CLI prints. */
export function formatReport(rep: RunReport): string {
  const L: string[] = [];
  const name = rep.scenario.name ?? '(unnamed)';
  L.push(`pattern   ${rep.pattern}`);
  L.push(`scenario  ${name}${rep.scenario.title ? ` — ${rep.scenario.title}` : ''} (seed ${rep.scenario.seed})`);
  L.push(`stopped   ${rep.stopReason} at ${ms(rep.endTime)} after ${rep.events} events`);
  L.push('');
  L.push('transactions');
  if (rep.transactions.length === 0) L.push('  (none reported)');
  for (const t of rep.transactions) {
    const at = Object.entries(t.at)
      .map(([n, s]) => `${n}=${s}`)
      .join(' ');
    L.push(`  ${t.tx.padEnd(10)} ${t.outcome.padEnd(13)} ${at}`);
  }
  L.push('');
  L.push('invariants');
  for (const i of rep.invariants) {
    const extra = i.everBroken
      ? `first break ${ms(i.firstBreak)}${i.kind === 'always' ? `, ${i.broken.length} window(s)` : ''}`
      : 'never broken';
    L.push(`  ${i.id.padEnd(22)} ${i.kind.padEnd(10)} ${i.verdict.padEnd(9)} ${extra}`);
  }
  L.push('');
  L.push(`messages  sent ${rep.messages.sent}, delivered ${rep.messages.delivered}, dropped ${rep.messages.dropped}`);
  for (const [type, c] of Object.entries(rep.messages.byType)) {
    L.push(
      `  ${type.padEnd(14)} sent ${String(c.sent).padStart(5)}  delivered ${String(c.delivered).padStart(5)}  dropped ${String(c.dropped).padStart(5)}`,
    );
  }
  L.push('');
  L.push('lock holds (per node)');
  for (const l of rep.locks) {
    if (l.count === 0) continue;
    const still = l.heldAtEnd.length ? `  still held: ${l.heldAtEnd.join(', ')}` : '';
    L.push(
      `  ${l.node.padEnd(10)} ${String(l.count).padStart(4)} holds  max ${ms(l.max)}  total ${ms(l.total)}${still}`,
    );
  }
  if (rep.locks.every((l) => l.count === 0)) L.push('  (no locks taken)');
  L.push('');
  L.push('final durable state');
  for (const [node, d] of Object.entries(rep.durable)) {
    L.push(`  ${node}${rep.up[node] ? '' : ' (down)'}: ${JSON.stringify(d)}`);
  }
  L.push('');
  L.push(`trace hash ${rep.traceHash}`);
  return L.join('\n');
}
