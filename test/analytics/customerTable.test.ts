// The table that numbers customer ids on the object path: string ids live in a hash table of our own
// (hash and number per slot, linear probing), which must tell apart ids whose hashes are equal.
import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import {
  customerNumber,
  customerOrder,
  customers,
  knownCustomer,
  stringHash,
} from "../../src/analytics/_lib/purchases.js";
import { totalsAccumulator } from "../../src/index.js";

it("ids whose hashes are equal are two customers", () => {
  // Seed 0, so that a pair of ids with equal 32-bit hashes can be found (a birthday search).
  const table = { ...customers(), seed: 0 };
  const seen = new Map<number, string>();
  let pair: [string, string] | undefined;
  for (let i = 0; pair === undefined; i++) {
    const id = `k${i}`;
    const h = stringHash(id, 0);
    const other = seen.get(h);
    if (other === undefined) seen.set(h, id);
    else pair = [other, id];
  }
  const [a, b] = pair;
  expect(stringHash(a, 0)).toBe(stringHash(b, 0));
  expect(knownCustomer(table, a)).toBe(-1);
  expect(customerNumber(table, b)).toBe(0);
  expect(knownCustomer(table, a)).toBe(-1);
  expect(customerNumber(table, a)).toBe(1);
  expect(customerNumber(table, b)).toBe(0);
  expect([knownCustomer(table, a), knownCustomer(table, b)]).toEqual([1, 0]);
  // Many more ids, so that the slots are doubled a few times with the pair in them.
  for (let i = 0; i < 5000; i++) customerNumber(table, `m${i}`);
  expect([knownCustomer(table, a), knownCustomer(table, b), knownCustomer(table, "m4999")]).toEqual([1, 0, 5001]);
  const order = Array.from(customerOrder(table), (c) => table.keys[c]);
  expect(order).toEqual([...table.keys].sort());
});

// Enough distinct string ids for the table to grow (from 1,024 slots, at most half full) once or
// twice, each id repeated, in any order: every id is one customer with its own total. (It runs in
// the property project: 1,000 runs, 100,000 under DEEP=1.)
test.prop([
  fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 600, maxLength: 1600 }),
  fc.array(fc.nat(), { minLength: 1, maxLength: 2000 }),
])("string ids are found again however many there are", (ids, picks) => {
  const txs = [...ids, ...picks.map((p) => ids[p % ids.length] as string)].map((customerId, i) => ({
    customerId,
    value: i % 7,
  }));
  const totals = new Map<string, number>();
  for (const t of txs) totals.set(t.customerId, (totals.get(t.customerId) ?? 0) + t.value);
  const acc = totalsAccumulator();
  for (const t of txs) acc.add(t);
  const expected = [...totals]
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([customerId, total]) => ({ customerId, total }));
  expect(acc.result()).toEqual(expected);
});

// customerOrder sorts the string ids by packing their code units into numbers (a radix sort), not by
// comparing strings: it must give exactly the order of the engine's default sort (code units, as `<`
// compares) with the numbers first, ascending. Ids are drawn from a few shapes that test the packing:
// any UTF-16 code units (lone surrogates included), a small alphabet (many ids equal in their first
// code units, and ids that are prefixes of others), and ids with a long common start.
const stringId = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 6 }),
  fc.string({ unit: fc.constantFrom("a", "b", "\u0000", "\uffff"), minLength: 1, maxLength: 12 }),
  fc
    .tuple(fc.constantFrom("", "customer-", "x".repeat(300)), fc.nat({ max: 100_000 }))
    .map(([start, n]) => `${start}${n}`),
);
test.prop([
  fc.array(fc.oneof(stringId, fc.integer({ min: -1000, max: 1000 }), fc.integer()), { maxLength: 300 }),
  fc.integer(),
])("customerOrder orders ids as the default sort does, numbers first", (ids, seed) => {
  const table = { ...customers(), seed };
  for (const id of ids) customerNumber(table, id);
  const numbers = table.keys.filter((id) => typeof id === "number").sort((a, b) => a - b);
  const strings = table.keys.filter((id) => typeof id === "string").sort();
  expect(Array.from(customerOrder(table), (c) => table.keys[c])).toEqual([...numbers, ...strings]);
});
