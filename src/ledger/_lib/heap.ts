// A binary min-heap over plain arrays. Used for lots (soonest expiry, then oldest) and hold
// timeouts, so consuming, lapsing and timing out cost O(log n) per item touched.

/**
 * A min-heap of items ordered by two numbers kept beside them (`first`, then `second` on ties), so
 * sifting compares entries of two compact arrays instead of reading fields of items scattered over
 * the heap: for the lots of a large ledger that was most of the cost of consuming one.
 */
export interface KeyedHeap<T> {
  readonly items: T[];
  readonly first: number[];
  readonly second: number[];
}

export function keyedHeap<T>(): KeyedHeap<T> {
  return { items: [], first: [], second: [] };
}

export function keyedPush<T>(heap: KeyedHeap<T>, item: T, first: number, second: number): void {
  const { items, first: f, second: s } = heap;
  let i = items.length;
  items.push(item);
  f.push(first);
  s.push(second);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pf = f[parent] as number; // parent < i: present
    const ps = s[parent] as number;
    if (!(first < pf || (first === pf && second < ps))) break;
    items[i] = items[parent] as T;
    f[i] = pf;
    s[i] = ps;
    i = parent;
  }
  items[i] = item;
  f[i] = first;
  s[i] = second;
}

export function keyedPop<T>(heap: KeyedHeap<T>): T | undefined {
  const { items, first: f, second: s } = heap;
  const top = items[0];
  const last = items.pop();
  const lf = f.pop() as number; // same length as items
  const ls = s.pop() as number;
  const n = items.length;
  if (n === 0 || last === undefined) return top;
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
    items[i] = items[c] as T;
    f[i] = cf;
    s[i] = cs;
    i = c;
  }
  items[i] = last;
  f[i] = lf;
  s[i] = ls;
  return top;
}
