import { expect, it } from "vitest";

// Typed errors, always: a getter or a Proxy trap that throws while the input is read becomes a
// LoyaltyValidationError, never the caller's own exception.
import * as kit from "../../../src/index.js";
const names = [
  "tierStatus",
  "tierProgress",
  "tierBonusEntry",
  "parseTierPolicy",
  "safeParseTierPolicy",
  "birthdayBonus",
  "anniversaryBonus",
  "eventBonus",
  "parseEventRules",
  "timedBonusEntry",
  "referralCode",
  "referralDecision",
  "referralReport",
];
class Boom extends Error {}
const trap = new Proxy(
  {},
  {
    get() {
      throw new Boom("get");
    },
    has() {
      throw new Boom("has");
    },
    ownKeys() {
      throw new Boom("ownKeys");
    },
    getOwnPropertyDescriptor() {
      throw new Boom("gopd");
    },
    getPrototypeOf() {
      throw new Boom("gpo");
    },
  },
);
const getter = (k: string) =>
  Object.defineProperty({}, k, {
    enumerable: true,
    get() {
      throw new Boom(k);
    },
  });
it("turns throwing getters and proxies in any argument into typed errors", () => {
  const leaks: string[] = [];
  const policy = {
    basis: "points",
    timeZone: "UTC",
    window: { type: "lifetime" },
    tiers: [{ name: "G", threshold: "1" }],
  };
  const rules = { timeZone: "UTC", referrerPoints: "1", friendPoints: "1" };
  for (const n of names) {
    const f = (kit as unknown as Record<string, (...a: unknown[]) => unknown>)[n] as (...a: unknown[]) => unknown;
    const argsets = [
      [trap],
      [policy, trap],
      [policy, [], trap],
      [policy, [], getter("at")],
      [policy, [], { at: "2026-01-01T00:00:00Z", transactionId: "t", pointsEarned: getter("x") }],
      [rules, { id: "a" }, trap, {}],
      [rules, { id: "a" }, { id: "b" }, trap],
      [rules, { id: "a" }, { id: "b" }, { purchase: trap, rewarded: [] }],
      [[], trap],
      [[getter("referrerId")]],
      ["c", trap],
      [[], { at: "2026-01-01T00:00:00Z", transactionId: "t", lines: [trap] }],
    ];
    for (const a of argsets) {
      try {
        f(...a);
      } catch (e) {
        if (!(e instanceof kit.LoyaltyError)) leaks.push(`${n}: ${(e as Error).message}`);
      }
    }
  }
  expect(leaks).toEqual([]);
});
