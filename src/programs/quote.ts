import { guardInputs } from "../core/guard.js";
import { parseBasket } from "./parseBasket.js";
import { parseProgram } from "./parseProgram.js";
import { optionsOrDefaults } from "./_lib/options.js";
import { price } from "./_lib/engine.js";
import type { ProgramAccount } from "./account.js";
import type { Basket, BasketInput } from "./basket.js";
import type { QuoteOptions } from "./options.js";
import type { Program } from "./program.js";
import type { Quote } from "./result.js";

/**
 * Prices a basket under a program without changing anything: the discount per line, what points can
 * pay, the points and stamps it would earn, the tier, and why (`explain`).
 *
 * The rules, in order: only eligible lines count
 * (delivery, gift cards and fees are excluded by default); the program's discount is allocated over
 * eligible lines in proportion to their amounts, losslessly; points redeemed as money never take the
 * total below zero nor above the program's maximum share; points are earned on what is actually
 * paid after discounts and points, rounded once by the program's rule, then capped. Outside the
 * program's active window nothing applies and `explain` says so. The same call inside
 * {@link checkout} gives the same figures.
 *
 * @param program - a program from {@link parseProgram} (other input is validated first)
 * @param account - the customer's or card's program account ({@link openProgramAccount}); not changed
 * @param basket - a basket from {@link parseBasket} (other input is validated first)
 * @param options - `at`, `redeemPoints` ("max" or a number), `rewardId`, `redeemCard`, `consent`, `stock`;
 *   omitted or `null`: the defaults (priced at the basket's instant, nothing redeemed, no consent given)
 * @returns the priced basket (plain JSON)
 * @throws {LoyaltyValidationError} when the program, basket or options are invalid, or when a line's
 *   amount or the basket's total passes 2^53 − 1 minor units (90,071,992,547,409.91 EUR), past which
 *   pricing could not stay exact
 * @throws {CurrencyMismatchError} when the basket is in another currency than the program
 * @throws {OperationError} CONSENT_REQUIRED for a personalized program without an identified, consenting customer; NOT_FOUND / OUT_OF_STOCK for a catalog reward
 * @throws {InsufficientPointsError} when asking to redeem more points than are available
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, parseBasket, openProgramAccount, quote } from "loyalty-kit";
 * const program = parseProgram({ kind: "discount", id: "ten", name: "10% off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, percent: "10" });
 * const basket = parseBasket({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [
 *   { id: "1", sku: "SKIRT", quantity: 1, unitPrice: { amount: "19.99", currency: "EUR" } },
 *   { id: "2", sku: "BELT", quantity: 1, unitPrice: { amount: "5.01", currency: "EUR" } },
 *   { id: "3", sku: "SHIP", kind: "delivery", quantity: 1, unitPrice: { amount: "4.90", currency: "EUR" } },
 * ] });
 * const q = quote(program, openProgramAccount(program), basket);
 * console.log(q.discountTotal.amount, q.lines.map((l) => l.discount.amount).join(" / "), q.total.amount); // 2.50 2.00 / 0.50 / 0.00 27.40
 * ```
 */
export function quote(
  program: Program,
  account: ProgramAccount,
  basket: Basket | BasketInput,
  options: QuoteOptions | null = {},
): Quote {
  return guardInputs("quote", { program, account, basket, options }, () =>
    quoteUnguarded(program, account, basket, options),
  );
}

// quote and checkout take the same four arguments through guardInputs, so their wrappers look alike
// (see checkout.ts); what each guards differs.
function quoteUnguarded(
  program: Program,
  account: ProgramAccount,
  basket: Basket | BasketInput,
  options: QuoteOptions | null = {},
): Quote {
  const o = optionsOrDefaults(options);
  const p = parseProgram(program);
  const b = parseBasket(basket);
  return price(p, account, b, o).quote;
}
