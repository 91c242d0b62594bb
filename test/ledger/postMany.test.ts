import { describe, expect, it } from "vitest";
import {
  IdempotencyConflictError,
  InsufficientPointsError,
  LoyaltyValidationError,
  postMany,
  VersionConflictError,
  balance,
} from "../../src/index.js";
import { day, ledger, thrown } from "./_helpers.js";

describe("postMany: a checkout's entries as one atomic batch", () => {
  const account = ledger([{ kind: "earn", transactionId: "s1", at: day(1), points: "100" }]);
  const checkout = [
    { kind: "redeem", transactionId: "s2:redeem", at: day(2), points: "60" },
    { kind: "earn", transactionId: "s2:earn", at: day(2), points: "15", meta: { spend: "40.00" } },
  ] as const;

  it("applies every entry and bumps the version once per entry", () => {
    const r = postMany(account, checkout, { expectedVersion: 1 });
    expect(r.status).toBe("applied");
    expect(r.account.version).toBe(3);
    expect(r.results).toEqual([
      { transactionId: "s2:redeem", status: "applied" },
      { transactionId: "s2:earn", status: "applied" },
    ]);
    expect(balance(r.account, { at: day(3) })).toBe("55");
  });

  it("reports a retried batch as a duplicate as a whole, even with the version read before", () => {
    const once = postMany(account, checkout, { expectedVersion: 1 }).account;
    const again = postMany(once, checkout, { expectedVersion: 1 });
    expect(again.status).toBe("duplicate");
    expect(again.account).toBe(once);
    expect(again.results.map((x) => x.status)).toEqual(["duplicate", "duplicate"]);
  });

  it("applies nothing when one entry fails, and says which one", () => {
    const bad = [checkout[0], { kind: "redeem", transactionId: "s2:extra", at: day(2), points: "41" }] as const;
    const e = thrown(() => postMany(account, bad));
    expect(e).toBeInstanceOf(InsufficientPointsError);
    expect((e as InsufficientPointsError).details).toEqual({ requested: "41", available: "40" });
    const v = thrown(() =>
      postMany(account, [checkout[0], { kind: "earn", transactionId: "x", at: day(2), points: "-1" }]),
    );
    expect(v).toBeInstanceOf(LoyaltyValidationError);
    expect((v as LoyaltyValidationError).issues[0]?.path).toEqual([1, "points"]);
    expect(account.version).toBe(1);
  });

  it("checks the version once, against the account before the batch", () => {
    expect(() => postMany(account, checkout, { expectedVersion: 0 })).toThrow(VersionConflictError);
  });

  it("treats a repeated id inside the batch as a duplicate, or a conflict when the payload differs", () => {
    const r = postMany(account, [checkout[0], checkout[0]]);
    expect(r.results.map((x) => x.status)).toEqual(["applied", "duplicate"]);
    expect(r.account.version).toBe(2);
    expect(() => postMany(account, [checkout[0], { ...checkout[0], points: "61" }])).toThrow(IdempotencyConflictError);
  });

  it("applies only the new entries of a partly posted batch", () => {
    const half = postMany(account, [checkout[0]]).account;
    const r = postMany(half, checkout);
    expect(r.results.map((x) => x.status)).toEqual(["duplicate", "applied"]);
    expect(r.account.version).toBe(3);
  });

  it("rejects a non-array", () => {
    expect(() => postMany(account, {} as never)).toThrow(/expected an array of entries/);
  });
});
