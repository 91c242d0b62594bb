import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as kit from "../../src/index.js";
import { LoyaltyError } from "../../src/index.js";

// Issue 16, "Typed errors, always": every public function called with hostile values either returns
// or throws a LoyaltyError — never a TypeError, RangeError, the caller's own exception or a hang.
// Inputs are bounded (arrays ≤ 1,000 slots, one 10,000-deep value) so that each call is cheap.

const deep = typeof process !== "undefined" && process.env["DEEP"] === "1";

// Exports skipped entirely, each with the reason. Decimal is the third-party decimal.js constructor
// re-exported as it is: it throws its own DecimalError, which its own documentation describes.
const EXCLUDED: Record<string, string> = {
  Decimal: "third-party decimal.js constructor re-exported as is: throws its own DecimalError",
};

class Boom extends Error {}
const cyclic: Record<string, unknown> = { a: 1 };
cyclic["self"] = cyclic;
const cyclicArray: unknown[] = [1];
cyclicArray.push(cyclicArray);
let nested: unknown = 1;
for (let i = 0; i < 10_000; i++) nested = { value: nested, items: [nested] };
const throwingProxy = new Proxy(
  {},
  {
    get() {
      throw new Boom("get trap");
    },
    has() {
      throw new Boom("has trap");
    },
    ownKeys() {
      throw new Boom("ownKeys trap");
    },
    getOwnPropertyDescriptor() {
      throw new Boom("getOwnPropertyDescriptor trap");
    },
    getPrototypeOf() {
      throw new Boom("getPrototypeOf trap");
    },
  },
);
const throwingArrayProxy = new Proxy([1, 2, 3], {
  get(target, key) {
    if (key === "length" || key === Symbol.iterator) throw new Boom("array trap");
    return Reflect.get(target, key);
  },
});
const withGetter = (key: string): object =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Boom(`getter ${key}`);
    },
  });
const sparse = (length: number, value: unknown): unknown[] => {
  const a: unknown[] = [];
  a.length = length;
  a[Math.floor(length / 2)] = value;
  return a;
};
const KEYS = ["value", "at", "id", "amount", "currency", "points", "horizon", "priority", "enrolledAt", "identifiers"];

// fast-check inspects and prints generated values, which a throwing Proxy would break: the
// arbitraries produce recipes (plain data) and `build` turns them into the hostile values.
const CONSTANTS: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => 1e308,
  () => -1e308,
  () => 5e-324,
  () => -0,
  () => 2 ** 53,
  () => 10n,
  () => cyclic,
  () => cyclicArray,
  () => nested,
  () => throwingProxy,
  () => throwingArrayProxy,
  () => [null],
  () => [],
  () => ({}),
  () => "",
  () => "1e308",
  () => Symbol("s"),
  () => () => {
    throw new Boom("callback");
  },
];
type Recipe =
  | { readonly k: "c"; readonly i: number }
  | { readonly k: "getter"; readonly key: string }
  | { readonly k: "sparse"; readonly n: number }
  | { readonly k: "plain"; readonly v: number | string }
  | { readonly k: "array"; readonly items: readonly Recipe[] }
  | { readonly k: "object"; readonly entries: readonly (readonly [string, Recipe])[] };
const leaf: fc.Arbitrary<Recipe> = fc.oneof(
  fc.integer({ min: 0, max: CONSTANTS.length - 1 }).map((i): Recipe => ({ k: "c", i })),
  fc.constantFrom(...KEYS).map((key): Recipe => ({ k: "getter", key })),
  fc.integer({ min: 1, max: 1_000 }).map((n): Recipe => ({ k: "sparse", n })),
  fc.oneof(fc.double(), fc.string({ maxLength: 8 })).map((v): Recipe => ({ k: "plain", v })),
);
const hostile: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }).map((items): Recipe => ({ k: "array", items })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...KEYS), leaf), { maxLength: 4 })
      .map((entries): Recipe => ({ k: "object", entries })),
  },
);
function build(r: Recipe): unknown {
  switch (r.k) {
    case "c":
      return (CONSTANTS[r.i] as () => unknown)();
    case "getter":
      return withGetter(r.key);
    case "sparse":
      return sparse(r.n, 1);
    case "plain":
      return r.v;
    case "array":
      return r.items.map(build);
    case "object":
      return Object.fromEntries(r.entries.map(([key, v]) => [key, build(v)]));
  }
}

const isClass = (f: unknown): boolean =>
  typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f));
const functions = new Map(
  Object.entries(kit as Record<string, unknown>).filter(
    ([name, f]) => typeof f === "function" && !isClass(f) && !(name in EXCLUDED),
  ),
);
const names = [...functions.keys()];

describe("every public function with hostile values", () => {
  it("finds the functions to call", () => {
    expect(names.length).toBeGreaterThan(50);
  });
  it("returns or throws a LoyaltyError, never anything else", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(hostile, { maxLength: 3 }), (name, recipes) => {
        const f = functions.get(name) as (...args: unknown[]) => unknown;
        try {
          const result = f(...recipes.map(build));
          if (result instanceof Promise) result.catch(() => undefined);
        } catch (error) {
          if (!(error instanceof LoyaltyError)) {
            throw new Error(`${name} threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
          }
          // The message must be a string that says something (its preview never crashed).
          expect(typeof error.message).toBe("string");
        }
      }),
      { numRuns: deep ? 100_000 : 5_000 },
    );
  });
});
