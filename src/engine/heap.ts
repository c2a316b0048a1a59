/**
 * The event queue: a binary min-heap ordered by (time, insertion order). Insertion order is the deterministic
 * tie-break, so equal-time events always run in the order they were scheduled.
 *
 * Items known up front (a scenario's whole workload: 10,000 requests) can be preloaded as one sorted run beside the
 * heap instead of pushed into it, so the heap holds only what is in flight and a pop costs log(in flight), not
 * log(in flight + requests not yet due). The order is the same as if each had been pushed.
 */
export class EventQueue<T> {
  private times: number[] = [];
  private orders: number[] = [];
  private items: T[] = [];
  private counter = 0;
  /** The preloaded run, sorted by (time, order), consumed from `at`. */
  private runT: number[] = [];
  private runO: number[] = [];
  private runI: T[] = [];
  private at = 0;
  /** The time of the item the last pop() returned (so a caller needs no peekTime() before each pop). */
  poppedTime = Infinity;

  get size(): number {
    return this.items.length + this.runI.length - this.at;
  }

  /**
   * Schedule many items at once, in this order (as if pushed one by one). Kept as a sorted run when no earlier run
   * is still pending; otherwise each is pushed.
   */
  preload(times: readonly number[], items: readonly T[]): void {
    if (this.at < this.runI.length) {
      for (let i = 0; i < items.length; i++) this.push(times[i], items[i]);
      return;
    }
    const n = items.length;
    const base = this.counter;
    this.counter += n;
    const idx = new Array<number>(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    // Stable by time, then by index: the insertion order's tie-break.
    idx.sort((a, b) => times[a] - times[b] || a - b);
    const rt = new Array<number>(n);
    const ro = new Array<number>(n);
    const ri = new Array<T>(n);
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      rt[k] = times[i];
      ro[k] = base + i;
      ri[k] = items[i];
    }
    this.runT = rt;
    this.runO = ro;
    this.runI = ri;
    this.at = 0;
  }

  /** Whether the next item comes from the run rather than the heap. */
  private runFirst(): boolean {
    const at = this.at;
    if (at >= this.runI.length) return false;
    if (this.items.length === 0) return true;
    const t = this.runT[at];
    const h = this.times[0];
    return t < h || (t === h && this.runO[at] < this.orders[0]);
  }

  push(time: number, item: T): void {
    const order = this.counter++;
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    let i = items.length;
    times.push(time);
    orders.push(order);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < time || (times[p] === time && orders[p] < order)) break;
      times[i] = times[p];
      orders[i] = orders[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    orders[i] = order;
    items[i] = item;
  }

  peekTime(): number {
    if (this.runFirst()) return this.runT[this.at];
    return this.items.length ? this.times[0] : Infinity;
  }

  pop(): T | undefined {
    if (this.runFirst()) {
      this.poppedTime = this.runT[this.at];
      const item = this.runI[this.at++];
      if (this.at === this.runI.length) {
        // Let the run's items go.
        this.runT = [];
        this.runO = [];
        this.runI = [];
        this.at = 0;
      }
      return item;
    }
    const items = this.items;
    const n = items.length;
    if (n === 0) return undefined;
    const top = items[0];
    const times = this.times;
    this.poppedTime = times[0];
    const orders = this.orders;
    const lastT = times.pop() as number;
    const lastO = orders.pop() as number;
    const lastI = items.pop() as T;
    if (n > 1) {
      const m = n - 1;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= m) break;
        const r = l + 1;
        let c = l;
        if (r < m && (times[r] < times[l] || (times[r] === times[l] && orders[r] < orders[l]))) c = r;
        if (lastT < times[c] || (lastT === times[c] && lastO < orders[c])) break;
        times[i] = times[c];
        orders[i] = orders[c];
        items[i] = items[c];
        i = c;
      }
      times[i] = lastT;
      orders[i] = lastO;
      items[i] = lastI;
    }
    return top;
  }
}
