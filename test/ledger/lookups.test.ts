// findEntry, unconsumedPoints, reversiblePoints, sweepExpired, openAccount: the helpers refunds and sweeps use.
import { describe, expect, it } from "vitest";
import {
  findEntry,
  openAccount,
  type OperationError,
  reversiblePoints,
  sweepExpired,
  unconsumedPoints,
  balance,
  LoyaltyValidationError,
} from "../../src/index.js";
import { day, ledger, thrown } from "./_helpers.js";

describe("findEntry, unconsumedPoints and reversiblePoints", () => {
  const account = ledger([
    { kind: "earn", transactionId: "sale-1", at: day(1), points: "80", meta: { spend: "80.00" } },
    { kind: "redeem", transactionId: "sale-2", at: day(2), points: "50" },
    { kind: "reverse", transactionId: "refund-2", at: day(3), reverses: "sale-2", points: "20" },
    { kind: "hold", transactionId: "h", at: day(4), points: "1" },
  ]);

  it("finds an entry by its transactionId", () => {
    expect(findEntry(account, "sale-1")).toEqual({
      kind: "earn",
      transactionId: "sale-1",
      at: day(1),
      points: "80",
      meta: { spend: "80.00" },
    });
    expect(findEntry(account, "nope")).toBeUndefined();
  });

  it("says how much of an earn is still in its lot", () => {
    // 80 earned, 50 spent, 20 of the spend given back, 1 held → 49.
    expect(unconsumedPoints(account, "sale-1")).toBe("49");
    expect((thrown(() => unconsumedPoints(account, "sale-2")) as OperationError).code).toBe("NOT_FOUND");
  });

  it("says how much of an entry can still be reversed", () => {
    expect(reversiblePoints(account, "sale-1")).toBe("80");
    expect(reversiblePoints(account, "sale-2")).toBe("30");
    expect(reversiblePoints(account, "h")).toBe("0");
    expect((thrown(() => reversiblePoints(account, "nope")) as OperationError).code).toBe("NOT_FOUND");
  });
});

describe("sweepExpired", () => {
  it("records lapsed lots as expired and is idempotent on its transactionId", () => {
    const account = ledger([
      { kind: "earn", transactionId: "jan", at: day(1), points: "30", expiresAt: day(31, "23:59:59") },
      { kind: "earn", transactionId: "keep", at: day(2), points: "5" },
    ]);
    const swept = sweepExpired(account, { at: "2026-02-01T00:00:00Z", transactionId: "sweep-2026-02-01" });
    expect(swept.status).toBe("applied");
    expect(swept.account.lots[0]).toMatchObject({ remaining: "0", expired: "30" });
    expect(balance(swept.account, { at: "2026-02-01T00:00:00Z" })).toBe("5");
    expect(
      sweepExpired(swept.account, { at: "2026-02-01T00:00:00Z", transactionId: "sweep-2026-02-01", expectedVersion: 2 })
        .status,
    ).toBe("duplicate");
  });
});

describe("openAccount", () => {
  it("opens an empty account at version 0 with whole points and no negative balance by default", () => {
    expect(openAccount({ accountId: "card-0042" })).toEqual({
      accountId: "card-0042",
      scale: 0,
      negativeLimit: "0",
      retainDays: 90, // the default idempotency window (DEFAULT_RETAIN_DAYS)
      version: 0,
      entries: [],
      lots: [],
      holds: [],
      debits: [],
      deficit: "0",
      checkpoint: { version: 0, balance: "0" },
    });
  });

  it("rejects an unknown currency", () => {
    expect(() => openAccount({ accountId: "a", currency: "XYZ" })).toThrow(
      /currency: expected an active ISO 4217 currency code such as "EUR", got "XYZ"/,
    );
    expect(openAccount({ accountId: "a", currency: "IDR" }).currency).toBe("IDR");
  });

  it("rejects bad settings with the path", () => {
    const e = thrown(() => openAccount({ accountId: "a", currency: "eur", extra: 1 } as never));
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect((e as LoyaltyValidationError).issues.map((i) => i.path.join("."))).toEqual(["currency", ""]);
  });
});
