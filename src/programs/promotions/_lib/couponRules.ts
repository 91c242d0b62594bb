// Whether a coupon code can be redeemed now, by whom, and how much budget is left: one evaluation
// shared by the quote (a refusal is an explanation there) and redeemCoupon (a refusal is an error).
import { LoyaltyValidationError } from "../../../errors/errors.js";
import { zonedTimeToInstant } from "../../../core/calendar.js";
import type { ProgramOf } from "../../program.js";
import type { CouponState } from "../couponState.js";
import { dec, sumD, type D } from "../../_lib/decimal.js";
import { normalizeCode, patternMismatch } from "./couponCode.js";

/**
 * Why a code is refused: `missing` (the promotion needs a code), `mistyped` (the check character or
 * the shape is wrong), `unknown` (never handed out, or issued to someone else), `not-yet-valid`,
 * `expired`, `used-up` (the code's or all codes' uses), `customer-limit`, `budget-spent`, `voided` (a
 * next-order coupon whose sale was refunded before it was used).
 */
export type CouponRefusal =
  | "missing"
  | "mistyped"
  | "unknown"
  | "not-yet-valid"
  | "expired"
  | "used-up"
  | "customer-limit"
  | "budget-spent"
  | "voided";

export type CouponVerdict =
  | { readonly ok: true; readonly code: string; readonly budgetLeft: D | null }
  | { readonly ok: false; readonly code: string; readonly reason: CouponRefusal; readonly message: string };

export function holderOf(who: {
  customerId?: string | undefined;
  cardId?: string | undefined;
  tillId?: string | undefined;
}): string {
  return who.customerId !== undefined
    ? `customer:${who.customerId}`
    : who.cardId !== undefined
      ? `card:${who.cardId}`
      : who.tillId !== undefined
        ? `till:${who.tillId}`
        : "anonymous";
}

export function couponKey(programId: string, holder: string, transactionId: string): string {
  return JSON.stringify([programId, holder, transactionId]);
}

export function emptyCouponState(programId: string): CouponState {
  return { programId, version: 0, issued: [], redemptions: [] };
}

/** The state after one change: the same promotion, the next version, the lists `change` names replaced. */
export function nextCouponState(
  state: CouponState,
  change: Partial<Pick<CouponState, "issued" | "redemptions">>,
): CouponState {
  return {
    programId: state.programId,
    version: state.version + 1,
    issued: change.issued ?? state.issued,
    redemptions: change.redemptions ?? state.redemptions,
  };
}

export function assertCouponState(program: ProgramOf<"promotion">, state: unknown, path = ["state"]): CouponState {
  if (state === undefined) return emptyCouponState(program.id);
  const s = state as Partial<CouponState> | null;
  if (
    typeof s !== "object" ||
    s === null ||
    typeof s.programId !== "string" ||
    !Number.isSafeInteger(s.version) ||
    !Array.isArray(s.issued) ||
    !Array.isArray(s.redemptions)
  )
    throw new LoyaltyValidationError([
      { path, message: "expected a coupon state (from openCouponState, redeemCoupon or returnCoupon)" },
    ]);
  if (s.programId !== program.id)
    throw new LoyaltyValidationError([
      {
        path: [...path, "programId"],
        message: `expected the coupon state of program ${JSON.stringify(program.id)}, got ${JSON.stringify(s.programId)}`,
      },
    ]);
  return s as CouponState;
}

function dayStart(date: string, timeZone: string, plusDays = 0): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return zonedTimeToInstant({ year: y, month: m, day: d + plusDays }, timeZone);
}

/** The verdict on `rawCode` at `atMs` for `holder` (and the customer, for codes issued to one). */
export function judgeCoupon(
  program: ProgramOf<"promotion">,
  state: CouponState,
  rawCode: string | undefined,
  atMs: number,
  who: { holder: string; customerId?: string | undefined },
): CouponVerdict {
  const rules = program.coupon;
  if (rules === undefined) return { ok: true, code: "", budgetLeft: null };
  if (rawCode === undefined || rawCode.trim() === "")
    return { ok: false, code: "", reason: "missing", message: "this promotion needs a coupon code" };
  const code = normalizeCode(rawCode);
  const refuse = (reason: CouponRefusal, message: string): CouponVerdict => ({ ok: false, code, reason, message });
  if (rules.pattern !== undefined) {
    const miss = patternMismatch(code, rules.pattern);
    if (miss === "check")
      return refuse(
        "mistyped",
        `code ${rawCode} is mistyped: its check character does not fit (ask the customer to read it again)`,
      );
    if (miss === "shape" && !(rules.codes ?? []).some((c) => normalizeCode(c) === code))
      return refuse("mistyped", `code ${rawCode} does not have the shape ${rules.pattern}`);
  }
  const listed = (rules.codes ?? []).some((c) => normalizeCode(c) === code);
  const issued = state.issued.filter((c) => normalizeCode(c.code) === code);
  if (!listed && issued.length === 0) return refuse("unknown", `code ${rawCode} was never handed out`);
  if (!listed && issued.every((c) => c.customerId !== undefined && c.customerId !== who.customerId))
    return refuse("unknown", `code ${rawCode} was issued to another customer`);
  if (!listed) {
    const live = issued.filter((c) => c.voidedBy === undefined);
    if (live.length === 0) return refuse("voided", `code ${rawCode} was voided: the sale that issued it was refunded`);
    const last = live
      .map((c) => c.validUntil)
      .reduce((a, b) => (a === undefined || b === undefined ? undefined : a > b ? a : b));
    if (last !== undefined && atMs >= dayStart(last, program.timeZone, 1))
      return refuse("expired", `code ${rawCode} expired after ${last} (${program.timeZone})`);
  }
  if (rules.validFrom !== undefined && atMs < dayStart(rules.validFrom, program.timeZone))
    return refuse("not-yet-valid", `code ${rawCode} is valid from ${rules.validFrom} (${program.timeZone})`);
  if (rules.validUntil !== undefined && atMs >= dayStart(rules.validUntil, program.timeZone, 1))
    return refuse("expired", `code ${rawCode} expired after ${rules.validUntil} (${program.timeZone})`);
  const counts = (r: CouponState["redemptions"][number]) => !r.returned || rules.onRefund === "keep-use";
  const uses = state.redemptions.filter(counts);
  if (rules.usesPerCode !== undefined && uses.filter((r) => r.code === code).length >= rules.usesPerCode)
    return refuse(
      "used-up",
      `code ${rawCode} is used up (${rules.usesPerCode} use${rules.usesPerCode === 1 ? "" : "s"})`,
    );
  if (rules.total !== undefined && uses.length >= rules.total)
    return refuse("used-up", `the promotion's ${rules.total} uses are all taken`);
  if (rules.perCustomer !== undefined) {
    if (!who.holder.startsWith("customer:") && !who.holder.startsWith("card:"))
      return refuse("customer-limit", "a limit per customer needs the customer (or card) to be identified");
    const mine = uses.filter((r) => r.holder === who.holder).length;
    if (mine >= rules.perCustomer)
      return refuse(
        "customer-limit",
        `${who.holder} has used this promotion ${mine} time${mine === 1 ? "" : "s"}, the limit per customer`,
      );
  }
  let budgetLeft: D | null = null;
  if (rules.budget !== undefined) {
    const spent = sumD(state.redemptions.filter((r) => !r.returned).map((r) => dec(r.amount)));
    budgetLeft = dec(rules.budget).minus(spent);
    if (budgetLeft.lte(0)) return refuse("budget-spent", `the promotion's budget of ${rules.budget} is spent`);
  }
  return { ok: true, code, budgetLeft };
}
