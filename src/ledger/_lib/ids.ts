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
 * Adds `id` at the next position and returns that position, or returns -1 (adding nothing) when an
 * entry already there has it. The caller then puts the entry at that position before adding another.
 */
export function idAdd(index: IdIndex, id: string): number {
  const h = hashOf(id);
  const { table, mask, entries } = index;
  let s = h & mask;
  for (;;) {
    const p = table[2 * s + 1] ?? 0; // 2s + 1 < table.length: present
    if (p === 0) break;
    if (table[2 * s] === h && entries[p - 1]?.transactionId === id) return -1;
    s = (s + 1) & mask;
  }
  const position = index.size++;
  table[2 * s] = h;
  table[2 * s + 1] = position + 1;
  if (2 * index.size > mask + 1) grow(index);
  return position;
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
