/**
 * The event queue: a binary min-heap ordered by (time, insertion order). Insertion order is the deterministic
 * tie-break, so equal-time events always run in the order they were scheduled.
 */
export class EventQueue<T> {
  private times: number[] = [];
  private orders: number[] = [];
  private items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
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
    return this.items.length ? this.times[0] : Infinity;
  }

  pop(): T | undefined {
    const items = this.items;
    const n = items.length;
    if (n === 0) return undefined;
    const top = items[0];
    const times = this.times;
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
