/**
 * Which jobs each lab worker runs next, shared by the CLI's pool (src/cli/lab-pool.ts) and the page's
 * (src/lab/web-pool.ts). The jobs are in canonical order, pattern after pattern; each worker owns one contiguous
 * stretch of that order and takes batches from its front, so it compiles and warms up only the few patterns of its
 * stretch (dealt round-robin, every worker ran every pattern's code cold: with 2 workers, ~10 % of the sweep). A
 * worker whose stretch is empty takes from the back of the stretch with the most jobs left, so the workers finish
 * together however unequal the patterns' costs. Which worker ran a job never changes its numbers: results go back
 * to their canonical index.
 */

/** Canonical job indexes from `from` (included) to `to` (excluded). */
export interface JobRange {
  from: number;
  to: number;
}

/** Batches small enough that the workers finish within about one batch of each other, at most ~64 per worker. */
export function batchSize(total: number, workers: number): number {
  return Math.max(1, Math.ceil(total / (Math.max(1, workers) * 64)));
}

export class JobRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly batch: number;

  constructor(total: number, workers: number, batch = batchSize(total, workers)) {
    const n = Math.max(1, workers);
    for (let w = 0; w < n; w++) {
      this.starts.push(Math.floor((w * total) / n));
      this.ends.push(Math.floor(((w + 1) * total) / n));
    }
    this.batch = Math.max(1, batch);
  }

  /** Jobs not handed out yet. */
  get left(): number {
    let n = 0;
    for (let w = 0; w < this.starts.length; w++) n += this.ends[w] - this.starts[w];
    return n;
  }

  /**
   * Worker w's next batch: from the front of its own stretch, or else from the back of the fullest stretch (at most
   * half of what that stretch has left, so its owner keeps working too); null when every job is handed out.
   */
  next(w: number): JobRange | null {
    const own = this.ends[w] - this.starts[w];
    if (own > 0) {
      const from = this.starts[w];
      const to = Math.min(this.ends[w], from + this.batch);
      this.starts[w] = to;
      return { from, to };
    }
    let victim = -1;
    let most = 0;
    for (let v = 0; v < this.starts.length; v++) {
      const left = this.ends[v] - this.starts[v];
      if (left > most) {
        most = left;
        victim = v;
      }
    }
    if (victim < 0) return null;
    const take = Math.min(this.batch, Math.ceil(most / 2));
    const to = this.ends[victim];
    this.ends[victim] = to - take;
    return { from: to - take, to };
  }
}
