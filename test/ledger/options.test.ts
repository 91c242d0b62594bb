// Every ledger function that takes options handles a missing or null options argument with
// a typed LoyaltyValidationError naming what to pass (0.1 threw plain TypeErrors reading `options.at`).
import { describe, expect, it } from "vitest";
import {
  availableLots,
  balance,
  findEntry,
  type LoyaltyValidationError,
  statement,
  sweepExpired,
  type Account,
} from "../../src/index.js";
import { day, ledger, thrown } from "./_helpers.js";

// 80 points earned on 1 January, as in the balance guide's first example.
const account = ledger([{ kind: "earn", transactionId: "t1", at: day(1), points: "80" }]);

// Calls as untyped JavaScript would make them.
const loose = <A extends unknown[], R>(fn: (...args: A) => R) => fn as unknown as (...args: unknown[]) => R;

describe("ledger functions with a missing or null options argument", () => {
  const cases: [string, (o: unknown) => unknown, RegExp][] = [
    ["balance", (o) => loose(balance)(account, o), /balance needs an options object \{ at \}/],
    ["availableLots", (o) => loose(availableLots)(account, o), /availableLots needs an options object \{ at \}/],
    ["statement", (o) => loose(statement)(account, o), /statement needs an options object \{ from, to \}/],
    [
      "sweepExpired",
      (o) => loose(sweepExpired)(account, o),
      /sweepExpired needs an options object \{ at, transactionId \}/,
    ],
  ];
  for (const [name, call, message] of cases) {
    for (const bad of [undefined, null, "2026-01-02T00:00:00Z"]) {
      it(`${name}(account, ${JSON.stringify(bad) ?? "undefined"}) throws a typed VALIDATION error`, () => {
        const e = thrown(() => call(bad)) as LoyaltyValidationError;
        expect(e.code).toBe("VALIDATION");
        expect(e.message).toMatch(message);
        expect(e.issues[0]?.path).toEqual(["options"]);
      });
    }
  }

  it("findEntry(account) without a transactionId throws a typed VALIDATION error", () => {
    for (const bad of [undefined, null, 7]) {
      const e = thrown(() => loose(findEntry)(account, bad)) as LoyaltyValidationError;
      expect(e.code).toBe("VALIDATION");
      expect(e.message).toMatch(/findEntry needs the transactionId to look for as a string/);
    }
    expect(findEntry(account, "t1")?.kind).toBe("earn");
  });

  it("the documented forms still work", () => {
    const a: Account = account;
    expect(balance(a, { at: day(2) })).toBe("80");
    expect(availableLots(a, { at: day(2) }).map((l) => l.remaining)).toEqual(["80"]);
    expect(statement(a, { from: day(1), to: day(2) }).closing).toBe("80");
  });
});
