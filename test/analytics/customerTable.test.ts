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
  expect(customerNumber(table, b, [0], "test")).toBe(0);
  expect(knownCustomer(table, a)).toBe(-1);
  expect(customerNumber(table, a, [1], "test")).toBe(1);
  expect(customerNumber(table, b, [2], "test")).toBe(0);
  expect([knownCustomer(table, a), knownCustomer(table, b)]).toEqual([1, 0]);
  // Many more ids, so that the slots are doubled a few times with the pair in them.
  for (let i = 0; i < 5000; i++) customerNumber(table, `m${i}`, [i], "test");
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
