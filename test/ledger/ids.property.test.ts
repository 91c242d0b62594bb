// The transactionId index is filled two ways: one id at a time as entries are posted (idAdd), and
// all at once before a replay (idAddAll, which sorts by slot first). Both must report the same first
// repeated id and answer every lookup the same, including after growing and when a batch follows
// ids added one at a time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idAdd, idAddAll, idGet, idIndex } from "../../src/ledger/_lib/ids.js";

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
  it("finds the first repeated id and indexes the rest like idAdd one at a time", () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.nat({ max: 300 }), fc.nat({ max: 600 }), (ids, split, capacity) => {
        const before = Math.min(split, ids.length);
        const entries = ids.map((transactionId) => ({ transactionId }));
        // One at a time up to the first repeat: what posting does.
        const one = idIndex(entries, capacity);
        let oneRepeat = -1;
        for (let i = 0; i < ids.length; i++) {
          if (idAdd(one, ids[i] as string) < 0) {
            oneRepeat = i;
            break;
          }
        }
        // The first `before` ids one at a time (they must not repeat), then the rest in one batch.
        const head = firstRepeat(ids.slice(0, before));
        fc.pre(head < 0);
        const bulk = idIndex(entries, capacity);
        for (let i = 0; i < before; i++) idAdd(bulk, ids[i] as string);
        const repeat = idAddAll(bulk, entries.slice(before));
        const expected = firstRepeat(ids, before);
        expect(oneRepeat).toBe(firstRepeat(ids));
        expect(repeat < 0 ? -1 : repeat + before).toBe(expected);
        expect(bulk.size).toBe(ids.length);
        // Every id before the first repeat is found at its first position; an unknown id is not.
        const upTo = expected < 0 ? ids.length : expected;
        for (let i = 0; i < upTo; i++) expect(idGet(bulk, ids[i] as string)).toBe(ids.indexOf(ids[i] as string));
        expect(idGet(bulk, "zz-not-there")).toBe(-1);
      }),
    );
  });

  it("sorts on every bit of large tables (two radix passes) without losing an id", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `tx-${(i * 7919) % 5000}`);
    ids.push("tx-42");
    const entries = ids.map((transactionId) => ({ transactionId }));
    const index = idIndex(entries, ids.length);
    expect(index.mask + 1).toBeGreaterThan(2048);
    expect(idAddAll(index, entries)).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(idGet(index, ids[i] as string)).toBe(i);
  });
});
