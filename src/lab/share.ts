/**
 * What the page posts to a lab Web Worker: its share of the jobs, packed as columns (src/lab/web-pool.ts packs,
 * src/lab/web-worker.ts unpacks). Pure, so both the pool and the worker import it (the pool's module also starts
 * the worker, which must not import itself).
 */
import type { LabJob } from './runs';

/**
 * A worker's share of the jobs as columns, each job with its canonical index. Posting typed arrays copies a few
 * buffers; 20,000 job objects (a big sweep) took ~50 ms of structured cloning on the page's thread at Run.
 */
export interface JobShare {
  index: Int32Array;
  /** Each job's pattern, as an index into `patterns`. */
  pattern: Uint16Array;
  point: Int32Array;
  seed: Float64Array;
  patterns: string[];
}

export function packShare(share: readonly [number, LabJob][]): JobShare {
  const n = share.length;
  const c: JobShare = {
    index: new Int32Array(n),
    pattern: new Uint16Array(n),
    point: new Int32Array(n),
    seed: new Float64Array(n),
    patterns: [],
  };
  const ids = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const [i, j] = share[k];
    let p = ids.get(j.pattern);
    if (p === undefined) {
      p = c.patterns.length;
      ids.set(j.pattern, p);
      c.patterns.push(j.pattern);
    }
    c.index[k] = i;
    c.pattern[k] = p;
    c.point[k] = j.point;
    c.seed[k] = j.seed;
  }
  return c;
}

/** The share's jobs, in its order, with their canonical indexes. */
export function unpackShare(c: JobShare): [number, LabJob][] {
  const out: [number, LabJob][] = [];
  for (let k = 0; k < c.index.length; k++)
    out.push([c.index[k], { pattern: c.patterns[c.pattern[k]], point: c.point[k], seed: c.seed[k] }]);
  return out;
}
