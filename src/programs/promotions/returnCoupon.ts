import { guardInputs } from "../../core/guard.js";
import { ErrorCode, LoyaltyValidationError, OperationError, VersionConflictError } from "../../errors/errors.js";
import { deepFreeze } from "../../core/json.js";
import type { Program } from "../program.js";
import { assertCouponState, couponKey, holderOf, nextCouponState } from "./_lib/couponRules.js";
import { couponProgram, optionalText, text } from "./_lib/promotionProgram.js";
import type { CouponState } from "./couponState.js";

/**
 * Options of {@link returnCoupon}: the refunded sale, and who redeemed the code in it (as redeemed).
 *
 * @example
 * ```ts
 * import type { ReturnCouponOptions } from "loyalty-kit";
 * const o: ReturnCouponOptions = { transactionId: "sale-1", customerId: "c1" };
 * console.log(o.transactionId); // sale-1
 * ```
 * @category programs
 */
export interface ReturnCouponOptions {
  /** The refunded sale that redeemed the code. */
  readonly transactionId: string;
  readonly customerId?: string;
  readonly cardId?: string;
  /** The till, for sales without a customer or card (as given to redeemCoupon). */
  readonly tillId?: string;
  /** The state version the caller read; another one is a VersionConflictError. */
  readonly expectedVersion?: number;
}

/**
 * What {@link redeemCoupon} and {@link returnCoupon} return: whether the call changed the coupon
 * state, and the state to store.
 *
 * @example
 * ```ts
 * import { parseProgram, openCouponState, redeemCoupon, type CouponStateChange } from "loyalty-kit";
 * const p = parseProgram({ kind: "promotion", id: "welcome", name: "10.00 off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "10.00" }, coupon: { codes: ["WELCOME10"] } });
 * const r: CouponStateChange = redeemCoupon(p, openCouponState(p), { code: "WELCOME10", transactionId: "sale-1", discount: "10.00", at: "2026-03-01T10:00:00Z" });
 * console.log(r.status, r.state.version); // applied 1
 * ```
 * @category programs
 */
export interface CouponStateChange {
  /** `applied` when the state changed, `duplicate` for a retry (the state unchanged). */
  readonly status: "applied" | "duplicate";
  /** The coupon state to store (with a compare-and-set on its `version`). */
  readonly state: CouponState;
}

/**
 * Gives a coupon redemption back when its sale is refunded in full: the discount returns to the
 * budget, and with `onRefund: "return-use"` (the default) the use returns to the code's, the
 * customer's and the total limits; with `"keep-use"` the use stays counted. Call it for a full refund
 * only (a partial refund keeps the promotion's use: the customer kept part of the sale).
 *
 * Idempotent: returning a redemption already returned is `duplicate` with the state unchanged.
 *
 * @param program - the promotion with coupon rules
 * @param state - the coupon state; not changed
 * @param options - the sale's `transactionId` and its `customerId` / `cardId` / `tillId` (as redeemed), `expectedVersion`
 * @returns `{ status: "applied" | "duplicate", state }`
 * @throws {OperationError} NOT_FOUND when the sale redeemed no code
 * @throws {VersionConflictError} when `expectedVersion` is stale
 * @throws {LoyaltyValidationError} when the input is invalid
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openCouponState, redeemCoupon, returnCoupon } from "loyalty-kit";
 * const p = parseProgram({ kind: "promotion", id: "welcome", name: "10.00 off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "10.00" }, coupon: { codes: ["WELCOME10"], perCustomer: 1 } });
 * const used = redeemCoupon(p, openCouponState(p), { code: "WELCOME10", transactionId: "sale-1", customerId: "c1", discount: "10.00", at: "2026-03-01T10:00:00Z" });
 * const back = returnCoupon(p, used.state, { transactionId: "sale-1", customerId: "c1" });
 * const again = redeemCoupon(p, back.state, { code: "WELCOME10", transactionId: "sale-2", customerId: "c1", discount: "10.00", at: "2026-03-03T10:00:00Z" });
 * console.log(back.status, again.status); // applied applied
 * ```
 */
export function returnCoupon(program: Program, state: CouponState, options: ReturnCouponOptions): CouponStateChange {
  return guardInputs("returnCoupon", { program, state, options }, () => returnCouponUnguarded(program, state, options));
}

function returnCouponUnguarded(program: Program, state: CouponState, options: ReturnCouponOptions): CouponStateChange {
  const p = couponProgram(program);
  const s = assertCouponState(p, state);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([
      { path: ["options"], message: "expected options { transactionId, customerId? }" },
    ]);
  const transactionId = text(options.transactionId, "transactionId");
  const holder = holderOf({
    customerId: optionalText(options.customerId, "customerId"),
    cardId: optionalText(options.cardId, "cardId"),
    tillId: optionalText(options.tillId, "tillId"),
  });
  const key = couponKey(p.id, holder, transactionId);
  const found = s.redemptions.find((r) => r.key === key);
  if (found === undefined)
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `sale ${JSON.stringify(transactionId)} of ${holder} redeemed no coupon of program ${JSON.stringify(p.id)}`,
      {
        transactionId,
      },
    );
  if (found.returned) return { status: "duplicate", state: s };
  if (options.expectedVersion !== undefined && options.expectedVersion !== s.version)
    throw new VersionConflictError(options.expectedVersion, s.version);
  return deepFreeze({
    status: "applied",
    state: nextCouponState(s, {
      redemptions: s.redemptions.map((r) => (r.key === key ? { ...r, returned: true } : r)),
    }),
  });
}
