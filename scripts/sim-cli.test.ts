/**
 * The CLI on bad input: one clear line naming the field, exit status 2, never a stack trace (issue 10: a workload
 * request naming an unknown node used to print UnknownNodeError with its stack).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'dtx-cli-'));
const example = (p: string) => JSON.parse(readFileSync(join(root, 'examples', p), 'utf8'));

function sim(name: string, content: string) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/sim.ts', file], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replaceAll(file, name) };
}

describe('npm run sim on bad input', () => {
  const audit = example('tcc/tcc-no-dirty-read.json');
  for (const w of audit.workload) if (w.request.type === 'AUDIT') w.request.target = 'x';
  const third = example('2pc/s-2pc-1.json');
  for (const w of third.workload) if (w.request.type === 'THIRD_PARTY') delete w.request.node;
  third.workload.push({ at: 5, node: 'app', request: { type: 'THIRD_PARTY', node: 'P9' } });
  const cases: [string, string, RegExp][] = [
    [
      'audit.json',
      JSON.stringify(audit),
      /^audit\.json: workload\[\d+\]\.request\.target: unknown node "x" \(nodes: client, TM, bob, smith\)\n$/,
    ],
    ['third.json', JSON.stringify(third), /^third\.json: workload\[\d+\]\.request\.node: unknown node "P9"/],
    ['array.json', '[]', /^array\.json: the file must be a JSON object, not an array\n$/],
    ['cut.json', '{"version": 1, "pattern": ', /^cut\.json: not valid JSON/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: one line naming the field, exit 2, no stack trace`, () => {
      const r = sim(name, content);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    }, 60_000); // a tsx process each: seconds on a busy 2-core machine
  }
});
