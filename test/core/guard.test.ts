import { describe, expect, it } from "vitest";
import { findUnreadable, guardInputs } from "../../src/core/guard.js";
import {
  add,
  balance,
  gini,
  LoyaltyValidationError,
  loyaltyError,
  money,
  openAccount,
  parseCustomer,
  priorityFor,
  safeParseCustomer,
  safeParseMoney,
} from "../../src/index.js";

// Issue 16, "Typed errors, always": a throwing getter or a Proxy in the input gives a
// LoyaltyValidationError naming the path (on 0.1 the caller's own exception escaped from 157 places).
class Boom extends Error {}
const getter = (key: string): object =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Boom(`getter ${key}`);
    },
  });
const trapAll = new Proxy(
  {},
  {
    get() {
      throw new Boom("get trap");
    },
    ownKeys() {
      throw new Boom("ownKeys trap");
    },
    getPrototypeOf() {
      throw new Boom("getPrototypeOf trap");
    },
  },
);

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("guardInputs", () => {
  it("names the path of a throwing getter and keeps the caller's exception as cause", () => {
    const e = caught(() => add(money("1", "EUR"), getter("amount") as never));
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    const v = e as LoyaltyValidationError;
    expect(v.issues[0]?.path).toEqual(["b", "amount"]);
    expect(v.message).toMatch(/^add: b\.amount: could not be read \(Error: getter amount\)/);
    expect((v as { cause?: unknown }).cause).toBeInstanceOf(Boom);
  });
  it("names an element deep in an array", () => {
    const values = [1, 2, getter("amount")];
    const e = caught(() => gini(values as never)) as LoyaltyValidationError;
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect(e.issues[0]?.path).toEqual(["values", 2, "amount"]);
  });
  it("turns a Proxy whose traps throw into a typed error (ledger, customers)", () => {
    expect(() => balance(trapAll as never, { at: "2026-01-01T00:00:00Z" })).toThrow(LoyaltyValidationError);
    const account = openAccount({ accountId: "a-1" });
    const e = caught(() => balance(account, getter("at") as never)) as LoyaltyValidationError;
    expect(e.issues[0]?.path).toEqual(["options", "at"]);
    expect(() => parseCustomer(getter("identifiers"))).toThrow(LoyaltyValidationError);
  });
  it("safeParse never throws, whatever the input does while it is read", () => {
    for (const input of [trapAll, getter("amount"), { amount: getter("x"), currency: "EUR" }]) {
      const r = safeParseMoney(input);
      expect(r.success).toBe(false);
      const c = safeParseCustomer(input);
      expect(c.success).toBe(false);
    }
    const r = safeParseMoney({ amount: "1", currency: getter("x") });
    expect(r.success ? [] : r.error.issues[0]?.path).toEqual(["currency"]);
  });
  it("does not disguise a defect in the library as bad input: readable input re-throws as is", () => {
    const defect = new TypeError("library defect");
    expect(() =>
      guardInputs("f", { a: { b: [1, 2] } }, () => {
        throw defect;
      }),
    ).toThrow(defect);
  });
  it("converts only at the outermost guarded call, so the path is the caller's", () => {
    const e = caught(() =>
      guardInputs("outer", { input: { deep: getter("x") } }, () =>
        guardInputs("inner", { other: getter("x") }, () => {
          throw new Boom("read");
        }),
      ),
    ) as LoyaltyValidationError;
    expect(e.message).toMatch(/^outer: input\.deep\.x:/);
  });
  it("finds nothing in a cyclic or 10,000-deep readable value (bounded, no recursion)", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic["self"] = cyclic;
    let nested: unknown = 1;
    for (let i = 0; i < 10_000; i++) nested = { value: nested };
    expect(findUnreadable({ cyclic, nested })).toBeUndefined();
  });
});

describe("errors built from hostile values", () => {
  it("loyaltyError with a Symbol message builds an error instead of a TypeError", () => {
    const e = loyaltyError("NOT_FOUND", Symbol("s") as never, {} as never);
    expect(e.message).toBe("Symbol(s)");
  });
  it("loyaltyError with a throwing getter in details throws a typed error naming it", () => {
    const e = caught(() => loyaltyError("NOT_FOUND", "m", getter("id") as never)) as LoyaltyValidationError;
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect(e.issues[0]?.path).toEqual(["details", "id"]);
  });
  it("priorityFor previews a 10,000-deep, cyclic or BigInt value instead of overflowing the stack", () => {
    let nested: unknown = 1;
    for (let i = 0; i < 10_000; i++) nested = { value: nested };
    // [-0, Symbol] was found by the 100,000-run fuzz: turning it into a property key threw a TypeError.
    for (const v of [nested, 10n, [-0, Symbol("s")]]) {
      expect(() => priorityFor(v as never)).toThrow(LoyaltyValidationError);
      expect(() => priorityFor("other", v as never)).toThrow(LoyaltyValidationError);
    }
  });
});
