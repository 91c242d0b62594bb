import { describe, expect, it } from "vitest";
import { balance, InsufficientPointsError, OperationError, LoyaltyValidationError, post } from "../../src/index.js";
import { day, ledger, thrown } from "./_helpers.js";

describe("post: two-phase redemption with hold / capture / release", () => {
  const funded = ledger([
    { kind: "earn", transactionId: "e1", at: day(1), points: "60", expiresAt: day(20) },
    { kind: "earn", transactionId: "e2", at: day(2), points: "40" },
  ]);

  it("reserves held points so they cannot be spent twice", () => {
    const held = post(funded, { kind: "hold", transactionId: "h1", at: day(3), points: "70" }).account;
    expect(balance(held, { at: day(3) })).toBe("30");
    // The hold takes its points out of the lots at once, in redeem order: e1 (expiring) first.
    expect(held.holds).toEqual([
      {
        holdId: "h1",
        at: day(3),
        points: "70",
        lots: [
          { lotId: "e1", points: "60" },
          { lotId: "e2", points: "10" },
        ],
        deficit: "0",
      },
    ]);
    expect(held.lots.map((l) => l.remaining)).toEqual(["0", "30"]);
    const e = thrown(() => post(held, { kind: "redeem", transactionId: "r", at: day(3), points: "31" }));
    expect((e as InsufficientPointsError).details).toEqual({ requested: "31", available: "30" });
    expect(() => post(held, { kind: "hold", transactionId: "h2", at: day(3), points: "31" })).toThrow(
      InsufficientPointsError,
    );
  });

  it("capture turns the hold into a redeem that consumes lots in redeem order", () => {
    const account = ledger([
      { kind: "earn", transactionId: "e1", at: day(1), points: "60", expiresAt: day(20) },
      { kind: "earn", transactionId: "e2", at: day(2), points: "40" },
      { kind: "hold", transactionId: "h1", at: day(3), points: "70" },
      { kind: "capture", transactionId: "c1", at: day(3, "10:05:00"), holdId: "h1" },
    ]);
    expect(account.holds).toEqual([]);
    expect(account.debits).toEqual([
      {
        transactionId: "c1",
        points: "70",
        lots: [
          { lotId: "e1", points: "60" },
          { lotId: "e2", points: "10" },
        ],
        deficit: "0",
        reversed: "0",
      },
    ]);
    expect(balance(account, { at: day(4) })).toBe("30");
  });

  it("keeps held points safe from expiry: a capture after the lot's expiry still succeeds", () => {
    const held = post(funded, { kind: "hold", transactionId: "h1", at: day(19), points: "70" }).account;
    const captured = post(held, { kind: "capture", transactionId: "c1", at: day(21), holdId: "h1" }).account;
    expect(balance(captured, { at: day(21) })).toBe("30");
    // Released instead, the 60 from e1 go back to a lot that has expired meanwhile.
    const released = post(held, { kind: "release", transactionId: "r1", at: day(21), holdId: "h1" }).account;
    expect(balance(released, { at: day(21) })).toBe("40");
    expect(released.lots[0]).toMatchObject({ remaining: "60", consumed: "0" });
  });

  it("a partial capture keeps the soonest-expiring points and frees the rest", () => {
    const held = post(funded, { kind: "hold", transactionId: "h1", at: day(3), points: "70" }).account;
    const captured = post(held, {
      kind: "capture",
      transactionId: "c1",
      at: day(3),
      holdId: "h1",
      points: "50",
    }).account;
    expect(balance(captured, { at: day(4) })).toBe("50");
    expect(captured.debits).toEqual([
      { transactionId: "c1", points: "50", lots: [{ lotId: "e1", points: "50" }], deficit: "0", reversed: "0" },
    ]);
    expect(captured.lots.map((l) => l.remaining)).toEqual(["10", "40"]);
    const over = thrown(() =>
      post(held, { kind: "capture", transactionId: "c2", at: day(3), holdId: "h1", points: "71" }),
    ) as OperationError;
    expect(over.code).toBe("CAPTURE_EXCEEDS_HOLD");
    expect(over.details).toEqual({ holdId: "h1", held: "70", requested: "71" });
    expect(over.message).toMatch(/points: expected at most the 70 points held by "h1", got 71/);
  });

  it("release frees the points and closes the hold; a closed hold cannot be captured or released again", () => {
    const held = post(funded, { kind: "hold", transactionId: "h1", at: day(3), points: "70" }).account;
    const released = post(held, { kind: "release", transactionId: "r1", at: day(3), holdId: "h1" }).account;
    expect(balance(released, { at: day(3) })).toBe("100");
    expect(released.holds).toEqual([]);
    const e = thrown(() => post(released, { kind: "capture", transactionId: "c1", at: day(4), holdId: "h1" }));
    expect(e).toBeInstanceOf(OperationError);
    expect((e as OperationError).code).toBe("HOLD_ALREADY_RELEASED");
    expect((e as OperationError).details).toEqual({ holdId: "h1", event: "capture", closedBy: "r1" });
    const again = thrown(() => post(released, { kind: "release", transactionId: "r2", at: day(4), holdId: "h1" }));
    expect((again as OperationError).code).toBe("HOLD_ALREADY_RELEASED");
    // A captured hold is refused with its own code, naming the capture that closed it.
    const captured = post(held, { kind: "capture", transactionId: "c1", at: day(3), holdId: "h1" }).account;
    const twice = thrown(() => post(captured, { kind: "release", transactionId: "r3", at: day(4), holdId: "h1" }));
    expect((twice as OperationError).code).toBe("HOLD_ALREADY_CAPTURED");
    expect((twice as OperationError).message).toMatch(/already captured by "c1"/);
  });

  it("a hold stops reserving at its timeout; it can then be released but not captured", () => {
    const held = post(funded, {
      kind: "hold",
      transactionId: "h1",
      at: day(3),
      points: "70",
      timeoutAt: day(3, "10:15:00"),
    }).account;
    expect(balance(held, { at: day(3, "10:14:59") })).toBe("30");
    expect(balance(held, { at: day(3, "10:15:00") })).toBe("100");
    const late = thrown(() =>
      post(held, { kind: "capture", transactionId: "c1", at: day(3, "10:15:00"), holdId: "h1" }),
    ) as OperationError;
    expect(late.code).toBe("HOLD_TIMED_OUT");
    expect(late.message).toMatch(/timed out at 2026-01-03T10:15:00.000Z/);
    // After the timeout the points can be spent elsewhere.
    expect(post(held, { kind: "redeem", transactionId: "x", at: day(3, "10:16:00"), points: "100" }).status).toBe(
      "applied",
    );
    expect(
      post(held, { kind: "release", transactionId: "r1", at: day(3, "10:16:00"), holdId: "h1" }).account.holds,
    ).toEqual([]);
  });

  it("names unknown holds and non-holds precisely", () => {
    const e = thrown(() => post(funded, { kind: "capture", transactionId: "c1", at: day(3), holdId: "nope" }));
    expect(e).toBeInstanceOf(OperationError);
    expect((e as OperationError).code).toBe("NOT_FOUND");
    const v = thrown(() => post(funded, { kind: "release", transactionId: "r1", at: day(3), holdId: "e1" }));
    expect(v).toBeInstanceOf(LoyaltyValidationError);
    expect((v as Error).message).toMatch(/holdId: expected the transactionId of a hold, got "e1" which is a earn/);
  });

  it("rejects a timeout that is not after the hold", () => {
    expect(() =>
      post(funded, { kind: "hold", transactionId: "h1", at: day(3), points: "1", timeoutAt: day(2) }),
    ).toThrow(/timeoutAt: expected timeoutAt after at/);
  });
});
