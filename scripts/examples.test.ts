/**
 * The examples/ folder stays in step with the registry's named scenarios, and each example file, run through the
 * CLI path (parse → simulate → report), meets the outcome it documents in its "expect" block.
 * Generic over the pattern contract: a new pattern's named scenarios are covered with no change here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patterns } from '../src/patterns/registry';
import { checkExpectation } from '../src/cli/report';
import { runScenarioText } from '../src/cli/run';
import { formatError } from '../src/scenario/schema';
import { exampleFiles } from './examples-lib';
import { parseLabConfig } from '../src/lab/schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const expected = await exampleFiles();

function filesOnDisk(): string[] {
  const dir = join(root, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lab') // examples/lab holds lab configs (tested below)
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((n) => n.endsWith('.json'))
        .map((n) => `examples/${d.name}/${n}`),
    )
    .sort();
}

describe('examples/ matches the registry', () => {
  it('has one file per named scenario, none stale (run `npm run examples` if this fails)', () => {
    expect(filesOnDisk(), 'run npm run examples').toEqual(expected.map((f) => f.path).sort());
  });

  for (const f of expected) {
    it(`${f.path} is up to date`, () => {
      const abs = join(root, f.path);
      expect(existsSync(abs), `${f.path} is missing: run npm run examples`).toBe(true);
      expect(readFileSync(abs, 'utf8'), `${f.path} is out of date: run npm run examples`).toBe(f.content);
    });
  }

  it('every pattern with named scenarios gives every scenario an expectation', () => {
    for (const p of patterns) for (const s of p.scenarios) expect(s.expect, `${p.id}/${s.id}`).toBeDefined();
  });
});

describe('each example file meets its documented outcome (CLI path)', () => {
  const files = filesOnDisk();
  if (files.length === 0) it('has no example files yet', () => expect(expected).toEqual([]));
  for (const path of files) {
    it(path, () => {
      const r = runScenarioText(readFileSync(join(root, path), 'utf8'));
      if (!r.ok) throw new Error(`${path}: ${formatError(r.error)}`);
      expect(r.expect, `${path} has no "expect" block`).toBeDefined();
      expect(checkExpectation(r.report, r.expect ?? {})).toEqual([]);
      expect(r.report.traceHash).toMatch(/\S/);
    });
  }
});

describe('docs/scenario-format.md', () => {
  it('its full example is a valid file that meets its own expect block', () => {
    const md = readFileSync(join(root, 'docs/scenario-format.md'), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)?.[1];
    expect(json, 'the doc has a ```json example').toBeDefined();
    const r = runScenarioText(json ?? '');
    if (!r.ok) throw new Error(`docs example: ${formatError(r.error)}`);
    expect(checkExpectation(r.report, r.expect ?? {})).toEqual([]);
  });
});

describe('examples/lab holds valid lab configs', () => {
  const dir = join(root, 'examples', 'lab');
  const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  it('there are some', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    it(`examples/lab/${f} parses`, () => {
      const r = parseLabConfig(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      expect(r.ok ? '' : r.error).toBe('');
    });
  }
});
