/**
 * What the page posts to a lab Web Worker: the sweep's jobs in canonical order, packed as columns (src/lab/web-pool.ts
 * packs, src/lab/web-worker.ts unpacks; a job's canonical index is its position). Pure, so both the pool and the
 * worker import it (the pool's module also starts the worker, which must not import itself).
 */
import type { LabJob } from './runs';

/**
 * The jobs as columns. Posting typed arrays copies a few buffers; 20,000 job objects (a big sweep) took ~50 ms of
 * structured cloning on the page's thread at Run.
 */
export interface PackedJobs {
  /** Each job's pattern, as an index into `patterns`. */
  pattern: Uint16Array;
  point: Int32Array;
  seed: Float64Array;
  patterns: string[];
}

export function packJobs(jobs: readonly LabJob[]): PackedJobs {
  const n = jobs.length;
  const c: PackedJobs = {
    pattern: new Uint16Array(n),
    point: new Int32Array(n),
    seed: new Float64Array(n),
    patterns: [],
  };
  const ids = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const j = jobs[k];
    let p = ids.get(j.pattern);
    if (p === undefined) {
      p = c.patterns.length;
      ids.set(j.pattern, p);
      c.patterns.push(j.pattern);
    }
    c.pattern[k] = p;
    c.point[k] = j.point;
    c.seed[k] = j.seed;
  }
  return c;
}

/** The jobs, in their order. */
export function unpackJobs(c: PackedJobs): LabJob[] {
  const out: LabJob[] = [];
  for (let k = 0; k < c.pattern.length; k++)
    out.push({ pattern: c.patterns[c.pattern[k]], point: c.point[k], seed: c.seed[k] });
  return out;
}
