// The seeded holdout draw. A pure hash (FNV-1a 32-bit, public domain: Fowler, Noll, Vo) of the seed
// and the customer id, mixed with the murmur3 finalizer, gives each customer a fixed number in
// [0, 1): the same seed puts the same customers in the holdout whatever the order or size of the
// list, and no global random state (Math.random) is read.

/** A number in [0, 1) fixed by `seed` and `id`. */
export function holdoutDraw(seed: string, id: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}
