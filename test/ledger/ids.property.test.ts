// The transactionId index is filled in batches (idAddAll buckets the ids by slot before inserting):
// the whole ledger on a replay or before a post, then the entries being posted. Every batch must
// report the first repeated id exactly as adding the ids one by one to a Set would, and the index
// must then find every id at its first position, including after growing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IdIndex, idAddAll, idCarry, idGet, idIndex } from "../../src/ledger/_lib/ids.js";

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

// Mostly new ids (a refused post ends nothing here but its own step), some short ones: repeats, and
// ids posted again after their entries were dropped.
const newId = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", "7", "é", "x"), minLength: 5, maxLength: 9 }) },
  { weight: 1, arbitrary: id },
);

describe("idCarry", () => {
  // A chain of carried indexes, as posts make them: each shares the table of the one before, maps its
  // positions when entries were dropped, adds a few ids on top and folds them in once there are many.
  // Each step is made twice from the same index (a snapshot posted onto twice: two branches of
  // history), and both must report the same repeat. Every index of the chain must still find exactly
  // its own entries' ids after the later ones (and the branches) were added to.
  it("finds each index's own ids, however many carried indexes share its table", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ drop: fc.array(fc.boolean(), { maxLength: 40 }), add: fc.array(newId, { maxLength: 6 }) }),
          {
            maxLength: 40,
          },
        ),
        (steps) => {
          let entries: { transactionId: string }[] = [];
          let index = idIndex(entries, 0);
          const chain: { index: IdIndex; ids: string[] }[] = [];
          for (const { drop, add } of steps) {
            const seen = new Set(entries.filter((_, pos) => drop[pos] !== true).map((e) => e.transactionId));
            const expected = add.findIndex((x) => {
              if (seen.has(x)) return true;
              seen.add(x);
              return false;
            });
            // Carried: some entries dropped (the rest renumbered), then the new ids added and their entries appended.
            const carry = (): { carried: IdIndex; kept: { transactionId: string }[] } => {
              const newPos: number[] = [];
              const kept = entries.filter((_, pos) => {
                const keep = drop[pos] !== true;
                newPos.push(keep ? newPos.filter((p) => p >= 0).length : -1);
                return keep;
              });
              const carried = drop.some((d) => d) ? idCarry(index, kept, newPos) : idCarry(index, kept);
              const items = add.map((transactionId) => ({ transactionId }));
              expect(idAddAll(carried, items)).toBe(expected);
              kept.push(...items);
              return { carried, kept };
            };
            carry(); // a branch of history, dropped
            const { carried, kept } = carry();
            if (expected >= 0) continue; // a post with a repeated id is refused: the chain goes on from `index`
            entries = kept;
            index = carried;
            chain.push({ index, ids: entries.map((e) => e.transactionId) });
          }
          for (const { index: at, ids } of chain) {
            ids.forEach((x, pos) => expect(idGet(at, x)).toBe(pos));
            expect(idGet(at, "zz-not-there")).toBe(-1);
            for (const x of steps.flatMap((s) => s.add)) if (!ids.includes(x)) expect(idGet(at, x)).toBe(-1);
          }
        },
      ),
    );
  });
});
