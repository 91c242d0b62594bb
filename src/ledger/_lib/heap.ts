// A binary min-heap over plain arrays. Used for lots (soonest expiry, then oldest) and hold
// timeouts, so consuming, lapsing and timing out cost O(log n) per item touched.

/**
 * A min-heap of items ordered by two numbers kept beside them (`first`, then `second` on ties), so
 * sifting compares entries of two compact arrays instead of reading fields of items scattered over
 * the heap: for the lots of a large ledger that was most of the cost of consuming one. The arrays
 * can be sized up front (`capacity`) and hold `size` items; slots beyond are empty.
 */
export interface KeyedHeap<T> {
  readonly items: (T | undefined)[];
  readonly first: number[];
  readonly second: number[];
  size: number;
}

export function keyedHeap<T>(capacity: number): KeyedHeap<T> {
  return {
    items: new Array<T | undefined>(capacity),
    first: new Array<number>(capacity),
    second: new Array<number>(capacity),
    size: 0,
  };
}

/** The item that comes first, or undefined when the heap is empty. */
export function keyedTop<T>(heap: KeyedHeap<T>): T | undefined {
  return heap.size === 0 ? undefined : heap.items[0];
}

/** The `first` key of the top item, or +Infinity when the heap is empty. */
export function keyedTopFirst<T>(heap: KeyedHeap<T>): number {
  return heap.size === 0 ? Number.POSITIVE_INFINITY : (heap.first[0] as number); // size > 0: present
}

export function keyedPush<T>(heap: KeyedHeap<T>, item: T, first: number, second: number): void {
  const { items, first: f, second: s } = heap;
  let i = heap.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pf = f[parent] as number; // parent < i < size: present
    const ps = s[parent] as number;
    if (!(first < pf || (first === pf && second < ps))) break;
    items[i] = items[parent];
    f[i] = pf;
    s[i] = ps;
    i = parent;
  }
  items[i] = item;
  f[i] = first;
  s[i] = second;
}

// Sifting down mirrors keyedPush's sifting up (the same two-key comparison, the same move of a slot
// in the three arrays), written out in each loop on purpose: a shared step would need the arrays, the
// slot, its item and both keys passed in to save three lines, on the path consuming lots spends its time in.
export function keyedPop<T>(heap: KeyedHeap<T>): T | undefined {
  if (heap.size === 0) return undefined;
  const { items, first: f, second: s } = heap;
  const top = items[0];
  const n = --heap.size;
  const last = items[n];
  const lf = f[n] as number; // n < old size: present
  const ls = s[n] as number;
  items[n] = undefined; // no stale reference past the end
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    let c = l;
    let cf = f[l] as number; // l < n: present
    let cs = s[l] as number;
    const r = l + 1;
    if (r < n) {
      const rf = f[r] as number; // r < n: present
      const rs = s[r] as number;
      if (rf < cf || (rf === cf && rs < cs)) {
        c = r;
        cf = rf;
        cs = rs;
      }
    }
    if (!(cf < lf || (cf === lf && cs < ls))) break;
    items[i] = items[c];
    f[i] = cf;
    s[i] = cs;
    i = c;
  }
  items[i] = last;
  f[i] = lf;
  s[i] = ls;
  return top;
}

/** A copy of a heap (its own arrays, the same items). */
export function keyedCopy<T>(heap: KeyedHeap<T>): KeyedHeap<T> {
  return { items: heap.items.slice(), first: heap.first.slice(), second: heap.second.slice(), size: heap.size };
}
