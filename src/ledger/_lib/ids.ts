// transactionId → position of its entry. Replay looks every id up once (to reject a repeated id) and
// some a second time (reverse, capture, release name earlier entries); with a million entries a Map
// spent ~0.5 s of a 2.9 s replay in chained-bucket lookups that each touch several scattered objects.
// This is open addressing over one Int32Array of (hash, key + 1) pairs kept at most half full,
// so a lookup usually reads one cache line; ids are compared (with the entry at that position) only
// on a full hash match.
//
// A post carries the index of its snapshot's working state to the next post (see carryState) and
// adds an id or two. Copying the table for that (or re-placing every id when the snapshot dropped
// entries) cost a post on a long-lived account ~2 µs more than one on a fresh account, mostly in
// allocating the typed array. So a carried index shares the table it came from, never writing to it:
// the table's keys are the positions it was filled with, mapped to today's by `moved` when entries
// were dropped since, and the ids added since sit in a short list beside it. Once that list is longer
// than {@link ON_TOP}, the index is folded into a table of its own (every post adds an id, so the
// shared table is rebuilt every few posts and never holds many dropped ids).

export interface IdIndex {
  /** Pairs (hash, key + 1); key + 1 = 0 marks an empty slot. Shared with other indexes (and then never written) when `shared`. */
  table: Int32Array;
  /** Slot count − 1 (slot count is a power of two). */
  mask: number;
  /** Ids added so far: the next position. */
  size: number;
  /** The entries by position, whose transactionIds the index holds (an entry is added to it after its id). */
  readonly entries: readonly { readonly transactionId: string }[];
  /** Whether `table` is shared: ids are then added to `added`, not to the table. */
  shared: boolean;
  /** By table key: the entry's position now (-1: dropped); undefined when the keys are the positions. */
  moved: readonly number[] | undefined;
  /** Pairs (hash, position) of the ids added on top of a shared table, in the order added. */
  added: number[];
}

/** How many ids a shared table takes on top before the index folds them into a table of its own. */
const ON_TOP = 16;

export function idIndex(entries: readonly { readonly transactionId: string }[], expected: number): IdIndex {
  let slots = 16;
  while (slots < 2 * expected) slots *= 2;
  return {
    table: new Int32Array(2 * slots),
    mask: slots - 1,
    size: 0,
    entries,
    shared: false,
    moved: undefined,
    added: [],
  };
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
  return find(index, id, hashOf(id), NO_ITEMS, Number.POSITIVE_INFINITY);
}

type Ids = readonly { readonly transactionId: string }[];
const NO_ITEMS: Ids = [];

/** The id at `pos`: one of the index's entries before `base`, from `base` on one of `items` (being added, not yet among the entries). */
function idAt(index: IdIndex, items: Ids, base: number, pos: number): string | undefined {
  return (pos < base ? index.entries[pos] : items[pos - base])?.transactionId;
}

/** The position of `id` (hash `h`) in the index, or -1; positions from `base` on are those of `items` (see {@link idAt}). */
function find(index: IdIndex, id: string, h: number, items: Ids, base: number): number {
  const { added } = index;
  for (let k = 0; k < added.length; k += 2) {
    const pos = added[k + 1] as number; // k + 1 < length: pairs
    if (added[k] === h && idAt(index, items, base, pos) === id) return pos;
  }
  const { table, mask, moved } = index;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const p = table[2 * s + 1] ?? 0; // 2s + 1 < table.length: present
    if (p === 0) return -1;
    if (table[2 * s] !== h) continue;
    const pos = moved === undefined ? p - 1 : (moved[p - 1] ?? -1);
    if (pos >= 0 && idAt(index, items, base, pos) === id) return pos;
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
  if (index.shared) {
    if (index.added.length / 2 + n <= ON_TOP) return addOnTop(index, items);
    fold(index, n);
  }
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
      if (table[2 * s] === h && idAt(index, items, base, p - 1) === items[i]?.transactionId) {
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
      if (table[2 * s] === h && idAt(index, items, base, p - 1) === id) {
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

/** Adds the ids of `items` to the list beside a shared table, as {@link idAddAll} adds them. */
function addOnTop(index: IdIndex, items: Ids): number {
  const base = index.size;
  let repeat = -1;
  for (let i = 0; i < items.length; i++) {
    const id = items[i]?.transactionId ?? "";
    const h = hashOf(id);
    if (find(index, id, h, items, base) >= 0) {
      if (repeat < 0) repeat = i;
    } else index.added.push(h, base + i);
  }
  index.size = base + items.length;
  return repeat;
}

/**
 * Gives the index a table of its own holding its ids (the shared table's kept ones at their positions
 * now, then those added on top), with room for `more`: re-placed by their stored hashes, no id read again.
 */
function fold(index: IdIndex, more: number): void {
  const own = idIndex(index.entries, index.size + more);
  const { table, mask } = own;
  const place = (h: number, pos: number): void => {
    let s = h & mask;
    while ((table[2 * s + 1] ?? 0) !== 0) s = (s + 1) & mask;
    table[2 * s] = h;
    table[2 * s + 1] = pos + 1;
  };
  const { table: old, moved, added } = index;
  for (let k = 0; k < old.length; k += 2) {
    const p = old[k + 1] ?? 0;
    if (p === 0) continue;
    const pos = moved === undefined ? p - 1 : (moved[p - 1] ?? -1);
    if (pos >= 0) place(old[k] ?? 0, pos);
  }
  for (let k = 0; k < added.length; k += 2) place(added[k] as number, added[k + 1] as number);
  index.table = table;
  index.mask = mask;
  index.shared = false;
  index.moved = undefined;
  index.added = [];
}

/**
 * The index of a carried state, over `entries`, sharing `index`'s table (which is never written
 * again): `newPos` maps each position of `index` to its position in `entries` (-1: dropped), or is
 * undefined when the entries are the same. `index` itself must not be added to afterwards.
 */
export function idCarry(
  index: IdIndex,
  entries: readonly { readonly transactionId: string }[],
  newPos?: readonly number[],
): IdIndex {
  const { moved, added } = index;
  if (newPos === undefined)
    return {
      table: index.table,
      mask: index.mask,
      size: index.size,
      entries,
      shared: true,
      moved,
      added: added.slice(),
    };
  const kept: number[] = [];
  for (let k = 0; k < added.length; k += 2) {
    const pos = newPos[added[k + 1] as number] ?? -1;
    if (pos >= 0) kept.push(added[k] as number, pos);
  }
  let size = 0;
  for (const pos of newPos) if (pos >= 0) size++;
  return {
    table: index.table,
    mask: index.mask,
    size,
    entries,
    shared: true,
    // The table's keys were positions of `index` (no `moved`), or are mapped to them by `moved`.
    moved: moved === undefined ? newPos : moved.map((pos) => (pos < 0 ? -1 : (newPos[pos] ?? -1))),
    added: kept,
  };
}
