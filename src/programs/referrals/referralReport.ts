import { guardInputs } from "../../core/guard.js";
import { readingInput } from "../tiers/_lib/guard.js";
import { parseInstant, previewValue } from "../../core/instant.js";
import { deepFreeze } from "../../core/json.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { Decimal } from "../../money/money.js";

/**
 * One invitation and what became of it.
 *
 * @example
 * ```ts
 * import type { ReferralRecord } from "loyalty-kit";
 * const r: ReferralRecord = { referrerId: "ana", invitedAt: "2026-03-01T10:00:00Z", friendId: "bo" };
 * console.log(r.friendId); // bo
 * ```
 * @category programs
 */
export interface ReferralRecord {
  readonly referrerId: string;
  readonly invitedAt: string | Date;
  /** The friend, once enrolled with the code. */
  readonly friendId?: string;
  /** When the referral was rewarded (the friend's first qualifying purchase); absent if not (yet). */
  readonly rewardedAt?: string | Date;
  /** Points paid to both sides together when rewarded, a decimal string. */
  readonly pointsPaid?: string;
}

/**
 * One advocate in {@link referralReport}.
 *
 * @example
 * ```ts
 * import type { Advocate } from "loyalty-kit";
 * const a: Advocate = { customerId: "ana", invitations: 4, conversions: 2, pointsPaid: "1500" };
 * console.log(a.conversions); // 2
 * ```
 * @category programs
 */
export interface Advocate {
  readonly customerId: string;
  readonly invitations: number;
  readonly conversions: number;
  readonly pointsPaid: string;
}

/**
 * What {@link referralReport} measures.
 *
 * @example
 * ```ts
 * import { referralReport, type ReferralReport } from "loyalty-kit";
 * const r: ReferralReport = referralReport([]);
 * console.log(r.invitations, r.conversionRate); // 0 0
 * ```
 * @category programs
 */
export interface ReferralReport {
  readonly invitations: number;
  /** Friends who enrolled with a code. */
  readonly enrolled: number;
  /** Rewarded referrals (first qualifying purchase made, no fraud rule refused it). */
  readonly conversions: number;
  /** conversions ÷ invitations, 0 without invitations. */
  readonly conversionRate: number;
  /** Points paid to referrers and friends together. */
  readonly pointsPaid: string;
  /** Advocates with at least one conversion, most conversions first (ties: more invitations, then id). */
  readonly topAdvocates: readonly Advocate[];
}

/**
 * The referral program measured: invitations, enrolled friends, conversions (rewarded referrals),
 * the conversion rate, points paid, and the top advocates — the members who bring friends. Each
 * advocate's `conversions` is the figure a bonding profile's `referrals` signal takes (a social
 * bond: customers she brought).
 *
 * @param records - one record per invitation
 * @param options - `{ top? }`: how many advocates to list (default 10, at most 1,000)
 * @returns the frozen report
 * @throws {LoyaltyValidationError} when a record or `top` is invalid
 * @category programs
 * @example
 * ```ts
 * import { referralReport } from "loyalty-kit";
 * const r = referralReport([
 *   { referrerId: "ana", invitedAt: "2026-03-01T10:00:00Z", friendId: "bo", rewardedAt: "2026-03-05T10:00:00Z", pointsPaid: "750" },
 *   { referrerId: "ana", invitedAt: "2026-03-02T10:00:00Z" },
 * ]);
 * console.log(r.conversions, r.conversionRate, r.topAdvocates[0]?.customerId); // 1 0.5 ana
 * ```
 */
export function referralReport(
  records: readonly ReferralRecord[],
  options?: { readonly top?: number },
): ReferralReport {
  return guardInputs("referralReport", { records, options }, () => referralReportUnguarded(records, options));
}

function referralReportUnguarded(
  records: readonly ReferralRecord[],
  options?: { readonly top?: number },
): ReferralReport {
  return readingInput("referral records", () => {
    if (!Array.isArray(records))
      throw new LoyaltyValidationError([
        { path: ["records"], message: `expected an array of referral records, got ${previewValue(records)}` },
      ]);
    const top = options?.top ?? 10;
    if (!Number.isInteger(top) || top < 0 || top > 1000)
      throw new LoyaltyValidationError([
        { path: ["options", "top"], message: `expected an integer from 0 to 1000, got ${previewValue(top)}` },
      ]);
    const byReferrer = new Map<string, { invitations: number; conversions: number; points: Decimal }>();
    let enrolled = 0;
    let conversions = 0;
    let points = new Decimal(0);
    records.forEach((rec: ReferralRecord, i) => {
      const path = ["records", i];
      if (typeof rec !== "object" || rec === null || typeof rec.referrerId !== "string" || rec.referrerId === "")
        throw new LoyaltyValidationError([
          {
            path,
            message: `expected a record { referrerId, invitedAt, friendId?, rewardedAt?, pointsPaid? }, got ${previewValue(rec)}`,
          },
        ]);
      parseInstant(rec.invitedAt, [...path, "invitedAt"]);
      if (rec.rewardedAt !== undefined) parseInstant(rec.rewardedAt, [...path, "rewardedAt"]);
      if (
        rec.pointsPaid !== undefined &&
        (typeof rec.pointsPaid !== "string" || !/^(0|[1-9]\d*)(\.\d+)?$/.test(rec.pointsPaid))
      )
        throw new LoyaltyValidationError([
          {
            path: [...path, "pointsPaid"],
            message: `expected points as a non-negative decimal string such as "750", got ${previewValue(rec.pointsPaid)}`,
          },
        ]);
      const a = byReferrer.get(rec.referrerId) ?? { invitations: 0, conversions: 0, points: new Decimal(0) };
      a.invitations++;
      if (rec.friendId !== undefined) enrolled++;
      if (rec.rewardedAt !== undefined) {
        conversions++;
        a.conversions++;
        const paid = new Decimal(rec.pointsPaid ?? "0");
        points = points.plus(paid);
        a.points = a.points.plus(paid);
      }
      byReferrer.set(rec.referrerId, a);
    });
    const topAdvocates = [...byReferrer.entries()]
      .filter(([, a]) => a.conversions > 0)
      .sort(
        ([ia, a], [ib, b]) =>
          b.conversions - a.conversions || b.invitations - a.invitations || (ia < ib ? -1 : ia > ib ? 1 : 0),
      )
      .slice(0, top)
      .map(([customerId, a]) => ({
        customerId,
        invitations: a.invitations,
        conversions: a.conversions,
        pointsPaid: a.points.toString(),
      }));
    return deepFreeze({
      invitations: records.length,
      enrolled,
      conversions,
      conversionRate: records.length === 0 ? 0 : conversions / records.length,
      pointsPaid: points.toString(),
      topAdvocates,
    });
  });
}
