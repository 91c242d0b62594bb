// A binary min-heap over a plain array, ordered by `less`. Used for lots (soonest expiry, then
// oldest) and hold timeouts, so consuming, lapsing and timing out cost O(log n) per item touched.

export function heapPush<T>(heap: T[], item: T, less: (a: T, b: T) => boolean): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as T; // parent < i ≤ last index: present
    if (!less(item, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

export function heapPop<T>(heap: T[], less: (a: T, b: T) => boolean): T | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n && less(heap[r] as T, heap[l] as T)) c = r; // r, l < n: present
    const child = heap[c] as T; // c < n: present
    if (!less(child, last)) break;
    heap[i] = child;
    i = c;
  }
  heap[i] = last;
  return top;
}
