/** A binary heap of integer ids, ordered by `before`; ties are the caller's to break (ours end at the id). */
export class IdHeap {
  private readonly heap: Int32Array;
  private length = 0;

  constructor(
    capacity: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.heap = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.length;
  }

  push(id: number): void {
    const heap = this.heap;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(id, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = id;
  }

  /** Removes and returns the first id; the heap must not be empty. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.length]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.length) break;
      if (child + 1 < this.length && this.before(heap[child + 1]!, heap[child]!)) child++;
      if (!this.before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
