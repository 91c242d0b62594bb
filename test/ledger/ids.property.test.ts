// The transactionId index is filled in batches (idAddAll buckets the ids by slot before inserting):
// the whole ledger on a replay or before a post, then the entries being posted. Every batch must
// report the first repeated id exactly as adding the ids one by one to a Set would, and the index
// must then find every id at its first position, including after growing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idAddAll, idGet, idIndex } from "../../src/ledger/_lib/ids.js";

/** The model: the first position whose id occurred before, or -1. */
function firstRepeat(ids: readonly string[], from = 0): number {
  const seen = new Set(ids.slice(0, from));
  for (let i = from; i < ids.length; i++) {
    if (seen.has(ids[i] as string)) return i;
    seen.add(ids[i] as string);
  }
  return -1;
}

// Few distinct characters, so repeats and hash-slot collisions are common.
const id = fc.string({ unit: fc.constantFrom("a", "b", "7", "é"), minLength: 1, maxLength: 4 });

describe("idAddAll", () => {
  it("finds the first repeated id and indexes the rest, in one batch or two", () => {
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 300 }),
        fc.nat({ max: 300 }),
        fc.nat({ max: 600 }),
        (ids, split, capacity) => {
          const before = Math.min(split, ids.length);
          const entries = ids.map((transactionId) => ({ transactionId }));
          // A first batch without repeats (a valid ledger), then the rest in a second batch.
          fc.pre(firstRepeat(ids.slice(0, before)) < 0);
          const index = idIndex(entries, capacity);
          expect(idAddAll(index, entries.slice(0, before))).toBe(-1);
          const repeat = idAddAll(index, entries.slice(before));
          const expected = firstRepeat(ids, before);
          expect(repeat < 0 ? -1 : repeat + before).toBe(expected);
          expect(index.size).toBe(ids.length);
          // Every id before the first repeat is found at its first position; an unknown id is not.
          const upTo = expected < 0 ? ids.length : expected;
          for (let i = 0; i < upTo; i++) expect(idGet(index, ids[i] as string)).toBe(ids.indexOf(ids[i] as string));
          expect(idGet(index, "zz-not-there")).toBe(-1);
        },
      ),
    );
  });

  it("buckets large tables (more slots than buckets) without losing an id", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `tx-${(i * 7919) % 5000}`);
    ids.push("tx-42");
    const entries = ids.map((transactionId) => ({ transactionId }));
    const index = idIndex(entries, ids.length);
    expect(index.mask + 1).toBeGreaterThan(2048);
    expect(idAddAll(index, entries)).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(idGet(index, ids[i] as string)).toBe(i);
  });
});
