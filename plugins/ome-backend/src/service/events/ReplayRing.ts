/**
 * The last `capacity` entries, oldest first, in a fixed array: what a reconnecting client
 * can be given. Older entries fall out; a client behind them gets `reset`.
 */
export class ReplayRing<T extends { seq: number }> {
  readonly #entries: (T | undefined)[];
  #start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(
        `Replay capacity must be a positive integer, got ${capacity}`,
      );
    }
    this.#entries = new Array(capacity);
  }

  push(entry: T): void {
    const end = (this.#start + this.#size) % this.capacity;
    this.#entries[end] = entry;
    if (this.#size < this.capacity) this.#size++;
    else this.#start = (this.#start + 1) % this.capacity;
  }

  /** The seq of the oldest entry kept, or undefined when empty. */
  oldestSeq(): number | undefined {
    return this.#size ? this.#entries[this.#start]!.seq : undefined;
  }

  /** The entry numbered `seq`, if it is still kept. */
  get(seq: number): T | undefined {
    const oldest = this.oldestSeq();
    if (oldest === undefined || seq < oldest || seq >= oldest + this.#size) {
      return undefined;
    }
    return this.#entries[(this.#start + (seq - oldest)) % this.capacity];
  }

  /** Every kept entry numbered after `seq`, oldest first. */
  after(seq: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.#size; i++) {
      const entry = this.#entries[(this.#start + i) % this.capacity]!;
      if (entry.seq > seq) out.push(entry);
    }
    return out;
  }
}
