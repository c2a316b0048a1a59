/**
 * Every string exists in both languages, and every key a registered pattern can make the UI show exists:
 * names, descriptions, scenarios, parameters, guards, invariants, node labels, and — by running every named
 * scenario — every narration key, status word and row label its trace produces through pattern.view, and every
 * table title, column label and pattern word (valueKey) the table view draws.
 */
import { describe, expect, it } from 'vitest';
import { mergedResources, resourceFiles } from './resources';
import { invDescKey } from './inv';
import { patterns } from '../patterns/registry';
import { baseScenario, dbAt, indexTrace, namedScenario, simulate, tableHistory, type PatternDef } from '../engine';

const { en } = mergedResources();

/** A row label or node label is an i18n key when it looks like one (dotted); "T1" or "x" are literals. */
const keyLike = (s: string) => /^[\w-]+(\.[\w-]+)+$/.test(s);

function referencedKeys(p: PatternDef): Set<string> {
  const keys = new Set<string>([`pattern.${p.id}.name`, `pattern.${p.id}.desc`, `family.${p.family}`]);
  for (const role of Object.keys(p.roles)) keys.add(`role.${p.id}.${role}`);
  for (const ns of p.scenarios) {
    keys.add(`scenario.${p.id}.${ns.id}.title`);
    keys.add(`scenario.${p.id}.${ns.id}.desc`);
  }
  for (const prm of p.params) {
    keys.add(`param.${p.id}.${prm.key}`);
    keys.add(`param.${p.id}.${prm.key}.help`);
  }
  for (const g of p.guards) {
    keys.add(`guard.${p.id}.${g.key}`);
    keys.add(`guard.${p.id}.${g.key}.desc`);
  }
  const runs = [baseScenario(p), ...p.scenarios.map((ns) => namedScenario(p, ns))];
  for (const sc of runs) {
    const r = simulate(p, sc);
    const ix = indexTrace(r);
    for (const inv of r.invariants) {
      keys.add(`inv.${inv.id}`);
      // A pattern's own wording of a shared invariant (inv.<pattern>.<id>.desc) stands in for the shared one.
      keys.add(invDescKey((k) => k in en, p.id, inv.id) ?? `inv.${inv.id}.desc`);
    }
    const roleOf = new Map(r.topology.nodes.map((n) => [n.id, n.role]));
    for (const n of r.topology.nodes) if (keyLike(n.label)) keys.add(n.label);
    for (const ev of r.events) {
      if (ev.kind === 'note') keys.add(ev.key);
      if (!('state' in ev)) continue;
      const role = roleOf.get(ev.node);
      if (!role) continue;
      const views = ev.kind === 'crash' ? [false] : [true];
      for (const up of views) {
        const v = p.view(ev.node, role, ev.state, up, dbAt(ix, ev.node, ev.seq + 1));
        keys.add(v.statusKey);
        for (const row of [...v.durable, ...v.volatile]) {
          if (keyLike(row.label)) keys.add(row.label);
          if (row.valueKey) keys.add(row.valueKey);
        }
      }
    }
    // The table view: titles and column labels; for a column of pattern words, every value its rows ever held.
    for (const n of r.topology.nodes) {
      for (const [name, spec] of Object.entries(p.roles[n.role]?.tables ?? {})) {
        if (!spec.view) continue;
        if (keyLike(spec.view.title)) keys.add(spec.view.title);
        for (const c of spec.view.columns) {
          if (keyLike(c.label)) keys.add(c.label);
          if (!c.valueKey) continue;
          for (const { rows } of tableHistory(ix, n.id, name)?.byKey.values() ?? []) {
            for (const row of rows) {
              const v = row?.[c.field];
              if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                keys.add(`${c.valueKey}.${String(v)}`);
            }
          }
        }
      }
    }
  }
  return keys;
}

describe('i18n resources', () => {
  it('every resource file has the same keys in en and zh', () => {
    for (const [name, file] of Object.entries(resourceFiles)) {
      const en = Object.keys(file.en).sort();
      const zh = Object.keys(file.zh).sort();
      const onlyEn = en.filter((k) => !(k in file.zh));
      const onlyZh = zh.filter((k) => !(k in file.en));
      expect({ file: name, onlyEn, onlyZh }).toEqual({ file: name, onlyEn: [], onlyZh: [] });
    }
  });

  it('no string is empty', () => {
    for (const [name, file] of Object.entries(resourceFiles)) {
      for (const lang of ['en', 'zh'] as const) {
        const empty = Object.entries(file[lang])
          .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
          .map(([k]) => k);
        expect({ file: name, lang, empty }).toEqual({ file: name, lang, empty: [] });
      }
    }
  });

  it('no key is defined twice with different text (a pattern words a shared invariant as inv.<pattern>.<id>)', () => {
    const clashes: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      const seen = new Map<string, { file: string; text: string }>();
      for (const [file, dicts] of Object.entries(resourceFiles)) {
        for (const [k, text] of Object.entries(dicts[lang])) {
          const first = seen.get(k);
          if (!first) seen.set(k, { file, text });
          else if (first.text !== text) clashes.push(`${lang} ${k}: ${first.file} vs ${file}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the registry is not empty', () => {
    expect(patterns.length).toBeGreaterThan(0);
  });

  for (const p of patterns) {
    it(`every key pattern ${p.id} references exists in en and zh`, () => {
      const res = mergedResources();
      const keys = [...referencedKeys(p)].sort();
      const missingEn = keys.filter((k) => !(k in res.en));
      const missingZh = keys.filter((k) => !(k in res.zh));
      expect({ pattern: p.id, missingEn, missingZh }).toEqual({ pattern: p.id, missingEn: [], missingZh: [] });
    });
  }
});
