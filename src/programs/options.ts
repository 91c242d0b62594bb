import type { LedgerHistoryRecord } from "../ledger/history.js";
import type { EntryInput } from "../ledger/schemas.js";
import type { CatalogStock } from "./account.js";
import type { CouponState } from "./promotions/couponState.js";
import type { Program } from "./program.js";

/**
 * Consent to personal-data processing, as a flag or as a consent record's answer. Personalized
 * programs (cumulative, bonus and catalog by default) refuse to work without it (CONSENT_REQUIRED).
 *
 * @example
 * ```ts
 * import type { Consent } from "loyalty-kit";
 * const consent: Consent = { personalData: true };
 * console.log(consent);
 * ```
 * @category programs
 */
export type Consent = boolean | { readonly personalData: boolean };

/**
 * Options of {@link quote} (and, with a transactionId, of {@link checkout}).
 *
 * @example
 * ```ts
 * import type { QuoteOptions } from "loyalty-kit";
 * const options: QuoteOptions = { redeemPoints: "max", consent: true };
 * console.log(options.redeemPoints);
 * ```
 * @category programs
 */
export interface QuoteOptions {
  /** The instant of the purchase; default the basket's `at`. */
  readonly at?: string | Date;
  /** Bonus programs: points to pay with (a decimal string or integer), or "max" for as many as allowed. */
  readonly redeemPoints?: string | number;
  /** Catalog programs: the reward to redeem. */
  readonly rewardId?: string;
  /** Stamp cards: whether a full card is used on this purchase (default true). */
  readonly redeemCard?: boolean;
  /** Personalized programs: the customer's consent to personal-data processing. */
  readonly consent?: Consent;
  /** Catalog programs: the current stock (default: the program's initial stock). */
  readonly stock?: CatalogStock;
  /**
   * Promotions with coupon rules: the code the customer gave and the coupon state (default: nothing
   * redeemed yet). Given to {@link checkout} with its `state`, the result's `coupon` carries the use
   * taken and the next coupon state.
   */
  readonly coupon?: { readonly code: string; readonly state?: CouponState };
}

/**
 * Options of {@link checkout}: those of {@link quote} plus the `transactionId` that makes it
 * idempotent and an optional `expectedVersion` of the account.
 *
 * @example
 * ```ts
 * import type { CheckoutOptions } from "loyalty-kit";
 * const options: CheckoutOptions = { transactionId: "till-3:2026-03-01:0042", consent: true };
 * console.log(options.transactionId);
 * ```
 * @category programs
 */
export interface CheckoutOptions extends QuoteOptions {
  /** The idempotency key: a retry with the same id and request returns the original result. */
  readonly transactionId: string;
  /** The account version the caller read; a different one throws VersionConflictError. */
  readonly expectedVersion?: number;
  /**
   * Next-order coupons: the promotion whose `coupon.issue` rule may hand out a code with this sale,
   * and its coupon state; the result's `nextOrder` carries the code and the next state.
   * `randomBytes` replaces the platform's random source (for reproducible tests).
   */
  readonly nextOrder?: {
    readonly program: Program;
    readonly state: CouponState;
    readonly randomBytes?: (bytes: Uint8Array) => Uint8Array;
  };
  /**
   * For a retry of a sale that has left the account's `retainDays` window: the checkout record
   * {@link checkout} returned for it and you stored (JSON is fine). It is checked (this sale, program
   * and account, figures that add up, the same basket id, instant and lines) and answered as the
   * `duplicate`; without it such a retry cannot be told from a new sale — your store's unique key on
   * (programId, customer or card, transactionId) must refuse it.
   */
  readonly record?: unknown;
}

/**
 * Options of {@link refund}: the instant, the refund's own `transactionId`, the lines and
 * quantities given back (default: everything not yet refunded), for a sale the account no longer
 * holds the stored checkout `record`, and for a sale whose redeem entry the points ledger has
 * dropped the points account's `history`.
 *
 * @example
 * ```ts
 * import type { RefundOptions } from "loyalty-kit";
 * const options: RefundOptions = { at: "2026-03-05T10:00:00Z", transactionId: "refund-1", lines: [{ id: "1", quantity: "1" }] };
 * console.log(options.lines?.length);
 * ```
 * @category programs
 */
export interface RefundOptions {
  readonly at: string | Date;
  readonly transactionId: string;
  readonly lines?: readonly { readonly id: string; readonly quantity: string | number }[];
  readonly expectedVersion?: number;
  /**
   * The checkout record of the sale as {@link checkout} returned it and you stored it (JSON is
   * fine). Needed when the account no longer holds the sale; when it does, it must be the same record.
   * Checked: this program, this account, and figures that add up (else HISTORY_MISMATCH).
   */
  readonly record?: unknown;
  /**
   * The points account's history records (every record the ledger operations returned, from
   * sequence 1, in order: what `replayAccount` and `statement` take). Read only when the refund gives
   * back redeemed points and the points ledger's snapshot has dropped the sale's redeem entry (older
   * than its `retainDays`): the points then go back into the lots that entry took them from, which
   * only the history knows — without it such a refund is HISTORY_REQUIRED. Checked to be this
   * snapshot's history (else HISTORY_MISMATCH); costs O(history length) when read.
   */
  readonly history?: readonly (LedgerHistoryRecord | EntryInput)[];
  /** Promotions with coupon rules: the coupon state; the result's `coupon` says whether the sale's use went back. */
  readonly coupon?: { readonly state: CouponState };
  /** The promotion and coupon state of the next-order coupon the sale issued; the result's `nextOrder` says whether it was voided. */
  readonly nextOrder?: { readonly program: Program; readonly state: CouponState };
}
