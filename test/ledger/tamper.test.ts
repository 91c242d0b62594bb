// Issue 16: a snapshot whose derived lots were edited in JSON (80 → 1,000,000 points) must not be
// trusted by post or balance. The library checks any snapshot it did not write itself by replaying
// its entries; parseAccount and the library's own results are trusted.
import { describe, expect, it } from "vitest";
import {
  availableLots,
  balance,
  type Account,
  type LoyaltyValidationError,
  parseAccount,
  post,
  statement,
} from "../../src/index.js";
import { day, inMemoryJson, ledger, thrown } from "./_helpers.js";

// The issue's figures: one earn of 80 points, its lot edited to 1,000,000.
const account = ledger([{ kind: "earn", transactionId: "t1", at: day(1), points: "80" }]);
const tampered = (): Account => {
  const json = inMemoryJson(account) as unknown as { lots: { remaining: string; points: string }[] };
  const lot = json.lots[0];
  if (lot === undefined) throw new Error("expected a lot");
  lot.remaining = "1000000";
  lot.points = "1000000";
  return json as unknown as Account;
};

describe("tampered snapshots", () => {
  it("balance, availableLots and statement refuse a snapshot whose lots were edited in JSON", () => {
    for (const call of [
      () => balance(tampered(), { at: day(2) }),
      () => availableLots(tampered(), { at: day(2) }),
      () => statement(tampered(), { from: day(1), to: day(2) }),
    ]) {
      const e = thrown(call) as LoyaltyValidationError;
      expect(e.code).toBe("VALIDATION");
      expect(e.issues[0]?.path).toEqual(["account", "lots"]);
      expect(e.message).toMatch(/does not match what replaying the entries gives/);
    }
  });

  it("post refuses to redeem the minted points", () => {
    const e = thrown(() =>
      post(tampered(), { kind: "redeem", transactionId: "r1", at: day(2), points: "1000" }),
    ) as LoyaltyValidationError;
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toMatch(/lots/);
  });

  it("an untouched snapshot read back from JSON still works, as does parseAccount's result", () => {
    const roundTripped = JSON.parse(JSON.stringify(account)) as Account;
    expect(balance(roundTripped, { at: day(2) })).toBe("80");
    expect(post(roundTripped, { kind: "redeem", transactionId: "r1", at: day(2), points: "30" }).status).toBe(
      "applied",
    );
    expect(balance(parseAccount(roundTripped), { at: day(2) })).toBe("80");
    expect(() => parseAccount(tampered())).toThrow(/does not match what replaying the entries gives/);
  });
});
