// The coupon parts of a checkout and a refund: the use a sale takes of its coupon code, the
// next-order coupon it hands out, and what a refund gives back or voids. Each returns the next coupon
// state beside the sale's own result, so a till stores both together (or neither).
import { zonedParts } from "../../../core/calendar.js";
import { CurrencyMismatchError, LoyaltyValidationError, OperationError } from "../../../errors/errors.js";
import { minorUnits } from "../../../money/currencies.js";
import type { Basket } from "../../basket.js";
import type { ProgramAccount } from "../../account.js";
import type { CheckoutOptions, RefundOptions } from "../../options.js";
import type { Program, ProgramOf } from "../../program.js";
import type { CheckoutRecord, RefundRecord } from "../../result.js";
import { type D, dec, fixed, sumD, ZERO } from "../../_lib/decimal.js";
import { saleFigures } from "../../_lib/saleForm.js";
import type {
  CheckoutCoupon,
  CouponState,
  IssuedCoupon,
  NextOrderCoupon,
  RefundCoupon,
  RefundNextOrder,
} from "../couponState.js";
import { generateCouponCodes } from "../generateCouponCodes.js";
import { redeemCoupon } from "../redeemCoupon.js";
import { normalizeCode } from "./couponCode.js";
import { assertCouponState, holderOf, judgeCoupon, nextCouponState } from "./couponRules.js";
import { couponProgram } from "./promotionProgram.js";
import * as say from "../../_lib/explainPromotions.js";

type CouponPromotion = ProgramOf<"promotion"> & { coupon: NonNullable<ProgramOf<"promotion">["coupon"]> };

function objectOption(value: unknown, path: string, shape: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new LoyaltyValidationError([{ path: [path], message: `expected ${shape}` }]);
  return value as Record<string, unknown>;
}

/** The coupon code of a checkout request, normalized, for its idempotency digest (undefined: none given). */
export function requestCouponCode(program: Program, options: CheckoutOptions): string | undefined {
  if (program.kind !== "promotion" || program.coupon === undefined || options.coupon === undefined) return undefined;
  const c = objectOption(options.coupon, "coupon", "coupon options { code, state? }");
  if (c["code"] === undefined) return undefined;
  if (typeof c["code"] !== "string" || c["code"].length > 64)
    throw new LoyaltyValidationError([
      { path: ["coupon", "code"], message: "expected the coupon code as a string of at most 64 characters" },
    ]);
  return normalizeCode(c["code"].trim());
}

/** Who holds a sale's coupon use: the customer, else the card, else the till. */
function saleHolder(
  basket: Basket,
  account: ProgramAccount,
): {
  customerId?: string;
  cardId?: string;
  tillId?: string;
} {
  const customerId = basket.customerId ?? account.customerId;
  const cardId = basket.cardId ?? account.cardId;
  return {
    ...(customerId === undefined ? {} : { customerId }),
    ...(cardId === undefined ? {} : { cardId }),
    ...(basket.tillId === undefined ? {} : { tillId: basket.tillId }),
  };
}

/**
 * The use a checkout takes of its coupon code, when it was given the coupon state: judged on that
 * state exactly as the quote judged it, so a refusal is the quote's (the sale priced without it).
 */
export function checkoutCoupon(
  program: Program,
  account: ProgramAccount,
  basket: Basket,
  options: CheckoutOptions,
  result: CheckoutRecord & { readonly status: "applied" | "duplicate" | "inactive" },
): CheckoutCoupon | undefined {
  if (program.kind !== "promotion" || program.coupon === undefined || options.coupon === undefined) return undefined;
  const c = objectOption(options.coupon, "coupon", "coupon options { code, state? }");
  if (c["state"] === undefined) return undefined;
  const p = program as CouponPromotion;
  const state = assertCouponState(p, c["state"], ["coupon", "state"]);
  const rawCode = typeof c["code"] === "string" ? c["code"] : undefined;
  const code = rawCode === undefined ? "" : normalizeCode(rawCode.trim());
  const quiet = (status: "unused"): CheckoutCoupon => ({ status, code, reason: null, redemption: null, state });
  if (result.status === "inactive") return quiet("unused");
  const who = saleHolder(basket, account);
  const atMs = Date.parse(result.at);
  const discount = result.discountTotal.amount;
  if (result.status === "applied") {
    const verdict = judgeCoupon(p, state, rawCode, atMs, { holder: holderOf(who), customerId: who.customerId });
    if (!verdict.ok) return { status: "refused", code: verdict.code, reason: verdict.reason, redemption: null, state };
  }
  if (result.status === "duplicate" && dec(discount).isZero()) {
    // A retry of a sale the code took nothing off: the account keeps the sale's figures, not its
    // explanation, so the code is judged again on the state given (uses only grow: a code refused
    // then is refused now, for the same reason unless a later limit was reached meanwhile).
    const verdict = judgeCoupon(p, state, rawCode, atMs, { holder: holderOf(who), customerId: who.customerId });
    if (!verdict.ok) return { status: "refused", code: verdict.code, reason: verdict.reason, redemption: null, state };
  }
  if (dec(discount).isZero()) return quiet("unused");
  try {
    const r = redeemCoupon(p, state, {
      code: rawCode ?? "",
      transactionId: result.transactionId,
      ...who,
      discount,
      at: result.at,
    });
    const redemption = r.state.redemptions.find((x) => x.transactionId === result.transactionId) ?? null;
    return { status: r.status, code, reason: null, redemption, state: r.state };
  } catch (e) {
    // A retried sale whose use the given state lacks and can no longer take (another till took the
    // last one meanwhile): the sale stands as first priced; the till learns the use is missing.
    if (e instanceof OperationError && e.code === "COUPON_REFUSED")
      return { status: "refused", code, reason: String(e.details["reason"]), redemption: null, state };
    throw e;
  }
}

function nextOrderTarget(value: unknown): {
  program: CouponPromotion;
  issue: NonNullable<CouponPromotion["coupon"]["issue"]>;
  pattern: string;
  state: CouponState;
  randomBytes: ((bytes: Uint8Array) => Uint8Array) | undefined;
} {
  const o = objectOption(value, "nextOrder", "nextOrder options { program, state }");
  let program: CouponPromotion;
  try {
    program = couponProgram(o["program"] as Program);
  } catch (e) {
    if (e instanceof LoyaltyValidationError)
      throw new LoyaltyValidationError(e.issues.map((i) => ({ ...i, path: ["nextOrder", ...i.path] })));
    throw e;
  }
  const issue = program.coupon.issue;
  const pattern = program.coupon.pattern;
  if (issue === undefined || pattern === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["nextOrder", "program", "coupon", "issue"],
        message: `expected a promotion with coupon.pattern and coupon.issue (the rule for next-order coupons), got ${JSON.stringify(program.id)} without them`,
      },
    ]);
  const randomBytes = o["randomBytes"];
  if (randomBytes !== undefined && typeof randomBytes !== "function")
    throw new LoyaltyValidationError([
      { path: ["nextOrder", "randomBytes"], message: "expected a function that fills a Uint8Array with random bytes" },
    ]);
  return {
    program,
    issue,
    pattern,
    state: assertCouponState(program, o["state"] ?? null, ["nextOrder", "state"]),
    randomBytes: randomBytes as ((bytes: Uint8Array) => Uint8Array) | undefined,
  };
}

/** The last day of a code valid `days` days from the sale's day (inclusive), in `timeZone`. */
function lastDay(atMs: number, days: number, timeZone: string): string {
  const d = zonedParts(atMs, timeZone);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + days - 1)).toISOString().slice(0, 10);
}

/**
 * The next-order coupon a checkout hands out under the target promotion's `coupon.issue` rule:
 * idempotent by the sale's transactionId (a retry returns the code issued first).
 */
export function nextOrderCoupon(
  account: ProgramAccount,
  basket: Basket,
  options: CheckoutOptions,
  result: CheckoutRecord & { readonly status: "applied" | "duplicate" | "inactive" },
  after?: CheckoutCoupon,
): NextOrderCoupon | undefined {
  if (options.nextOrder === undefined) return undefined;
  const t = nextOrderTarget(options.nextOrder);
  // The same promotion as the code redeemed: issue on the state after the redemption.
  const state = after !== undefined && after.state.programId === t.program.id ? after.state : t.state;
  if (t.program.currency !== result.total.currency)
    throw new CurrencyMismatchError(result.total.currency, t.program.currency, "checkout (nextOrder)");
  const customerId = basket.customerId ?? account.customerId;
  // Tills number their sales independently: the same transactionId of another customer is another sale.
  const earlier = state.issued.find((x) => x.transactionId === result.transactionId && x.customerId === customerId);
  if (earlier !== undefined)
    return {
      status: "duplicate",
      coupon: earlier,
      reason: say.nextOrderAlreadyIssued(result.transactionId, earlier.code),
      state,
    };
  const notEarned = (reason: string): NextOrderCoupon => ({ status: "not-earned", coupon: null, reason, state });
  if (result.status === "inactive") return notEarned(say.nextOrderInactive());
  const dp = minorUnits(t.program.currency) ?? 2;
  const min = t.issue.minSpend;
  if (min !== undefined && dec(result.total.amount).lt(min))
    return notEarned(
      say.nextOrderBelowMinSpend(
        `${result.total.amount} ${result.total.currency}`,
        `${fixed(dec(min), dp)} ${t.program.currency}`,
      ),
    );
  const taken = new Set([
    ...(t.program.coupon.codes ?? []).map(normalizeCode),
    ...state.issued.map((x) => normalizeCode(x.code)),
  ]);
  let code: string | undefined;
  for (let n = 0; n < 20 && code === undefined; n++) {
    const [candidate = ""] = generateCouponCodes(t.pattern, {
      count: 1,
      ...(t.randomBytes === undefined ? {} : { randomBytes: t.randomBytes }),
    });
    if (!taken.has(normalizeCode(candidate))) code = candidate;
  }
  if (code === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["nextOrder", "program", "coupon", "pattern"],
        message:
          "expected a pattern with room for new codes: 20 random codes in a row were taken (lengthen the pattern)",
      },
    ]);
  const validUntil = lastDay(Date.parse(result.at), t.issue.validDays, t.program.timeZone);
  const coupon: IssuedCoupon = {
    code,
    ...(customerId === undefined ? {} : { customerId }),
    transactionId: result.transactionId,
    validUntil,
  };
  return {
    status: "issued",
    coupon,
    reason: say.nextOrderIssued(
      `${result.total.amount} ${result.total.currency}`,
      code,
      validUntil,
      t.program.timeZone,
    ),
    state: nextCouponState(state, { issued: [...state.issued, coupon] }),
  };
}

/**
 * What a refund needs to know of the sale it refunds (its till and what was paid): from the sale the
 * account holds, else from the checkout record the refund was given.
 */
function saleRecord(
  program: Program,
  account: ProgramAccount,
  options: RefundOptions,
  transactionId: string,
): { readonly tillId?: string | undefined; readonly paid: D } | undefined {
  const held = account.sales.find((x) => x.transactionId === transactionId);
  // the total checkout's record showed (the lines' net), read as refund and a retry read it
  if (held !== undefined) return { tillId: held.tillId, paid: dec(saleFigures(program, held).total.amount) };
  const record = options.record as CheckoutRecord | undefined;
  return record === undefined ? undefined : { tillId: record.tillId, paid: dec(record.total.amount) };
}

/**
 * The redemption of a refunded sale: by its transactionId, and when two tills' sales share it, the one
 * whose holder is this account's customer or card, or the sale's till.
 */
function saleRedemption(
  state: CouponState,
  account: ProgramAccount,
  sale: { readonly tillId?: string | undefined } | undefined,
  id: string,
) {
  const all = state.redemptions.filter((r) => r.transactionId === id);
  if (all.length <= 1) return all[0];
  const holders = [
    account.customerId === undefined ? "" : `customer:${account.customerId}`,
    account.cardId === undefined ? "" : `card:${account.cardId}`,
    sale?.tillId === undefined ? "" : `till:${sale.tillId}`,
  ];
  return all.find((r) => holders.includes(r.holder));
}

/** Gives a sale's coupon use back when the refund completes it (the rule of returnCoupon). */
export function refundCoupon(
  program: Program,
  account: ProgramAccount,
  options: RefundOptions,
  result: RefundRecord,
): RefundCoupon | undefined {
  if (program.kind !== "promotion" || program.coupon === undefined || options.coupon === undefined) return undefined;
  const o = objectOption(options.coupon, "coupon", "coupon options { state }");
  const state = assertCouponState(program as CouponPromotion, o["state"] ?? null, ["coupon", "state"]);
  const id = result.originalTransactionId;
  const found = saleRedemption(state, account, saleRecord(program, account, options, id), id);
  if (found === undefined) return { status: "none", redemption: null, state };
  if (!result.complete) return { status: "kept", redemption: found, state };
  if (found.returned) return { status: "returned", redemption: found, state };
  const back = { ...found, returned: true };
  return {
    status: "returned",
    redemption: back,
    state: nextCouponState(state, { redemptions: state.redemptions.map((r) => (r.key === found.key ? back : r)) }),
  };
}

/**
 * Voids the next-order coupon of a refunded sale while it is unused, when what the customer kept
 * (the sale's total less the money given back by all its refunds) is below the issue rule's
 * `minSpend`, or the sale is refunded in full.
 */
export function refundNextOrder(
  program: Program,
  account: ProgramAccount,
  options: RefundOptions,
  result: RefundRecord,
): RefundNextOrder | undefined {
  if (options.nextOrder === undefined) return undefined;
  const t = nextOrderTarget(options.nextOrder);
  const state = t.state;
  const all = state.issued.filter((x) => x.transactionId === result.originalTransactionId);
  const issued = all.length <= 1 ? all[0] : all.find((x) => x.customerId === account.customerId);
  if (issued === undefined) return { status: "none", coupon: null, state };
  if (issued.voidedBy !== undefined) return { status: "voided", coupon: issued, state };
  const code = normalizeCode(issued.code);
  if (state.redemptions.some((r) => r.code === code && !r.returned)) return { status: "used", coupon: issued, state };
  const sale = saleRecord(program, account, options, result.originalTransactionId);
  const paid = sale === undefined ? ZERO : sale.paid;
  const back = sumD(
    account.refunds
      .filter((r) => r.originalTransactionId === result.originalTransactionId)
      .flatMap((r) => r.lines.map((l) => dec(l.moneyBack))),
  );
  const min = t.issue.minSpend;
  const keeps = !result.complete && (min === undefined || paid.minus(back).gte(min));
  if (keeps) return { status: "kept", coupon: issued, state };
  const voided: IssuedCoupon = { ...issued, voidedBy: result.transactionId };
  return {
    status: "voided",
    coupon: voided,
    state: nextCouponState(state, { issued: state.issued.map((x) => (x === issued ? voided : x)) }),
  };
}
