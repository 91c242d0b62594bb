import { guardInputs } from "../../core/guard.js";
import { readingInput } from "../tiers/_lib/guard.js";
import { previewValue, parseInstant } from "../../core/instant.js";
import { deepFreeze } from "../../core/json.js";
import { makeParsers } from "../../core/validation.js";
import type { Customer, CustomerInput } from "../../customers/customer.js";
import { parseCustomer } from "../../customers/parseCustomer.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { Decimal } from "../../money/money.js";
import { periodKey } from "../events/_lib/occasion.js";
import { checkTransactionId, type EarnRequest } from "../tiers/_lib/earnRequest.js";
import { type ReferralRulesInput, ReferralRulesSchema } from "./referralRules.js";

const parsers = /* @__PURE__ */ makeParsers(ReferralRulesSchema, "referral rules");

/**
 * Why a referral was rewarded or refused.
 *
 * @example
 * ```ts
 * import type { ReferralReason } from "loyalty-kit";
 * const r: ReferralReason = "shared-phone";
 * console.log(r);
 * ```
 * @category programs
 */
export type ReferralReason =
  | "rewarded"
  | "self-referral"
  | "shared-card"
  | "shared-phone"
  | "shared-email"
  | "already-rewarded"
  | "below-minimum"
  | "refunded"
  | "cap-reached";

/**
 * The friend's first qualifying purchase.
 *
 * @example
 * ```ts
 * import type { ReferralPurchase } from "loyalty-kit";
 * const p: ReferralPurchase = { transactionId: "t-1", at: "2026-04-01T10:00:00Z", amount: "45.00", refunded: true };
 * console.log(p.refunded); // true
 * ```
 * @category programs
 */
export interface ReferralPurchase {
  readonly transactionId: string;
  readonly at: string | Date;
  /** The amount paid, a decimal string. */
  readonly amount: string;
  /** True when the purchase was refunded (in full or so far that it no longer qualifies). */
  readonly refunded?: boolean;
}

/**
 * A referral already rewarded, for the cap and for duplicates.
 *
 * @example
 * ```ts
 * import type { RewardedReferral } from "loyalty-kit";
 * const r: RewardedReferral = { referrerId: "ana", friendId: "bo", at: "2026-04-01T10:00:00Z" };
 * console.log(r.friendId); // bo
 * ```
 * @category programs
 */
export interface RewardedReferral {
  readonly referrerId: string;
  readonly friendId: string;
  readonly at: string | Date;
}

/**
 * Options of {@link referralDecision}.
 *
 * @example
 * ```ts
 * import type { ReferralDecisionOptions } from "loyalty-kit";
 * const o: ReferralDecisionOptions = { purchase: { transactionId: "t-1", at: "2026-04-01T10:00:00Z", amount: "45.00" }, rewarded: [] };
 * console.log(o.purchase.amount); // 45.00
 * ```
 * @category programs
 */
export interface ReferralDecisionOptions {
  readonly purchase: ReferralPurchase;
  /** Referrals rewarded before (any referrer); the cap counts the referrer's, a friend is rewarded once. */
  readonly rewarded: readonly RewardedReferral[];
}

/**
 * The decision on a referral.
 *
 * @example
 * ```ts
 * import type { ReferralDecision } from "loyalty-kit";
 * const d: ReferralDecision = { rewarded: false, reason: "self-referral", entries: null, explanation: "No referral reward: ana cannot refer themself." };
 * console.log(d.reason); // self-referral
 * ```
 * @category programs
 */
export interface ReferralDecision {
  readonly rewarded: boolean;
  readonly reason: ReferralReason;
  /** The two earn requests to post (each to its member's account), `null` unless rewarded. */
  readonly entries: { readonly referrer: EarnRequest; readonly friend: EarnRequest } | null;
  readonly explanation: string;
}

function cards(c: Customer): Set<string> {
  return new Set(
    c.identifiers.flatMap((i) =>
      i.kind === "barcode" ? [`b:${i.code}`] : i.kind === "magnetic" ? [`m:${i.number}`] : [],
    ),
  );
}
function phones(c: Customer): Set<string> {
  return new Set(c.identifiers.flatMap((i) => (i.kind === "phone" ? [i.number] : [])));
}
const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/**
 * Whether a referral earns its rewards, as a typed, explained decision. The fraud rules, in order:
 * `self-referral` (the friend is the referrer), `shared-card`, `shared-phone`, `shared-email` (the
 * two customers share a card barcode or stripe number, an E.164 phone number, or an e-mail address
 * compared without case: likely one person twice), `already-rewarded` (the friend was rewarded before),
 * `below-minimum` (the first purchase pays less than `minPurchase`), `refunded` (the qualifying
 * purchase was refunded), `cap-reached` (the referrer's rewarded referrals in the calendar period
 * reached `capPerReferrer`). When none applies both members earn: requests with transactionIds
 * `referral:<friendId>:referrer` and `referral:<friendId>:friend`, so each is posted once; with the
 * rules' `pendingDays` both are pending (`availableAt`) until the friend's return window ends, and a
 * refund inside it is settled by reversing them (nothing was spendable, so nothing is clawed back).
 *
 * @param rules - the referral rules
 * @param referrer - the member whose code the friend used
 * @param friend - the friend who enrolled with it
 * @param options - `{ purchase, rewarded }`
 * @returns the frozen decision
 * @throws {LoyaltyValidationError} when the rules, a customer, the purchase or the rewarded list is invalid
 * @category programs
 * @example
 * ```ts
 * import { referralDecision, type CustomerInput } from "loyalty-kit";
 * const rules = { timeZone: "Europe/Berlin", referrerPoints: "500", friendPoints: "250", minPurchase: "30.00" };
 * const ana: CustomerInput = { id: "ana", contact: { email: "ana@example.org" } };
 * const bo: CustomerInput = { id: "bo", contact: { email: "Ana@Example.org" } };
 * const purchase = { transactionId: "t-1", at: "2026-04-01T10:00:00Z", amount: "45.00" };
 * console.log(referralDecision(rules, ana, bo, { purchase, rewarded: [] }).reason); // shared-email
 * ```
 */
export function referralDecision(
  rules: ReferralRulesInput,
  referrer: CustomerInput,
  friend: CustomerInput,
  options: ReferralDecisionOptions,
): ReferralDecision {
  return guardInputs("referralDecision", { rules, referrer, friend, options }, () =>
    referralDecisionUnguarded(rules, referrer, friend, options),
  );
}

function referralDecisionUnguarded(
  rules: ReferralRulesInput,
  referrer: CustomerInput,
  friend: CustomerInput,
  options: ReferralDecisionOptions,
): ReferralDecision {
  return readingInput("referral input", () => {
    const r = parsers.parse(rules);
    const a = parseCustomer(referrer);
    const b = parseCustomer(friend);
    if (
      typeof options !== "object" ||
      options === null ||
      typeof options.purchase !== "object" ||
      options.purchase === null
    )
      throw new LoyaltyValidationError([
        {
          path: ["options", "purchase"],
          message: `expected options { purchase: { transactionId, at, amount }, rewarded }, got ${previewValue(options)}`,
        },
      ]);
    const p = options.purchase;
    const txId = checkTransactionId(p.transactionId, ["options", "purchase", "transactionId"]);
    const atMs = parseInstant(p.at, ["options", "purchase", "at"]);
    if (typeof p.amount !== "string" || !/^(0|[1-9]\d*)(\.\d+)?$/.test(p.amount))
      throw new LoyaltyValidationError([
        {
          path: ["options", "purchase", "amount"],
          message: `expected the amount paid as a non-negative decimal string such as "45.00", got ${previewValue(p.amount)}`,
        },
      ]);
    if (!Array.isArray(options.rewarded))
      throw new LoyaltyValidationError([
        {
          path: ["options", "rewarded"],
          message: `expected the referrals rewarded before as an array (empty for none), got ${previewValue(options.rewarded)}`,
        },
      ]);
    const rewarded = options.rewarded.map((x, i) => {
      if (typeof x !== "object" || x === null || typeof x.referrerId !== "string" || typeof x.friendId !== "string")
        throw new LoyaltyValidationError([
          {
            path: ["options", "rewarded", i],
            message: `expected { referrerId, friendId, at }, got ${previewValue(x)}`,
          },
        ]);
      return {
        referrerId: x.referrerId,
        friendId: x.friendId,
        atMs: parseInstant(x.at, ["options", "rewarded", i, "at"]),
      };
    });
    const refuse = (reason: ReferralReason, explanation: string): ReferralDecision =>
      deepFreeze({ rewarded: false, reason, entries: null, explanation: `No referral reward: ${explanation}` });
    if (a.id === b.id) return refuse("self-referral", `${a.id} cannot refer themself.`);
    if (shares(cards(a), cards(b))) return refuse("shared-card", `${a.id} and ${b.id} share a card.`);
    if (shares(phones(a), phones(b))) return refuse("shared-phone", `${a.id} and ${b.id} share a phone number.`);
    const ea = a.contact?.email?.toLowerCase();
    if (ea !== undefined && ea === b.contact?.email?.toLowerCase())
      return refuse("shared-email", `${a.id} and ${b.id} share an e-mail address.`);
    if (rewarded.some((x) => x.friendId === b.id))
      return refuse("already-rewarded", `${b.id} was already rewarded as a referred friend; a friend counts once.`);
    if (r.minPurchase !== undefined && new Decimal(p.amount).lt(r.minPurchase))
      return refuse("below-minimum", `the first purchase paid ${p.amount}, below the minimum of ${r.minPurchase}.`);
    if (p.refunded === true) return refuse("refunded", `the qualifying purchase ${txId} was refunded.`);
    if (r.capPerReferrer !== undefined) {
      const { count, period } = r.capPerReferrer;
      const key = periodKey(atMs, period, r.timeZone);
      const used = rewarded.filter(
        (x) => x.referrerId === a.id && periodKey(x.atMs, period, r.timeZone) === key,
      ).length;
      if (used >= count)
        return refuse(
          "cap-reached",
          `${a.id} already has ${used} rewarded referral${used === 1 ? "" : "s"} this ${period === "lifetime" ? "membership" : period} (cap ${count}).`,
        );
    }
    const at = new Date(atMs).toISOString();
    const meta = { reason: "referral", referrerId: a.id, friendId: b.id, purchase: txId };
    // Pending until the friend's return window ends (whole 24-hour days after the purchase).
    const until = r.pendingDays === undefined ? undefined : new Date(atMs + r.pendingDays * 86_400_000).toISOString();
    const pending = until === undefined ? {} : { availableAt: until };
    return deepFreeze({
      rewarded: true,
      reason: "rewarded",
      entries: {
        referrer: {
          kind: "earn",
          transactionId: `referral:${b.id}:referrer`,
          at,
          points: r.referrerPoints,
          ...pending,
          meta,
        },
        friend: {
          kind: "earn",
          transactionId: `referral:${b.id}:friend`,
          at,
          points: r.friendPoints,
          ...pending,
          meta,
        },
      },
      explanation: `${a.id} earns ${r.referrerPoints} and ${b.id} earns ${r.friendPoints} points for ${b.id}'s first purchase ${txId}${until === undefined ? "" : `, pending until ${until} (the end of the friend's ${r.pendingDays}-day return window)`}.`,
    });
  });
}
