/** The lab's job scheduler: contiguous stretches, batches from their front, leftovers taken from the fullest back. */
import { describe, expect, it } from 'vitest';
import { batchSize, JobRanges, type JobRange } from './schedule';

const flat = (rs: JobRange[]) => rs.flatMap((r) => Array.from({ length: r.to - r.from }, (_, k) => r.from + k));

describe('lab job ranges', () => {
  it('gives each worker its own stretch of the canonical order, batch by batch from the front', () => {
    const r = new JobRanges(10, 2, 3);
    expect(r.next(0)).toEqual({ from: 0, to: 3 });
    expect(r.next(1)).toEqual({ from: 5, to: 8 });
    expect(r.next(0)).toEqual({ from: 3, to: 5 });
    expect(r.left).toBe(2);
  });

  it('a worker with nothing left takes from the back of the fullest stretch, at most half of it', () => {
    const r = new JobRanges(12, 2, 4);
    expect(r.next(0)).toEqual({ from: 0, to: 4 });
    expect(r.next(0)).toEqual({ from: 4, to: 6 });
    // Worker 0's stretch is empty; worker 1 has 6..12 untouched: 0 takes 3 (half) from its back.
    expect(r.next(0)).toEqual({ from: 9, to: 12 });
    expect(r.next(1)).toEqual({ from: 6, to: 9 });
    expect(r.next(0)).toBeNull();
    expect(r.next(1)).toBeNull();
  });

  it.each([
    [1, 1],
    [7, 3],
    [100, 2],
    [1001, 4],
    [3, 8],
  ])('%i jobs over %i workers: every job handed out exactly once, whoever asks', (total, n) => {
    const r = new JobRanges(total, n);
    const got: JobRange[] = [];
    // Workers ask in an uneven order (worker 0 most often), until none gets anything.
    for (let step = 0, idle = 0; idle < n; step++) {
      const x = r.next(step % 3 === 0 ? 0 : step % n);
      if (x === null) idle++;
      else {
        idle = 0;
        expect(x.to).toBeGreaterThan(x.from);
        got.push(x);
      }
    }
    expect(flat(got).sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(r.left).toBe(0);
  });

  it('no jobs: nothing to hand out; batches are about 1/64 of a worker’s share', () => {
    expect(new JobRanges(0, 2).next(0)).toBeNull();
    expect(batchSize(8000, 2)).toBe(63);
    expect(batchSize(5, 4)).toBe(1);
  });
});
