// Upgrading a program account stored by 0.2: the fixture was made with the 0.2 checkout and refund
// (test/programs/fixtures/make-program-account-0.2.mjs): 40 sales five days apart from 2026-01-02
// (two coffees at 3.40 and a cake at 4.10: 10.90 a sale), every sixth paying with points, and six
// cake refunds an hour after their sale.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  accumulatedSpend,
  balance,
  checkout,
  parseProgram,
  parseProgramAccount,
  quote,
  refund,
  safeParseProgramAccount,
  upgradeProgramAccount,
  type CheckoutRecord,
} from "../../src/index.js";

const fixture = JSON.parse(readFileSync(new URL("./fixtures/program-account-0.2.json", import.meta.url), "utf8")) as {
  program: unknown;
  account: { purchases: { record: CheckoutRecord }[]; refunds: unknown[]; version: number };
};
const program = parseProgram(fixture.program);
const stored = fixture.account;
const next = {
  id: "b-next",
  at: "2026-07-20T09:00:00Z",
  lines: [{ id: "1", sku: "COFFEE", quantity: 2, unitPrice: { amount: "3.40", currency: "EUR" } }],
};

describe("upgradeProgramAccount", () => {
  it("returns the bounded account and every record the stored one held", () => {
    const { account, history } = upgradeProgramAccount(program, stored);
    expect(history.checkouts).toHaveLength(40);
    expect(history.refunds).toHaveLength(6);
    expect(history.checkouts).toEqual(stored.purchases.map((p) => p.record));
    expect(account.version).toBe(stored.version);
    // the last sale was on 2026-01-02 + 39 × 5 days = 2026-07-16: 90 days keep 19 sales (from 2026-04-22 on)
    expect(account.sales.map((s) => s.transactionId)).toEqual(Array.from({ length: 19 }, (_, i) => `sale-${21 + i}`));
    expect(JSON.stringify(account).length).toBeLessThan(JSON.stringify(stored).length / 3);
    expect(parseProgramAccount(JSON.parse(JSON.stringify(account)))).toEqual(account);
  });

  it("answers the next checkout, a retry and refunds as the stored account did", () => {
    const { account } = upgradeProgramAccount(program, stored);
    // What 0.2 itself quoted for this basket on the stored account (saved with the fixture).
    const quoted = JSON.parse(
      readFileSync(new URL("./fixtures/program-account-0.2.next-quote.json", import.meta.url), "utf8"),
    ) as unknown;
    const a = quote(program, account, next, { consent: true });
    expect(a).toEqual(quoted);
    // and a bounded account that keeps everything gives the same answers as the bounded one
    const { account: all } = upgradeProgramAccount(program, stored, { retainDays: 36_500 });
    expect(all.sales).toHaveLength(40);
    const b = quote(program, all, next, { consent: true });
    expect(a).toEqual(b);
    expect(accumulatedSpend(program, account, { at: next.at })).toEqual(
      accumulatedSpend(program, all, { at: next.at }),
    );
    // a retry of a kept sale is a duplicate; of one that left, with its stored record, too
    const kept = stored.purchases[39]?.record as CheckoutRecord;
    const basketOf = (k: number, r: CheckoutRecord) => ({
      id: r.basketId,
      at: r.at,
      storeId: k % 2 === 0 ? "berlin-mitte" : "berlin-kreuzberg",
      lines: [
        { id: "1", sku: "COFFEE", quantity: 2, unitPrice: { amount: "3.40", currency: "EUR" } },
        { id: "2", sku: "CAKE", quantity: 1, unitPrice: { amount: "4.10", currency: "EUR" } },
      ],
    });
    expect(checkout(program, account, basketOf(39, kept), { transactionId: "sale-39", consent: true }).status).toBe(
      "duplicate",
    );
    const old = stored.purchases[2]?.record as CheckoutRecord;
    const retry = checkout(program, account, basketOf(2, old), { transactionId: "sale-2", consent: true, record: old });
    expect(retry.status).toBe("duplicate");
    expect(retry.account).toBe(account);
    // a refund of an old sale from its record gives what the full account gives
    const options = { at: "2026-07-20T10:00:00Z", transactionId: "r-old", lines: [{ id: "1", quantity: 1 }] };
    const x = refund(program, account, "sale-30", options);
    const y = refund(program, all, "sale-30", options);
    const { account: _x, ...rx } = x;
    const { account: _y, ...ry } = y;
    expect(rx).toEqual(ry);
    expect(balance(x.account.points, { at: options.at })).toBe(balance(y.account.points, { at: options.at }));
  });

  it("is what parseProgramAccount points to for a 0.2 account", () => {
    expect(() => parseProgramAccount(stored)).toThrow(/upgradeProgramAccount\(program, stored\)/);
    const r = safeParseProgramAccount(stored);
    expect(r.success).toBe(false);
  });

  it("refuses an account of another program and an edited one", () => {
    const other = parseProgram({ ...(fixture.program as object), id: "other" });
    expect(() => upgradeProgramAccount(other, stored)).toThrow(/expected an account of program "other"/);
    const edited = { ...stored, purchases: [{ request: "{}", record: { transactionId: "x" } }] };
    expect(() => upgradeProgramAccount(program, edited)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});
