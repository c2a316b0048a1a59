/**
 * `npm run lab -- <lab-config.json> [--json|--csv] [--workers N] [--shard k/n]`: the comparison lab headless
 * (worker_threads), with a progress bar on stderr; the same numbers as the page for the same config.
 * `npm run lab -- merge <shard.json…> [--json|--csv]`: merge shard outputs (`--json`) into exactly the unsharded result.
 * Exit status: 0 ran, 2 invalid input or usage.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { mergeRuns, type PatternAggregate } from '../lab/aggregate';
import { runLabNode } from './lab-pool';
import { parseLabConfig } from '../lab/schema';
import { parseShard, summarize, toCsv, type LabResult, type Shard } from '../lab/sweep';
import type { LabConfig } from '../lab/config';

const USAGE = `usage: npm run lab -- <lab-config.json> [--json | --csv] [--workers N] [--shard k/n]
       npm run lab -- merge <shard-output.json …> [--json | --csv]`;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not valid JSON`);
  }
}

class UsageError extends Error {}

function bar(done: number, total: number, t0: number) {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 20)) !== 0) return;
  const w = 30;
  const f = total ? done / total : 1;
  const el = (performance.now() - t0) / 1000;
  const eta = f > 0 ? (el / f - el).toFixed(0) : '?';
  process.stderr.write(
    `\r[${'#'.repeat(Math.round(f * w)).padEnd(w, '.')}] ${done}/${total} runs  ${el.toFixed(1)} s  eta ${eta} s `,
  );
  if (done === total) process.stderr.write('\n');
}

function print(config: LabConfig, result: LabResult, aggs: PatternAggregate[], mode: 'text' | 'json' | 'csv') {
  if (mode === 'json') console.log(JSON.stringify({ ...result, aggregates: aggs }));
  else if (mode === 'csv') process.stdout.write(toCsv(config, aggs));
  else {
    const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
    console.log(
      `${'pattern'.padEnd(10)}${config.sweep ? config.sweep.key.padStart(12) : ''} ${'runs'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'ok %'.padStart(7)} ${'inconsist %'.padStart(12)} ${'msg/tx'.padStart(7)} ${'lock ms/tx'.padStart(11)}`,
    );
    for (const a of aggs) {
      const ok = (a.outcomes.committed?.rate ?? 0) + (a.outcomes.delivered?.rate ?? 0);
      console.log(
        `${a.pattern.padEnd(10)}${config.sweep ? String(config.sweep.values[a.point]).padStart(12) : ''} ${String(a.runs).padStart(6)} ${f(a.latency.p50).padStart(9)} ${f(a.latency.p95).padStart(9)} ${f(a.latency.p99).padStart(9)} ${f(ok * 100).padStart(7)} ${f((a.outcomes.inconsistent?.rate ?? 0) * 100).padStart(12)} ${f(a.messagesPerTxTotal.mean).padStart(7)} ${f(a.locks.holdPerTx.mean).padStart(11)}`,
      );
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const mode = argv.includes('--json') ? 'json' : argv.includes('--csv') ? 'csv' : 'text';
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positional = argv.filter((a, i) => !a.startsWith('--') && !['--workers', '--shard'].includes(argv[i - 1]));
  if (argv.includes('--help') || !positional.length) {
    console.log(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  if (positional[0] === 'merge') {
    const parts = positional.slice(1).map((f) => readJson(f) as LabResult);
    if (!parts.length) throw new UsageError('merge needs shard output files (from --json)');
    const config = parts[0].config;
    for (const [i, p] of parts.entries()) {
      if (!p || !Array.isArray(p.runs))
        throw new UsageError(`${positional[i + 1]}: not a lab output (run it with --json)`);
      if (JSON.stringify(p.config) !== JSON.stringify(config))
        throw new UsageError(`${positional[i + 1]}: made from a different config`);
    }
    const runs = mergeRuns(
      parts.map((p) => p.runs),
      parts[0].patterns,
    );
    const result: LabResult = { config, patterns: parts[0].patterns, shard: null, runs };
    print(config, result, summarize(result), mode);
    return 0;
  }
  const parsed = parseLabConfig(readJson(positional[0]));
  if (!parsed.ok) throw new UsageError(`${positional[0]}: ${parsed.error}`);
  const workersOpt = opt('--workers');
  const workers = workersOpt === undefined ? Math.max(1, cpus().length) : Number(workersOpt);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new UsageError('--workers must be 1…256');
  const shardOpt = opt('--shard');
  let shard: Shard | null = null;
  if (shardOpt !== undefined) {
    try {
      shard = parseShard(shardOpt);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const t0 = performance.now();
  const result = await runLabNode(parsed.config, { workers, shard, progress: (d, t) => bar(d, t, t0) });
  print(parsed.config, result, summarize(result), mode);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof UsageError ? e.message : `lab failed: ${(e as Error).message}`);
    process.exit(2);
  },
);
