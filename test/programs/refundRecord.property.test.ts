// Refunding from the stored checkout record gives exactly what refunding the held sale gives, for
// any basket, with or without points paid, and any partial refund; an edited money figure is always
// refused. Program: 1 point per 1.00 paid, points worth 0.01, at most 50% paid in points (the
// rules of the `bonus` program in _fixtures.ts).
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";

import {
  checkout,
  openProgramAccount,
  parseBasket,
  parseProgram,
  post,
  refund,
  type CheckoutRecord,
} from "../../src/index.js";

// A run costs a checkout and two refunds: 1,000 runs take about 1.3 s on the 2-core machine at
// load 4; DEEP=1 runs the project's 100,000.
const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };

const program = parseProgram({
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
const opened = (() => {
  const a = openProgramAccount(program, { customerId: "c", consent: true });
  return {
    ...a,
    points: post(a.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points: "5000" })
      .account,
  };
})();

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 4 }),
  cents: fc.integer({ min: 0, max: 20000 }),
  kind: fc.constantFrom("merchandise" as const, "merchandise" as const, "delivery" as const),
});

test.prop(
  [
    fc.array(lineArb, { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.nat(),
    fc.constantFrom("net", "gross", "discount", "pointsMoney"),
  ],
  runs,
)(
  "a refund from the stored record equals the refund of the held sale; an edited money figure is refused",
  (lines, redeem, pick, field) => {
    const basket = parseBasket({
      id: "b1",
      at: "2026-03-01T10:00:00Z",
      lines: lines.map((l, i) => ({
        id: String(i + 1),
        sku: `S${i}`,
        kind: l.kind,
        quantity: l.quantity,
        unitPrice: { amount: (l.cents / 100).toFixed(2), currency: "EUR" },
      })),
    });
    const sale = checkout(program, opened, basket, {
      transactionId: "s1",
      consent: true,
      ...(redeem ? { redeemPoints: "max" } : {}),
    });
    const { status: _s, account, stock: _k, ...rest } = sale;
    const stored = JSON.parse(JSON.stringify(rest)) as CheckoutRecord;
    const without = { ...account, sales: [] };
    const line = lines[pick % lines.length] as (typeof lines)[number];
    const options = {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: String((pick % lines.length) + 1), quantity: (pick % line.quantity) + 1 }],
    };
    const { account: heldAccount, ...held } = refund(program, account, "s1", options);
    const { account: fromAccount, ...fromRecord } = refund(program, without, "s1", { ...options, record: stored });
    expect(fromRecord).toEqual(held);
    expect(fromAccount.points).toEqual(heldAccount.points);

    const i = pick % stored.lines.length;
    const edited = structuredClone(stored);
    const m = (edited.lines[i] as CheckoutRecord["lines"][number])[field];
    m.amount = (Number(m.amount) + 0.01).toFixed(2);
    expect(() => refund(program, without, "s1", { ...options, record: edited })).toThrow(
      expect.objectContaining({ code: "HISTORY_MISMATCH" }),
    );
  },
);
