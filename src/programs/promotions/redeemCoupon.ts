import { guardInputs } from "../../core/guard.js";
import {
  IdempotencyConflictError,
  LoyaltyValidationError,
  VersionConflictError,
  loyaltyError,
} from "../../errors/errors.js";
import { deepFreeze } from "../../core/json.js";
import { parseInstant } from "../../_lib/values.js";
import { minorUnits } from "../../money/currencies.js";
import { dec, fixed } from "../_lib/decimal.js";
import type { Program } from "../program.js";
import { normalizeCode } from "./_lib/couponCode.js";
import { assertCouponState, couponKey, holderOf, judgeCoupon, nextCouponState } from "./_lib/couponRules.js";
import { couponProgram, optionalText, text } from "./_lib/promotionProgram.js";
import type { CouponState } from "./couponState.js";
import type { CouponStateChange } from "./returnCoupon.js";

/**
 * Options of {@link redeemCoupon}: the code, the sale, who redeems it, the discount it gave and when.
 *
 * @example
 * ```ts
 * import type { RedeemCouponOptions } from "loyalty-kit";
 * const o: RedeemCouponOptions = { code: "WELCOME10", transactionId: "sale-1", customerId: "c1", discount: "10.00", at: "2026-03-01T10:00:00Z" };
 * console.log(o.code);
 * ```
 * @category programs
 */
export interface RedeemCouponOptions {
  readonly code: string;
  readonly transactionId: string;
  readonly customerId?: string;
  readonly cardId?: string;
  /** The till, for sales without a customer or card: redemptions are keyed by (program, holder, transaction). */
  readonly tillId?: string;
  /** The promotion's discount on the sale (the checkout's `discountTotal.amount`). */
  readonly discount: string;
  readonly at: string | Date;
  /** The state version the caller read; another one is a VersionConflictError. */
  readonly expectedVersion?: number;
}

/**
 * Records one use of a coupon code by a sale: after the checkout that priced it, the till takes the
 * use (and the money, against a budget) from the coupon state. Everything the quote checked is checked
 * again on this state, so a use taken meanwhile by another till is refused rather than exceeding a
 * limit: a code used up, over its limit per customer or past the budget is COUPON_REFUSED, and a
 * state that moved since it was read (`expectedVersion`) is a VersionConflictError.
 *
 * Idempotent by (program, holder, transaction), the holder being the customer, else the card, else
 * the till: a retry returns `duplicate` with the state unchanged; the same key with another code or
 * discount is an IdempotencyConflictError.
 *
 * @param program - the promotion with coupon rules
 * @param state - the current coupon state ({@link openCouponState}); not changed
 * @param options - `code`, `transactionId`, `customerId` / `cardId` / `tillId`, `discount`, `at`, `expectedVersion`
 * @returns `{ status: "applied" | "duplicate", state }`
 * @throws {OperationError} COUPON_REFUSED with `details.reason` (unknown, mistyped, not-yet-valid, expired, used-up, customer-limit, budget-spent)
 * @throws {IdempotencyConflictError} when the sale redeemed another code or discount
 * @throws {VersionConflictError} when `expectedVersion` is stale
 * @throws {LoyaltyValidationError} when the input is invalid or the discount exceeds the budget left
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openCouponState, redeemCoupon } from "loyalty-kit";
 * const p = parseProgram({ kind: "promotion", id: "welcome", name: "10.00 off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "10.00" }, coupon: { codes: ["WELCOME10"], perCustomer: 1 } });
 * const first = redeemCoupon(p, openCouponState(p), { code: "welcome10", transactionId: "sale-1", customerId: "c1", discount: "10.00", at: "2026-03-01T10:00:00Z" });
 * try {
 *   redeemCoupon(p, first.state, { code: "WELCOME10", transactionId: "sale-2", customerId: "c1", discount: "10.00", at: "2026-03-02T10:00:00Z" });
 * } catch (e) {
 *   console.log(first.status, (e as { details: { reason: string } }).details.reason); // applied customer-limit
 * }
 * ```
 */
export function redeemCoupon(program: Program, state: CouponState, options: RedeemCouponOptions): CouponStateChange {
  return guardInputs("redeemCoupon", { program, state, options }, () => redeemCouponUnguarded(program, state, options));
}

function redeemCouponUnguarded(program: Program, state: CouponState, options: RedeemCouponOptions): CouponStateChange {
  const p = couponProgram(program);
  const s = assertCouponState(p, state);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([
      { path: ["options"], message: "expected options { code, transactionId, discount, at }" },
    ]);
  const code = text(options.code, "code", 64);
  const transactionId = text(options.transactionId, "transactionId");
  const who = {
    customerId: optionalText(options.customerId, "customerId"),
    cardId: optionalText(options.cardId, "cardId"),
    tillId: optionalText(options.tillId, "tillId"),
  };
  const dp = minorUnits(p.currency) ?? 2;
  const discountText = text(options.discount, "discount", 40);
  if (!/^(0|[1-9]\d*)(\.\d+)?$/.test(discountText) || dec(discountText).decimalPlaces() > dp)
    throw new LoyaltyValidationError([
      {
        path: ["discount"],
        message: `expected the discount as a non-negative amount with at most ${dp} decimals such as "10.00", got ${JSON.stringify(discountText)}`,
      },
    ]);
  const discount = dec(discountText);
  const atMs = parseInstant(options.at, "at");
  const holder = holderOf(who);
  const key = couponKey(p.id, holder, transactionId);
  const earlier = s.redemptions.find((r) => r.key === key);
  const verdict = judgeCoupon(p, s, code, atMs, { holder, customerId: who.customerId });
  if (earlier !== undefined) {
    if (earlier.code !== normalizeCode(code) || !dec(earlier.amount).eq(discount))
      throw new IdempotencyConflictError(
        transactionId,
        `sale ${JSON.stringify(transactionId)} of ${holder} already redeemed code ${earlier.code} for ${earlier.amount}`,
      );
    return { status: "duplicate", state: s };
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== s.version)
    throw new VersionConflictError(options.expectedVersion, s.version);
  if (!verdict.ok)
    throw loyaltyError("COUPON_REFUSED", verdict.message, {
      programId: p.id,
      code: verdict.code,
      reason: verdict.reason,
    });
  if (verdict.budgetLeft !== null && discount.gt(verdict.budgetLeft))
    throw loyaltyError(
      "COUPON_REFUSED",
      `a discount of ${fixed(discount, dp)} is more than the ${fixed(verdict.budgetLeft, dp)} left in the promotion's budget: quote again`,
      { programId: p.id, code: verdict.code, reason: "budget-spent" },
    );
  const next = nextCouponState(s, {
    redemptions: [
      ...s.redemptions,
      {
        key,
        code: verdict.code,
        holder,
        transactionId,
        at: new Date(atMs).toISOString(),
        amount: fixed(discount, dp),
        returned: false,
      },
    ],
  });
  return deepFreeze({ status: "applied", state: next });
}
