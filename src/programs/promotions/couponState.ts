// The redemption state of a promotion's coupon codes: a JSON snapshot, like a catalog's stock, that
// the application stores beside the program and writes back with a compare-and-set on `version`.

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
