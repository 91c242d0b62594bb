import { guardInputs } from "../../core/guard.js";
import { IdempotencyConflictError, LoyaltyValidationError } from "../../errors/errors.js";
import { deepFreeze } from "../../core/json.js";
import type { Program } from "../program.js";
import { normalizeCode, patternMismatch } from "./_lib/couponCode.js";
import { assertCouponState, nextCouponState } from "./_lib/couponRules.js";
import { couponProgram, optionalText, text } from "./_lib/promotionProgram.js";
import type { CouponState, IssuedCoupon } from "./couponState.js";

/**
 * Options of {@link issueCoupon}: the code, the sale that issued it, and the customer it is for.
 *
 * @example
 * ```ts
 * import type { IssueCouponOptions } from "loyalty-kit";
 * const o: IssueCouponOptions = { code: "BACK-1234-5678", transactionId: "sale-1", customerId: "c1" };
 * console.log(o.code); // BACK-1234-5678
 * ```
 * @category programs
 */
export interface IssueCouponOptions {
  /** The code to accept (generated from the promotion's pattern). */
  readonly code: string;
  /** The sale that issued it: a retry with the same code is `duplicate`. */
  readonly transactionId: string;
  /** Only this customer may use it (another customer's code is refused as unknown). */
  readonly customerId?: string;
}

/**
 * What {@link issueCoupon} returns: whether the code was added, the issued coupon and the state to store.
 *
 * @example
 * ```ts
 * import { parseProgram, openCouponState, issueCoupon, generateCouponCodes, type IssueCouponResult } from "loyalty-kit";
 * const back = parseProgram({ kind: "promotion", id: "back", name: "5.00 off next visit", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "5.00" }, coupon: { pattern: "BACK-####-####", usesPerCode: 1 } });
 * const [code = ""] = generateCouponCodes("BACK-####-####", { count: 1 });
 * const r: IssueCouponResult = issueCoupon(back, openCouponState(back), { code, transactionId: "sale-1" });
 * console.log(r.status, r.coupon.code === code); // applied true
 * ```
 * @category programs
 */
export interface IssueCouponResult {
  /** `applied` when the code was added, `duplicate` for a retry of the same sale with the same code. */
  readonly status: "applied" | "duplicate";
  /** The issued coupon (the first one for a retry). */
  readonly coupon: IssuedCoupon;
  /** The coupon state to store (with a compare-and-set on its `version`). */
  readonly state: CouponState;
}

/**
 * Issues a coupon code for a later visit (a thank-you or a win-back coupon handed out with a
 * receipt): the code joins the promotion's accepted codes in the coupon state, for one customer when
 * `customerId` is given (another customer's code is refused as unknown). Generate the code with
 * {@link generateCouponCodes} from the promotion's pattern, so a mistyped code is caught at the till.
 *
 * Idempotent by the issuing sale's `transactionId`: a retry with the same code is `duplicate`; another
 * code for the same sale is an IdempotencyConflictError.
 *
 * @param program - the promotion the code unlocks (with coupon rules)
 * @param state - the coupon state; not changed
 * @param options - `code`, `transactionId` of the sale that issued it, `customerId`
 * @returns `{ status: "applied" | "duplicate", coupon, state }`
 * @throws {LoyaltyValidationError} when the code does not fit the promotion's pattern or is already accepted
 * @throws {IdempotencyConflictError} when the sale already issued another code
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openCouponState, issueCoupon, generateCouponCodes } from "loyalty-kit";
 * const back = parseProgram({ kind: "promotion", id: "back", name: "5.00 off next visit", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "5.00" }, coupon: { pattern: "BACK-####-####", usesPerCode: 1 } });
 * const [code = ""] = generateCouponCodes("BACK-####-####", { count: 1 });
 * const r = issueCoupon(back, openCouponState(back), { code, transactionId: "sale-1", customerId: "c1" });
 * console.log(r.status, r.state.issued.length); // applied 1
 * ```
 */
export function issueCoupon(program: Program, state: CouponState, options: IssueCouponOptions): IssueCouponResult {
  return guardInputs("issueCoupon", { program, state, options }, () => issueCouponUnguarded(program, state, options));
}

function issueCouponUnguarded(program: Program, state: CouponState, options: IssueCouponOptions): IssueCouponResult {
  const p = couponProgram(program);
  const s = assertCouponState(p, state);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([
      { path: ["options"], message: "expected options { code, transactionId, customerId? }" },
    ]);
  const code = text(options.code, "code", 64);
  const transactionId = text(options.transactionId, "transactionId");
  const customerId = optionalText(options.customerId, "customerId");
  const earlier = s.issued.find((c) => c.transactionId === transactionId);
  if (earlier !== undefined) {
    if (normalizeCode(earlier.code) !== normalizeCode(code) || earlier.customerId !== customerId)
      throw new IdempotencyConflictError(
        transactionId,
        `sale ${JSON.stringify(transactionId)} already issued code ${earlier.code}`,
      );
    return { status: "duplicate", coupon: earlier, state: s };
  }
  if (p.coupon.pattern !== undefined && patternMismatch(normalizeCode(code), p.coupon.pattern) !== null)
    throw new LoyaltyValidationError([
      {
        path: ["code"],
        message: `expected a code of the shape ${p.coupon.pattern} with its check character, got ${JSON.stringify(code)}`,
      },
    ]);
  const n = normalizeCode(code);
  if ((p.coupon.codes ?? []).some((c) => normalizeCode(c) === n) || s.issued.some((c) => normalizeCode(c.code) === n))
    throw new LoyaltyValidationError([
      { path: ["code"], message: `expected a new code: ${JSON.stringify(code)} is already accepted by this promotion` },
    ]);
  const coupon: IssuedCoupon = customerId === undefined ? { code, transactionId } : { code, customerId, transactionId };
  return deepFreeze({
    status: "applied",
    coupon,
    state: nextCouponState(s, { issued: [...s.issued, coupon] }),
  });
}
