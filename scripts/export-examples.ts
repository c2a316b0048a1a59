/**
 * `npm run examples`: writes examples/<pattern>/<scenario-id>.json for every named scenario in the registry (each
 * with its expected outcome in "expect"), and removes example files whose scenario no longer exists.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exampleFiles } from './examples-lib';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const files = await exampleFiles();
const wanted = new Set(files.map((f) => f.path));
let written = 0;
for (const f of files) {
  const abs = join(root, f.path);
  mkdirSync(dirname(abs), { recursive: true });
  if (existsSync(abs) && readFileSync(abs, 'utf8') === f.content) continue;
  writeFileSync(abs, f.content);
  written++;
  console.log(`wrote ${f.path}`);
}
let removed = 0;
const exDir = join(root, 'examples');
if (existsSync(exDir)) {
  for (const d of readdirSync(exDir, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === 'lab') continue; // lab configs are written by hand
    for (const name of readdirSync(join(exDir, d.name))) {
      const rel = `examples/${d.name}/${name}`;
      if (name.endsWith('.json') && !wanted.has(rel)) {
        rmSync(join(root, rel));
        removed++;
        console.log(`removed ${rel} (no such named scenario any more)`);
      }
    }
  }
}
console.log(
  `${files.length} example files (${written} written, ${removed} removed, ${files.length - written} unchanged)`,
);
