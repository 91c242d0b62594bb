import { describe, expect, it } from "vitest";
import {
  balance,
  IdempotencyConflictError,
  InsufficientPointsError,
  LoyaltyValidationError,
  openAccount,
  post,
  VersionConflictError,
  type Account,
} from "../../src/index.js";
import { day, ledger, thrown } from "./_helpers.js";

describe("post: earning and redeeming", () => {
  it("credits an earn as a lot named after its transaction", () => {
    const account = ledger([{ kind: "earn", transactionId: "sale-1", at: day(5), points: "120", expiresAt: day(31) }]);
    expect(account.version).toBe(1);
    expect(account.lots).toEqual([
      {
        lotId: "sale-1",
        at: day(5),
        expiresAt: day(31),
        points: "120",
        remaining: "120",
        consumed: "0",
        expired: "0",
        reversed: "0",
        clawedBack: "0",
      },
    ]);
    expect(balance(account, { at: day(6) })).toBe("120");
  });

  it("redeems from the soonest-expiring lot first, then the oldest, and lots without expiry last", () => {
    // Lots: A 10 (no expiry, oldest), B 10 (expires 28th), C 10 (expires 20th), D 10 (expires 20th, newer than C).
    // Redeeming 25 takes C (10), then D (10) — same expiry, older first — then 5 of B; A is untouched.
    const account = ledger([
      { kind: "earn", transactionId: "A", at: day(1), points: "10" },
      { kind: "earn", transactionId: "B", at: day(2), points: "10", expiresAt: day(28) },
      { kind: "earn", transactionId: "C", at: day(3), points: "10", expiresAt: day(20) },
      { kind: "earn", transactionId: "D", at: day(4), points: "10", expiresAt: day(20) },
      { kind: "redeem", transactionId: "R", at: day(5), points: "25" },
    ]);
    expect(account.lots.map((l) => [l.lotId, l.remaining])).toEqual([
      ["A", "10"],
      ["B", "5"],
      ["C", "0"],
      ["D", "0"],
    ]);
    expect(account.debits).toEqual([
      {
        transactionId: "R",
        points: "25",
        lots: [
          { lotId: "C", points: "10" },
          { lotId: "D", points: "10" },
          { lotId: "B", points: "5" },
        ],
        deficit: "0",
        reversed: "0",
      },
    ]);
  });

  it("does not spend a lot that expired before the redeem, even before a sweep", () => {
    const account = ledger([
      { kind: "earn", transactionId: "old", at: day(1), points: "50", expiresAt: day(10) },
      { kind: "earn", transactionId: "new", at: day(2), points: "20" },
    ]);
    const e = thrown(() => post(account, { kind: "redeem", transactionId: "R", at: day(10), points: "30" }));
    expect(e).toBeInstanceOf(InsufficientPointsError);
    expect((e as InsufficientPointsError).details).toEqual({ requested: "30", available: "20" });
  });

  it("rejects redeeming more than the balance and says how much is available", () => {
    const account = ledger([{ kind: "earn", transactionId: "t1", at: day(1), points: "40" }]);
    const e = thrown(() => post(account, { kind: "redeem", transactionId: "t2", at: day(2), points: "41" }));
    expect(e).toBeInstanceOf(InsufficientPointsError);
    expect((e as InsufficientPointsError).code).toBe("INSUFFICIENT_POINTS");
    expect((e as InsufficientPointsError).message).toBe("insufficient points: requested 41, available 40");
  });

  it("lets the balance go down to the negative limit, and the next earn repays it first", () => {
    const account = ledger(
      [
        { kind: "earn", transactionId: "t1", at: day(1), points: "40" },
        { kind: "redeem", transactionId: "t2", at: day(2), points: "100" },
      ],
      { accountId: "vip", negativeLimit: "60" },
    );
    expect(balance(account, { at: day(3) })).toBe("-60");
    expect(account.deficit).toBe("60");
    expect(account.debits[0]).toMatchObject({ lots: [{ lotId: "t1", points: "40" }], deficit: "60" });
    // One more point would pass the limit: spendable is balance (−60) + limit (60) = 0.
    const e = thrown(() => post(account, { kind: "redeem", transactionId: "t3", at: day(3), points: "1" }));
    expect((e as InsufficientPointsError).details).toEqual({ requested: "1", available: "0" });
    const repaid = post(account, {
      kind: "earn",
      transactionId: "t4",
      at: day(4),
      points: "100",
      expiresAt: day(30),
    }).account;
    expect(repaid.deficit).toBe("0");
    expect(repaid.lots[1]).toMatchObject({ lotId: "t4", points: "100", remaining: "40", consumed: "60" });
    expect(balance(repaid, { at: day(5) })).toBe("40");
  });

  it("takes a negative adjust like a redeem and a positive one as a lot; a reason is required", () => {
    const account = ledger([
      { kind: "earn", transactionId: "t1", at: day(1), points: "40" },
      { kind: "adjust", transactionId: "t2", at: day(2), points: "-15", reason: "card used twice" },
      { kind: "adjust", transactionId: "t3", at: day(3), points: "5", reason: "goodwill" },
    ]);
    expect(balance(account, { at: day(4) })).toBe("30");
    expect(account.lots.map((l) => [l.lotId, l.remaining])).toEqual([
      ["t1", "25"],
      ["t3", "5"],
    ]);
    expect(() => post(account, { kind: "adjust", transactionId: "t4", at: day(4), points: "5", reason: "" })).toThrow(
      /reason: expected a non-empty reason/,
    );
  });
});

describe("post: idempotency and versions", () => {
  const base = ledger([{ kind: "earn", transactionId: "sale-1", at: day(1), points: "100" }]);

  it("reports a retry with the same payload as a duplicate and returns the very same account", () => {
    const r = post(base, { kind: "earn", transactionId: "sale-1", at: new Date(day(1)), points: "100" });
    expect(r.status).toBe("duplicate");
    expect(r.account).toBe(base);
  });

  it("treats the same instant written with another offset as the same payload", () => {
    expect(
      post(base, { kind: "earn", transactionId: "sale-1", at: "2026-01-01T17:00:00+07:00", points: "100" }).status,
    ).toBe("duplicate");
  });

  it("rejects the same transactionId with a different payload", () => {
    const e = thrown(() => post(base, { kind: "earn", transactionId: "sale-1", at: day(1), points: "101" }));
    expect(e).toBeInstanceOf(IdempotencyConflictError);
    // Names the first field that differs, as TigerBeetle's exists_with_different_amount does.
    expect((e as IdempotencyConflictError).details).toEqual({
      transactionId: "sale-1",
      field: "points",
      path: ["points"],
      stored: "100",
      posted: "101",
    });
    expect((e as IdempotencyConflictError).message).toMatch(/different points \(stored "100", now "101"\)/);
  });

  it("counts meta as part of the payload", () => {
    const withMeta = post(base, {
      kind: "redeem",
      transactionId: "sale-2",
      at: day(2),
      points: "10",
      meta: { spend: "12.50", lines: [1, 2] },
    }).account;
    expect(
      post(withMeta, {
        kind: "redeem",
        transactionId: "sale-2",
        at: day(2),
        points: "10",
        meta: { lines: [1, 2], spend: "12.50" },
      }).status,
    ).toBe("duplicate");
    expect(() =>
      post(withMeta, {
        kind: "redeem",
        transactionId: "sale-2",
        at: day(2),
        points: "10",
        meta: { spend: "12.51", lines: [1, 2] },
      }),
    ).toThrow(/different meta\.spend \(stored "12.50", now "12.51"\)/);
    const dropped = thrown(() =>
      post(withMeta, { kind: "redeem", transactionId: "sale-2", at: day(2), points: "10" }),
    ) as IdempotencyConflictError;
    expect(dropped).toBeInstanceOf(IdempotencyConflictError);
    expect(dropped.details["field"]).toBe("meta");
    expect(dropped.message).toMatch(/stored an object, now absent/);
  });

  it("stores meta as a frozen copy, so later changes by the caller do not reach the ledger", () => {
    const meta = { spend: "12.50" };
    const account = post(base, { kind: "redeem", transactionId: "sale-2", at: day(2), points: "10", meta }).account;
    meta.spend = "99";
    expect(account.entries[1]?.meta).toEqual({ spend: "12.50" });
    expect(Object.isFrozen(account.entries[1]?.meta)).toBe(true);
  });

  it("applies when expectedVersion matches and bumps the version by one", () => {
    const r = post(base, { kind: "redeem", transactionId: "sale-2", at: day(2), points: "10" }, { expectedVersion: 1 });
    expect(r.account.version).toBe(2);
  });

  it("rejects a stale expectedVersion", () => {
    const e = thrown(() =>
      post(base, { kind: "redeem", transactionId: "sale-2", at: day(2), points: "10" }, { expectedVersion: 0 }),
    );
    expect(e).toBeInstanceOf(VersionConflictError);
    expect((e as VersionConflictError).details).toEqual({ expected: 0, actual: 1 });
  });

  it("still reports a duplicate when a retry carries the version it read before its own write", () => {
    expect(
      post(base, { kind: "earn", transactionId: "sale-1", at: day(1), points: "100" }, { expectedVersion: 0 }).status,
    ).toBe("duplicate");
  });

  it("never changes the account it was given", () => {
    const before = JSON.stringify(base);
    post(base, { kind: "redeem", transactionId: "sale-2", at: day(2), points: "10" });
    expect(() => post(base, { kind: "redeem", transactionId: "sale-3", at: day(2), points: "1000" })).toThrow(
      InsufficientPointsError,
    );
    expect(JSON.stringify(base)).toBe(before);
    expect(Object.isFrozen(base) && Object.isFrozen(base.lots) && Object.isFrozen(base.lots[0])).toBe(true);
  });
});

describe("post: bad input", () => {
  const account = ledger([{ kind: "earn", transactionId: "t1", at: day(2), points: "100" }]);
  const cases: [string, unknown, RegExp][] = [
    [
      "a negative amount",
      { kind: "redeem", transactionId: "x", at: day(3), points: "-5" },
      /points: expected a non-negative decimal string/,
    ],
    [
      "zero points",
      { kind: "redeem", transactionId: "x", at: day(3), points: "0" },
      /points: expected a positive decimal string/,
    ],
    [
      "a number instead of a decimal string",
      { kind: "earn", transactionId: "x", at: day(3), points: 5 },
      /points: expected a decimal string such as "12.50", got 5/,
    ],
    ["NaN", { kind: "earn", transactionId: "x", at: day(3), points: Number.NaN }, /points/],
    [
      "Infinity",
      { kind: "earn", transactionId: "x", at: day(3), points: "Infinity" },
      /points: expected a non-negative decimal string/,
    ],
    [
      "fractional points on a whole-point account",
      { kind: "earn", transactionId: "x", at: day(3), points: "1.5" },
      /points: expected a whole number of points \(the account's scale is 0\), got "1.5"/,
    ],
    [
      "an unknown kind",
      { kind: "gift", transactionId: "x", at: day(3) },
      /kind: expected one of "earn", "redeem", "expire", "adjust", "reverse", "hold", "capture", "release", got "gift"/,
    ],
    [
      "an extra field",
      { kind: "earn", transactionId: "x", at: day(3), points: "1", bonus: true },
      /post: unrecognized key "bonus": an earn entry has kind, transactionId, at, points, expiresAt, earnedAt, availableAt, storeId, tillId, meta/,
    ],
    [
      "an instant without offset",
      { kind: "earn", transactionId: "x", at: "2026-01-03", points: "1" },
      /at: expected an ISO-8601 instant/,
    ],
    [
      "an invalid Date",
      { kind: "earn", transactionId: "x", at: new Date(Number.NaN), points: "1" },
      /at: .*Invalid Date/,
    ],
    [
      "an expiry before the earn",
      { kind: "earn", transactionId: "x", at: day(3), points: "1", expiresAt: day(3) },
      /expiresAt: expected expiresAt after at/,
    ],
    [
      "an entry earlier than the last one",
      { kind: "earn", transactionId: "x", at: day(1), points: "1" },
      /at: expected an instant at or after the account's last entry \(2026-01-02T10:00:00.000Z\)/,
    ],
    [
      "an empty transactionId",
      { kind: "earn", transactionId: "", at: day(3), points: "1" },
      /transactionId: expected a non-empty transactionId/,
    ],
  ];
  it.each(cases)("rejects %s with a validation error naming the field", (_name, entry, message) => {
    const e = thrown(() => post(account, entry as never));
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect((e as Error).message).toMatch(message);
  });

  it("rejects a calendar date that does not exist instead of rolling it over", () => {
    expect(() => post(account, { kind: "earn", transactionId: "x", at: "2026-02-30T10:00:00Z", points: "1" })).toThrow(
      /at: expected an ISO-8601 instant/,
    );
    expect(() => post(account, { kind: "earn", transactionId: "x", at: "2026-02-29T10:00:00Z", points: "1" })).toThrow(
      /at: expected an ISO-8601 instant/,
    );
    expect(post(account, { kind: "earn", transactionId: "x", at: "2028-02-29T10:00:00Z", points: "1" }).status).toBe(
      "applied",
    );
  });

  it("rejects a __proto__ key", () => {
    const entry: unknown = JSON.parse(
      '{"kind":"earn","transactionId":"x","at":"2026-01-03T00:00:00Z","points":"1","__proto__":{"points":"9"}}',
    );
    expect(() => post(account, entry as never)).toThrow(LoyaltyValidationError);
  });

  it("rejects a malformed expectedVersion and a non-account", () => {
    expect(() => post(account, { kind: "expire", transactionId: "x", at: day(3) }, { expectedVersion: 1.5 })).toThrow(
      /expectedVersion: expected a non-negative integer version, got 1.5/,
    );
    expect(() =>
      post({ accountId: "a" } as unknown as Account, { kind: "expire", transactionId: "x", at: day(3) }),
    ).toThrow(/account.entries: expected an array/);
  });

  it("rejects a hand-made snapshot whose entries repeat a transactionId, at the first repeat", () => {
    const broken = {
      ...account,
      entries: [...account.entries, ...account.entries],
      version: 2 * account.entries.length,
    };
    expect(() => post(broken, { kind: "expire", transactionId: "x", at: day(30) })).toThrow(
      new RegExp(
        `account: account.entries.${account.entries.length}.transactionId: expected a transactionId not used by an earlier entry`,
      ),
    );
  });

  it("accepts points with the account's scale and writes them with exactly that many decimals", () => {
    const cents = post(openAccount({ accountId: "a", scale: 2 }), {
      kind: "earn",
      transactionId: "t",
      at: day(1),
      points: "1.5",
    }).account;
    expect(cents.lots[0]?.points).toBe("1.50");
    expect(cents.entries[0]).toMatchObject({ points: "1.50" });
    expect(() => post(cents, { kind: "redeem", transactionId: "u", at: day(2), points: "0.001" })).toThrow(
      /points: expected at most 2 decimal places \(the account's scale\), got "0.001"/,
    );
    // "1.50" and "1.5" are the same payload.
    expect(post(cents, { kind: "earn", transactionId: "t", at: day(1), points: "1.50" }).status).toBe("duplicate");
  });
});
