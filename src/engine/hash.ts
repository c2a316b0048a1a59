/**
 * A stable hash of a trace: 53-bit cyrb53 over the canonical JSON of every event (keys in insertion order, which
 * the deterministic reducers fix). Same scenario → same hash, in Node and in the browser.
 * Node states are left out: they are a function of the events and the reducers, and hashing every state version
 * would make the cost grow with state size × trace length.
 */
export function cyrb53(str: string, h1 = 0xdeadbeef, h2 = 0x41c6ce57): [number, number] {
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

export function traceHash(events: readonly unknown[]): string {
  const h = new TraceHasher();
  h.add(events, 0, events.length);
  return h.digest();
}

/** traceHash in pieces (the page hashes a long trace in slices): add events in order, then digest. */
export class TraceHasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(events: readonly unknown[], from: number, to: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = from; i < to; i++) [h1, h2] = cyrb53(JSON.stringify(events[i], dropState), h1, h2);
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    return (this.h2 & 0x1fffff).toString(16).padStart(6, '0') + this.h1.toString(16).padStart(8, '0');
  }
}

function dropState(this: unknown, key: string, value: unknown): unknown {
  // Only the event's own `state` field (top level) is skipped; payloads may use the word freely.
  return key === 'state' && this !== null && typeof this === 'object' && 'seq' in this ? undefined : value;
}
