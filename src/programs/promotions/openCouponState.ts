import { guardInputs } from "../../core/guard.js";
import { deepFreeze } from "../../core/json.js";
import type { Program } from "../program.js";
import { emptyCouponState } from "./_lib/couponRules.js";
import { couponProgram } from "./_lib/promotionProgram.js";
import type { CouponState } from "./couponState.js";

/**
 * The empty redemption state of a promotion's coupon codes: version 0, nothing issued, nothing
 * redeemed. Store it beside the program; {@link redeemCoupon}, {@link returnCoupon} and
 * {@link issueCoupon} return the next one.
 *
 * @param program - a promotion with `coupon` rules
 * @returns a frozen, empty coupon state
 * @throws {LoyaltyValidationError} when the program is not a promotion with coupon rules
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openCouponState } from "loyalty-kit";
 * const p = parseProgram({ kind: "promotion", id: "welcome", name: "10.00 off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "10.00" }, coupon: { codes: ["WELCOME10"], perCustomer: 1 } });
 * console.log(openCouponState(p)); // { programId: 'welcome', version: 0, issued: [], redemptions: [] }
 * ```
 */
export function openCouponState(program: Program): CouponState {
  return guardInputs("openCouponState", { program }, () => openCouponStateUnguarded(program));
}

function openCouponStateUnguarded(program: Program): CouponState {
  return deepFreeze(emptyCouponState(couponProgram(program).id));
}
