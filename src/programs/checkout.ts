import { guardInputs } from "../core/guard.js";
import { parseBasket } from "./parseBasket.js";
import { parseProgram } from "./parseProgram.js";
import { checkoutParsed, type CheckoutResult } from "./_lib/checkoutCore.js";
import { checkoutCoupon, nextOrderCoupon } from "./promotions/_lib/saleCoupons.js";
import { deepFreeze } from "../core/json.js";
import type { ProgramAccount } from "./account.js";
import type { Basket, BasketInput } from "./basket.js";
import type { CheckoutOptions } from "./options.js";
import type { Program } from "./program.js";

export type { CheckoutResult } from "./_lib/checkoutCore.js";

/**
 * Checks a basket out under a program: the figures of {@link quote}, plus the ledger entries posted
 * (redeem, earn, welcome bonus), the purchase recorded on the account (its spend counts toward
 * cumulative tiers) and, for a catalog reward, one unit taken out of the stock.
 *
 * Idempotent on `transactionId`: a retry with the same basket and options
 * returns `duplicate` with the original result and the account unchanged — even after later
 * purchases — and a different basket under the same id is an IdempotencyConflictError. Outside the
 * program's active window it returns `inactive`, applies nothing and says so in `explain`.
 * Purchases must come in time order per account. A throwing call changes nothing.
 *
 * Coupons: with `options.coupon = { code, state }` the result's `coupon` carries the use taken (or
 * why the code was refused; the sale is then priced without it) and the next coupon state; with
 * `options.nextOrder = { program, state }` its `nextOrder` carries the next-order coupon handed out.
 * Store them with the account.
 *
 * @param program - a program from {@link parseProgram}
 * @param account - the program account; not mutated
 * @param basket - a basket from {@link parseBasket}
 * @param options - `transactionId` (required), `expectedVersion`, and the options of {@link quote}
 * @returns `{ status, ...record, account, stock }`
 * @throws {LoyaltyValidationError} when input is invalid
 * @throws {OperationError} LATE_ENTRY_CONFLICT for a late sale (earlier than the account's newest
 *   record, from a till that was offline) that cannot be back-dated: one that redeems points, a
 *   reward or a stamp card, or any late sale of a stamps or catalog program. An earn-only late sale
 *   is accepted: priced at its sale time from the records up to it, its points earn and expire from
 *   the sale time (see `postLate`), and it is stored among the purchases in time order; later sales
 *   are not re-priced (a per-period cap or welcome bonus they already used stays theirs).
 * @throws {IdempotencyConflictError} when the transactionId was used with a different request
 * @throws {VersionConflictError} when `expectedVersion` is stale
 * @throws {InsufficientPointsError} when the points to redeem are not available
 * @throws {OperationError} CONSENT_REQUIRED, NOT_FOUND (reward) or OUT_OF_STOCK
 * @throws {CurrencyMismatchError} when the basket's currency is not the program's
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, parseBasket, openProgramAccount, checkout, balance } from "loyalty-kit";
 * const program = parseProgram({ kind: "bonus", id: "bonus", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] } });
 * const account = openProgramAccount(program, { customerId: "olga-0042", consent: true });
 * const basket = parseBasket({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [{ id: "1", sku: "DRESS", quantity: 1, unitPrice: { amount: "35.70", currency: "EUR" } }] });
 * const r = checkout(program, account, basket, { transactionId: "sale-1", consent: true });
 * const retry = checkout(program, r.account, basket, { transactionId: "sale-1", consent: true });
 * console.log(r.status, r.pointsEarned, retry.status, balance(retry.account.points, { at: "2026-03-02T00:00:00Z" })); // applied 35 duplicate 35
 * ```
 */
export function checkout(
  program: Program,
  account: ProgramAccount,
  basket: Basket | BasketInput,
  options: CheckoutOptions,
): CheckoutResult {
  return guardInputs("checkout", { program, account, basket, options }, () =>
    checkoutUnguarded(program, account, basket, options),
  );
}

// checkout and quote take the same four arguments through guardInputs, so their wrappers look alike
// (see quote.ts); what each guards differs.
function checkoutUnguarded(
  program: Program,
  account: ProgramAccount,
  basket: Basket | BasketInput,
  options: CheckoutOptions,
): CheckoutResult {
  const p = parseProgram(program);
  const b = parseBasket(basket);
  const r = checkoutParsed(p, account, b, options);
  const coupon = checkoutCoupon(p, account, b, options, r);
  const next = nextOrderCoupon(account, b, options, r, coupon);
  if (coupon === undefined && next === undefined) return r;
  // Redeeming and issuing under the same promotion: both carry the final state.
  const same = coupon !== undefined && next !== undefined && next.state.programId === coupon.state.programId;
  return {
    ...r,
    ...(coupon === undefined
      ? {}
      : { coupon: deepFreeze(same && next !== undefined ? { ...coupon, state: next.state } : coupon) }),
    ...(next === undefined ? {} : { nextOrder: deepFreeze(next) }),
  };
}
