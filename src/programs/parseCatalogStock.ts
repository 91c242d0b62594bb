import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { CatalogStockSchema, type CatalogStock } from "./account.js";

const parsers = /* @__PURE__ */ makeParsers(CatalogStockSchema, "catalog stock");

/**
 * Reads a stored catalog stock (JSON) back, checking it.
 *
 * A stock written with `JSON.stringify` and read back here deep-equals the original.
 *
 * @param input - the stored stock
 * @returns the stock
 * @throws {LoyaltyValidationError} when the input is not a catalog stock (negative counts, duplicate rewards, extra keys, …)
 * @category programs
 * @example
 * ```ts
 * import { parseCatalogStock } from "loyalty-kit";
 * const stock = parseCatalogStock(JSON.parse('{"programId":"gifts","rewards":[{"rewardId":"scarf","remaining":2}],"applied":["s1"]}'));
 * console.log(stock.rewards[0]?.remaining); // 2
 * ```
 */
export function parseCatalogStock(input: unknown): CatalogStock {
  return guardInputs("parseCatalogStock", { input }, () => parseCatalogStockUnguarded(input));
}

function parseCatalogStockUnguarded(input: unknown): CatalogStock {
  return parsers.parse(input);
}

/**
 * Like {@link parseCatalogStock}, but returns a tagged result instead of throwing.
 *
 * @param input - the stored stock
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @category programs
 * @example
 * ```ts
 * import { safeParseCatalogStock } from "loyalty-kit";
 * console.log(safeParseCatalogStock({ programId: "gifts", rewards: [{ rewardId: "scarf", remaining: -1 }], applied: [] }).success); // false
 * ```
 */
export function safeParseCatalogStock(input: unknown): SafeParseResult<CatalogStock> {
  return guardInputs("safeParseCatalogStock", { input }, () => safeParseCatalogStockUnguarded(input));
}

function safeParseCatalogStockUnguarded(input: unknown): SafeParseResult<CatalogStock> {
  return parsers.safeParse(input);
}
