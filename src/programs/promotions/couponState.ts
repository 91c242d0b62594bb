// The redemption state of a promotion's coupon codes: a JSON snapshot, like a catalog's stock, that
// the application stores beside the program and writes back with a compare-and-set on `version`.
// The interfaces are declarations, not logic: field lists alike in shape to other result types
// (a cohort table, a goodwill request), each naming its own fields.

/**
 * One redemption of a coupon code: who (`holder`: the customer, the card or the till), which sale
 * (`transactionId`), the discount it gave (`amount`) and whether a refund gave it back (`returned`).
 *
 * @example
 * ```ts
 * import type { CouponRedemption } from "loyalty-kit";
 * const r: CouponRedemption = { key: '["spring","customer:c1","sale-1"]', code: "SPRING10", holder: "customer:c1", transactionId: "sale-1", at: "2026-03-01T10:00:00.000Z", amount: "10.00", returned: false };
 * console.log(r.amount);
 * ```
 * @category programs
 */
export interface CouponRedemption {
  /** (program, holder, transaction): what makes a redemption idempotent. */
  readonly key: string;
  /** The code as normalized (upper case, no spaces or dashes). */
  readonly code: string;
  readonly holder: string;
  readonly transactionId: string;
  readonly at: string;
  readonly amount: string;
  readonly returned: boolean;
}

/**
 * A code issued by a checkout for a later visit (a thank-you or win-back coupon), optionally only for
 * the customer it was issued to.
 *
 * @example
 * ```ts
 * import type { IssuedCoupon } from "loyalty-kit";
 * const c: IssuedCoupon = { code: "BACK-7K3M-Q2X4", customerId: "c1", transactionId: "sale-1" };
 * console.log(c.code);
 * ```
 * @category programs
 */
export interface IssuedCoupon {
  readonly code: string;
  readonly customerId?: string;
  readonly transactionId: string;
  /** The last day it can be used (inclusive, a calendar date in the promotion's time zone); absent: the promotion's own window only. */
  readonly validUntil?: string;
  /** The refund that voided it (a next-order coupon whose sale was refunded before it was used). */
  readonly voidedBy?: string;
}

/**
 * The redemption state of one promotion's coupons: codes issued after the configuration was written,
 * and every redemption. `version` grows with each change, so a store can refuse a write made from a
 * stale copy (two tills redeeming the last use at once: one wins, the other re-reads and is refused).
 *
 * @example
 * ```ts
 * import type { CouponState } from "loyalty-kit";
 * const s: CouponState = { programId: "spring", version: 0, issued: [], redemptions: [] };
 * console.log(s.version);
 * ```
 * @category programs
 */
export interface CouponState {
  readonly programId: string;
  readonly version: number;
  readonly issued: readonly IssuedCoupon[];
  readonly redemptions: readonly CouponRedemption[];
}

/**
 * What a checkout did with the coupon code it was given (`options.coupon` with its `state`), in the
 * same result as the sale, so the till stores the sale and the coupon state together:
 * - `applied`: the use (and, against a budget, the money) was taken: `redemption` is it;
 * - `duplicate`: a retry, and `state` already holds this sale's use;
 * - `refused`: the code was refused (`reason`; the quote's `explain` says why) and the sale was priced without it;
 * - `unused`: the code was accepted but the promotion took nothing off this basket (or the program
 *   was not active), so no use was taken.
 *
 * `state` is the coupon state to store (with a compare-and-set on the `version` you read): the next
 * one when a use was taken, else the one given.
 *
 * @example
 * ```ts
 * import type { CheckoutCoupon } from "loyalty-kit";
 * const c: CheckoutCoupon = { status: "refused", code: "WELCOME10", reason: "customer-limit", redemption: null, state: { programId: "welcome", version: 1, issued: [], redemptions: [] } };
 * console.log(c.status, c.reason); // refused customer-limit
 * ```
 * @category programs
 */
export interface CheckoutCoupon {
  readonly status: "applied" | "duplicate" | "refused" | "unused";
  /** The code as normalized (upper case, no spaces or dashes). */
  readonly code: string;
  /** Why the code was refused: missing, mistyped, unknown, not-yet-valid, expired, used-up, customer-limit, budget-spent, voided; null otherwise. */
  readonly reason: string | null;
  readonly redemption: CouponRedemption | null;
  readonly state: CouponState;
}

/**
 * The next-order coupon a checkout handed out (`options.nextOrder`), for the till to print:
 * - `issued`: a new code (`coupon`: the code with its check character, its customer, its last day);
 * - `duplicate`: a retry of a sale that already issued `coupon` (the same code again, state unchanged);
 * - `not-earned`: the sale did not qualify (`reason` says why: below the minimum spend, program not active).
 *
 * @example
 * ```ts
 * import type { NextOrderCoupon } from "loyalty-kit";
 * const n: NextOrderCoupon = { status: "not-earned", coupon: null, reason: "the total of 12.00 EUR is below the 50.00 EUR that earns a next-order coupon", state: { programId: "back", version: 0, issued: [], redemptions: [] } };
 * console.log(n.status); // not-earned
 * ```
 * @category programs
 */
export interface NextOrderCoupon {
  readonly status: "issued" | "duplicate" | "not-earned";
  readonly coupon: IssuedCoupon | null;
  readonly reason: string;
  readonly state: CouponState;
}

/**
 * What a refund did with the coupon its sale redeemed (`options.coupon` with its `state`):
 * - `returned`: the sale is now refunded in full, so its use and its money went back to the limits
 *   and the budget (with `onRefund: "keep-use"` only the money), or had already gone back (a retry);
 * - `kept`: a partial refund: the customer kept part of the sale, so the promotion keeps its use;
 * - `none`: the sale redeemed no code of this promotion.
 *
 * @example
 * ```ts
 * import type { RefundCoupon } from "loyalty-kit";
 * const c: RefundCoupon = { status: "none", redemption: null, state: { programId: "welcome", version: 0, issued: [], redemptions: [] } };
 * console.log(c.status); // none
 * ```
 * @category programs
 */
export interface RefundCoupon {
  readonly status: "returned" | "kept" | "none";
  readonly redemption: CouponRedemption | null;
  readonly state: CouponState;
}

/**
 * What a refund did with the next-order coupon its sale issued (`options.nextOrder`):
 * - `voided`: the refund took the sale below the issue rule's `minSpend` (or refunded it in full)
 *   while the code was unused, so the code is refused from now on (or was already voided: a retry);
 * - `kept`: what the customer kept still earns it;
 * - `used`: the code was already used: it stays used (its discount is not taken back);
 * - `none`: the sale issued no code of this promotion.
 *
 * @example
 * ```ts
 * import type { RefundNextOrder } from "loyalty-kit";
 * const n: RefundNextOrder = { status: "none", coupon: null, state: { programId: "back", version: 0, issued: [], redemptions: [] } };
 * console.log(n.status); // none
 * ```
 * @category programs
 */
export interface RefundNextOrder {
  readonly status: "voided" | "kept" | "used" | "none";
  readonly coupon: IssuedCoupon | null;
  readonly state: CouponState;
}
