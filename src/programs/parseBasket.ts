import { guardInputs } from "../core/guard.js";
import type { SafeParseResult } from "../_lib/validation.js";
import { miniParsers } from "./_lib/parsers.js";
import { brand, isBranded } from "./_lib/brand.js";
import { BasketSchema, type Basket } from "./basket.js";

const parsers = /* @__PURE__ */ miniParsers(BasketSchema, "basket");

/**
 * Validates a basket and returns it with exact quantities (`Decimal`) and prices (`Money`).
 *
 * Rejected with every issue listed: no lines, duplicate line ids, zero or negative quantities,
 * negative prices, lines in different currencies, unknown line kinds, extra keys. A parsed basket is
 * deep-frozen and can be passed to {@link quote} and {@link checkout} without being validated again;
 * a basket that did not come from here is validated by them.
 *
 * @param input - the basket, usually parsed JSON from the till
 * @returns the validated basket
 * @throws {LoyaltyValidationError} when the basket is invalid
 * @category programs
 * @example
 * ```ts
 * import { parseBasket } from "loyalty-kit";
 * const basket = parseBasket({
 *   id: "b-1001", at: "2026-03-01T10:00:00+01:00",
 *   lines: [
 *     { id: "1", sku: "DRESS-38", category: "dresses", quantity: 1, unitPrice: { amount: "59.90", currency: "EUR" } },
 *     { id: "2", sku: "SHIP", kind: "delivery", quantity: 1, unitPrice: { amount: "4.90", currency: "EUR" } },
 *   ],
 * });
 * console.log(basket.at, basket.lines[1]?.kind); // 2026-03-01T09:00:00.000Z delivery
 * ```
 */
export function parseBasket(input: unknown): Basket {
  return guardInputs("parseBasket", { input }, () => parseBasketUnguarded(input));
}

function parseBasketUnguarded(input: unknown): Basket {
  if (isBranded(input, "basket")) return input as Basket;
  return brand(parsers.parse(input), "basket");
}

/**
 * Like {@link parseBasket}, but returns a tagged result instead of throwing.
 *
 * @param input - the basket
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @category programs
 * @example
 * ```ts
 * import { safeParseBasket } from "loyalty-kit";
 * const r = safeParseBasket({ id: "b", at: "2026-03-01T10:00:00Z", lines: [{ id: "1", sku: "A", quantity: "0", unitPrice: { amount: "1.00", currency: "EUR" } }] });
 * if (!r.success) console.log(r.error.code); // VALIDATION
 * ```
 */
export function safeParseBasket(input: unknown): SafeParseResult<Basket> {
  return guardInputs("safeParseBasket", { input }, () => safeParseBasketUnguarded(input));
}

function safeParseBasketUnguarded(input: unknown): SafeParseResult<Basket> {
  if (isBranded(input, "basket")) return { success: true, data: input as Basket };
  const r = parsers.safeParse(input);
  return r.success ? { success: true, data: brand(r.data, "basket") } : r;
}
