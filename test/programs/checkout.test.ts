import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  IdempotencyConflictError,
  openProgramAccount,
  parseProgramAccount,
  post,
  VersionConflictError,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, discount10, eur } from "./_fixtures.js";

function withPoints(points: string): ProgramAccount {
  const account = openProgramAccount(bonus, { customerId: "olga", consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

const sale = basket("2026-03-01T10:00:00Z", [{ price: "20.00" }, { price: "15.70" }]);

describe("checkout", () => {
  it("posts a redeem and an earn, records the purchase and bumps the version", () => {
    const r = checkout(bonus, withPoints("500"), sale, { transactionId: "sale-1", consent: true, redeemPoints: 500 });
    expect(r.status).toBe("applied");
    expect(r.pointsMoney).toEqual(eur("5.00"));
    expect(r.total).toEqual(eur("30.70"));
    expect(r.pointsEarned).toBe("30");
    expect(r.entries.map((e) => [e.kind, e.transactionId])).toEqual([
      ["redeem", "sale-1:redeem"],
      ["earn", "sale-1:earn"],
    ]);
    expect(r.account.version).toBe(1);
    expect(r.account.sales.map((s) => [s.transactionId, s.spend, s.pointsEarned, s.pointsRedeemed])).toEqual([
      ["sale-1", "35.70", "30", "500"],
    ]);
    expect(balance(r.account.points, { at: "2026-03-02T00:00:00Z" })).toBe("30");
  });

  it("returns a retry as a duplicate with the original result, even after later purchases", () => {
    const first = checkout(bonus, withPoints("500"), sale, {
      transactionId: "sale-1",
      consent: true,
      redeemPoints: 500,
    });
    const later = checkout(bonus, first.account, basket("2026-03-02T10:00:00Z", [{ price: "9.00" }]), {
      transactionId: "sale-2",
      consent: true,
    });
    const retry = checkout(bonus, later.account, sale, { transactionId: "sale-1", consent: true, redeemPoints: 500 });
    expect(retry.status).toBe("duplicate");
    expect(retry.account).toBe(later.account);
    const { status: _a, account: _b, explain: _e, ...original } = first;
    const { status: _c, account: _d, explain, ...again } = retry;
    expect(again).toEqual(original);
    expect(explain).toEqual([
      {
        rule: "duplicate",
        applied: true,
        reason: 'a retry of checkout "sale-1": the figures it applied (its explanation texts are not kept)',
      },
    ]);
  });

  it("rejects a different basket under the same transactionId", () => {
    const first = checkout(discount10, openProgramAccount(discount10), sale, { transactionId: "sale-1" });
    const other = basket("2026-03-01T10:00:00Z", [{ price: "20.00" }]);
    expect(() => checkout(discount10, first.account, other, { transactionId: "sale-1" })).toThrow(
      IdempotencyConflictError,
    );
  });

  it("rejects a stale expectedVersion but still answers a retry", () => {
    const first = checkout(discount10, openProgramAccount(discount10), sale, {
      transactionId: "sale-1",
      expectedVersion: 0,
    });
    expect(() =>
      checkout(discount10, first.account, basket("2026-03-02T10:00:00Z", [{ price: "1.00" }]), {
        transactionId: "sale-2",
        expectedVersion: 0,
      }),
    ).toThrow(VersionConflictError);
    expect(checkout(discount10, first.account, sale, { transactionId: "sale-1", expectedVersion: 0 }).status).toBe(
      "duplicate",
    );
  });

  it("rejects a purchase earlier than the account's last transaction that redeems (a late sale can only earn)", () => {
    const first = checkout(bonus, openProgramAccount(bonus, { customerId: "c", consent: true }), sale, {
      transactionId: "sale-1",
      consent: true,
    });
    expect(() =>
      checkout(bonus, first.account, basket("2026-02-01T10:00:00Z", [{ price: "1.00" }]), {
        transactionId: "sale-0",
        consent: true,
        redeemPoints: "1",
      }),
    ).toThrow(expect.objectContaining({ code: "LATE_ENTRY_CONFLICT" }));
  });

  it("rejects a basket in another currency with CurrencyMismatchError", () => {
    const usd = {
      id: "b",
      at: "2026-03-01T10:00:00Z",
      lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: { amount: "1.00", currency: "USD" } }],
    };
    expect(() => checkout(discount10, openProgramAccount(discount10), usd, { transactionId: "t" })).toThrow(
      expect.objectContaining({ code: "CURRENCY_MISMATCH" }),
    );
  });

  it("rejects an account of another program", () => {
    expect(() => checkout(discount10, withPoints("1"), sale, { transactionId: "t" })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });

  it("validates a raw basket itself", () => {
    const raw = {
      id: "b",
      at: "2026-03-01T10:00:00Z",
      lines: [{ id: "1", sku: "A", quantity: -1, unitPrice: { amount: "1.00", currency: "EUR" } }],
    };
    expect(() => checkout(discount10, openProgramAccount(discount10), raw, { transactionId: "t" })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });

  it("produces an account that survives a JSON round trip through parseProgramAccount", () => {
    const r = checkout(bonus, withPoints("500"), sale, { transactionId: "sale-1", consent: true, redeemPoints: "max" });
    const copy = parseProgramAccount(JSON.parse(JSON.stringify(r.account)));
    expect(copy).toEqual(r.account);
    // and the copy still knows the purchase: a retry is a duplicate
    expect(checkout(bonus, copy, sale, { transactionId: "sale-1", consent: true, redeemPoints: "max" }).status).toBe(
      "duplicate",
    );
  });

  it("prices quantities by weight: 0.350 kg at 12.99 is 4.55 (4.5465 half-even)", () => {
    const r = checkout(
      discount10,
      openProgramAccount(discount10),
      basket("2026-03-01T10:00:00Z", [{ quantity: "0.350", price: "12.99" }]),
      { transactionId: "t" },
    );
    expect(r.gross).toEqual(eur("4.55"));
    expect(r.discountTotal).toEqual(eur("0.46")); // 0.455 → 0.46 half-even (6 is even)
  });
});
