/**
 * Headless runner: `npm run sim -- <scenario.json> [--json]`, `npm run sim -- --list`.
 * Exit status: 0 ran, 1 the file's `expect` was not met (with --check), 2 invalid input or usage — including a file
 * the simulator fails on after the schema accepted it: one line, never a stack trace (DTX_DEBUG=1 prints the stack).
 */
import { readFileSync } from 'node:fs';
import { patterns } from '../patterns/registry';
import { formatError } from '../scenario/schema';
import { checkExpectation, formatReport } from './report';
import { runScenarioText } from './run';

const USAGE = `usage: npm run sim -- <scenario.json> [--json] [--check]
       npm run sim -- --list
  --json   print the report as JSON
  --check  also compare with the file's "expect" block; exit 1 if it is not met
  --list   list patterns and their named scenarios`;

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !['--json', '--list', '--check', '--help'].includes(f));
  if (flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length) {
    console.error(`unknown option ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  if (flags.has('--list')) {
    for (const p of patterns) {
      console.log(
        `${p.id}  (${p.family}; nodes: ${p
          .topology(defaults(p))
          .nodes.map((n) => n.id)
          .join(', ')})`,
      );
      for (const s of p.scenarios) {
        console.log(`  ${s.id.padEnd(24)} ${(s.claims.join(', ') || '—').padEnd(10)} examples/${p.id}/${s.id}.json`);
      }
    }
    if (patterns.length === 0) console.log('(no patterns registered)');
    return 0;
  }
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(files[0], 'utf8');
  } catch (e) {
    console.error(`${files[0]}: cannot read (${e instanceof Error ? e.message : String(e)})`);
    return 2;
  }
  let r: ReturnType<typeof runScenarioText>;
  try {
    r = runScenarioText(text);
  } catch (e) {
    // parseScenario never throws; a throw here is the simulator failing on a file the schema accepted.
    console.error(`${files[0]}: the simulation failed (${e instanceof Error ? e.message : String(e)})`);
    if (process.env.DTX_DEBUG) console.error(e);
    return 2;
  }
  if (!r.ok) {
    console.error(`${files[0]}: ${formatError(r.error)}`);
    return 2;
  }
  if (flags.has('--json')) console.log(JSON.stringify(r.report, null, 2));
  else console.log(formatReport(r.report));
  if (flags.has('--check')) {
    if (!r.expect) {
      console.error('--check: the file has no "expect" block');
      return 2;
    }
    const misses = checkExpectation(r.report, r.expect);
    for (const m of misses) console.error(`expectation not met: ${m}`);
    if (misses.length) return 1;
    if (!flags.has('--json')) console.log('expectation met');
  }
  return 0;
}

function defaults(p: (typeof patterns)[number]) {
  return Object.fromEntries(p.params.map((d) => [d.key, d.default] as const));
}

process.exitCode = main(process.argv.slice(2));
