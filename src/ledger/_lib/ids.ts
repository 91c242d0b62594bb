// transactionId → position of its entry. Replay looks every id up once (to reject a repeated id) and
// some a second time (reverse, capture, release name earlier entries); with a million entries a Map
// spent ~0.5 s of a 2.9 s replay in chained-bucket lookups that each touch several scattered objects.
// This is open addressing over one Int32Array of (hash, position + 1) pairs kept at most half full,
// so a lookup usually reads one cache line; ids are compared (with the entry at that position) only
// on a full hash match.

export interface IdIndex {
  /** Pairs (hash, position + 1); position + 1 = 0 marks an empty slot. */
  table: Int32Array;
  /** Slot count − 1 (slot count is a power of two). */
  mask: number;
  /** Ids added so far: the next position. */
  size: number;
  /** The entries by position, whose transactionIds the index holds (an entry is added to it after its id). */
  readonly entries: readonly { readonly transactionId: string }[];
}

export function idIndex(entries: readonly { readonly transactionId: string }[], expected: number): IdIndex {
  let slots = 16;
  while (slots < 2 * expected) slots *= 2;
  return { table: new Int32Array(2 * slots), mask: slots - 1, size: 0, entries };
}

/** FNV-1a over the UTF-16 code units, with a final avalanche so the low bits (the slot) depend on every character. */
function hashOf(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** The position of `id`, or -1 when absent (or added but its entry not yet there). */
export function idGet(index: IdIndex, id: string): number {
  const h = hashOf(id);
  const { table, mask, entries } = index;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const p = table[2 * s + 1] ?? 0; // 2s + 1 < table.length: present
    if (p === 0) return -1;
    if (table[2 * s] === h && entries[p - 1]?.transactionId === id) return p - 1;
  }
}

/**
 * Adds the ids of `items` at the next items.length positions, in one go, and returns the index in
 * `items` of the first one that repeats an earlier one (in the index or in `items`), or -1; a
 * repeated id is not added. The positions are then taken, as if each had been added in turn.
 *
 * Adding a million ids in posting order writes to a million scattered slots of a 16 MB table: with
 * the rest of a replay competing for the cache, those misses cost more than the rest of the
 * indexing. So the positions are first bucketed by the top 11 bits of their home slot (one stable
 * counting pass) and inserted bucket by bucket, each bucket's writes staying within 1/2048 of the
 * table. Stability keeps the positions of one id in order, so its first occurrence is the one added.
 */
export function idAddAll(index: IdIndex, items: readonly { readonly transactionId: string }[]): number {
  const n = items.length;
  while (2 * (index.size + n) > index.mask + 1) grow(index);
  const { table, mask } = index;
  // A few ids (a post onto a bounded snapshot: its kept entries, then the new ones) fit in the cache
  // anyway: added in order, without the two counting arrays (8 KB zeroed per call, the larger part
  // of indexing a snapshot of 60 entries). In order, the first occurrence of an id is the one added.
  if (n <= SMALL) return addInOrder(index, items, table, mask);
  const shift = Math.max(0, 21 - Math.clz32(mask)); // slots have 32 - clz32(mask) bits: a bucket is the top 11
  const hashes = new Int32Array(n);
  const counts = new Int32Array(2049);
  for (let i = 0; i < n; i++) {
    const h = hashOf(items[i]?.transactionId ?? "");
    hashes[i] = h;
    const b = ((h & mask) >>> shift) + 1;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  for (let b = 1; b <= 2048; b++) counts[b] = (counts[b] ?? 0) + (counts[b - 1] ?? 0);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = ((hashes[i] ?? 0) & mask) >>> shift;
    const at = counts[b] ?? 0;
    counts[b] = at + 1;
    order[at] = i;
  }
  const base = index.size;
  let repeat = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    const h = hashes[i] ?? 0;
    let s = h & mask;
    for (;;) {
      const p = table[2 * s + 1] ?? 0;
      if (p === 0) {
        table[2 * s] = h;
        table[2 * s + 1] = base + i + 1;
        break;
      }
      if (
        table[2 * s] === h &&
        (p <= base ? index.entries[p - 1] : items[p - 1 - base])?.transactionId === items[i]?.transactionId
      ) {
        if (repeat < 0 || i < repeat) repeat = i;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  index.size = base + n;
  return repeat;
}

const SMALL = 256;

function addInOrder(
  index: IdIndex,
  items: readonly { readonly transactionId: string }[],
  table: Int32Array,
  mask: number,
): number {
  const base = index.size;
  let repeat = -1;
  for (let i = 0; i < items.length; i++) {
    const id = items[i]?.transactionId ?? "";
    const h = hashOf(id);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const p = table[2 * s + 1] ?? 0;
      if (p === 0) {
        table[2 * s] = h;
        table[2 * s + 1] = base + i + 1;
        break;
      }
      if (table[2 * s] === h && (p <= base ? index.entries[p - 1] : items[p - 1 - base])?.transactionId === id) {
        if (repeat < 0) repeat = i;
        break;
      }
    }
  }
  index.size = base + items.length;
  return repeat;
}

/** Doubles the slot count, re-placing every pair by its stored hash (no id is read again). */
function grow(index: IdIndex): void {
  const old = index.table;
  const slots = 2 * (index.mask + 1);
  const mask = slots - 1;
  const table = new Int32Array(2 * slots);
  for (let k = 0; k < old.length; k += 2) {
    const p = old[k + 1] ?? 0;
    if (p === 0) continue;
    const h = old[k] ?? 0;
    let s = h & mask;
    while ((table[2 * s + 1] ?? 0) !== 0) s = (s + 1) & mask;
    table[2 * s] = h;
    table[2 * s + 1] = p;
  }
  index.table = table;
  index.mask = mask;
}

/** A copy of `index` over `entries` (a copy of the entries it was built over): the copy's table is its own. */
export function idCopy(index: IdIndex, entries: readonly { readonly transactionId: string }[]): IdIndex {
  return { table: index.table.slice(), mask: index.mask, size: index.size, entries };
}

/**
 * A new index over `entries` holding the ids of `index` whose old position `newPos` maps to a new
 * one (≥ 0), re-placed by their stored hashes (no id is read again): the index of a snapshot that
 * dropped some of its entries. `count` is the number of positions kept.
 */
export function idRemap(
  index: IdIndex,
  newPos: readonly number[],
  entries: readonly { readonly transactionId: string }[],
  count: number,
): IdIndex {
  const out = idIndex(entries, count + 1);
  const { table, mask } = out;
  const old = index.table;
  for (let k = 0; k < old.length; k += 2) {
    const p = old[k + 1] ?? 0;
    if (p === 0) continue;
    const q = newPos[p - 1] ?? -1;
    if (q < 0) continue;
    const h = old[k] ?? 0;
    let s = h & mask;
    while ((table[2 * s + 1] ?? 0) !== 0) s = (s + 1) & mask;
    table[2 * s] = h;
    table[2 * s + 1] = q + 1;
  }
  out.size = count;
  return out;
}
