import { guardInputs } from "../../core/guard.js";
import { readingInput } from "./_lib/guard.js";
import { deepFreeze } from "../../core/json.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { Decimal } from "../../money/money.js";
import { checkTransactionId, type EarnRequest } from "./_lib/earnRequest.js";
import { tierInputs } from "./_lib/inputs.js";
import { replayTiers } from "./_lib/simulate.js";
import type { TierActivityInput, TierLevel, TierPolicyInput } from "./tierPolicy.js";

/**
 * Options of {@link tierBonusEntry}.
 *
 * @example
 * ```ts
 * import type { TierBonusOptions } from "loyalty-kit";
 * const o: TierBonusOptions = { at: "2026-03-01T10:00:00Z", transactionId: "sale-1", pointsEarned: "75" };
 * console.log(o.pointsEarned); // 75
 * ```
 * @category programs
 */
export interface TierBonusOptions {
  /** The instant of the purchase: the tier held then applies. */
  readonly at: string | Date;
  /** The purchase's transaction id; the bonus is posted as `<transactionId>:tier-bonus`, so posting it twice is a duplicate, not a second bonus. */
  readonly transactionId: string;
  /** The points the purchase earned before the tier multiplier (the checkout's `pointsEarned`). */
  readonly pointsEarned: string;
  /** When the bonus points expire (the program's validity for the purchase's lot), if they do. */
  readonly expiresAt?: string | Date;
}

/**
 * The extra points a tier's earn multiplier gives on a purchase, as a ledger `earn` request to `post`
 * beside the purchase's own points: `pointsEarned × (multiplier − 1)`, rounded down to the policy's
 * `pointsScale` (whole points by default). `null` when the member holds no tier, the tier has no
 * multiplier, or the bonus rounds to zero. The tier is the one held at the purchase's instant, read
 * from the history before the purchase is added (a purchase that lifts a member into Gold earns at the
 * old rate; its own spend counts from the next purchase on, so the bonus never depends on itself).
 * A `bonus` program can instead carry the policy as its `tiers`, and checkout applies the same
 * multiplier itself; use one or the other, not both.
 *
 * @param policy - the tier policy
 * @param history - the member's qualifying activities before this purchase
 * @param options - the purchase: `{ at, transactionId, pointsEarned, expiresAt? }`
 * @returns the frozen earn request with `meta` saying which tier and multiplier gave it, or `null`
 * @throws {LoyaltyValidationError} when the policy, the history or an option is invalid
 * @category programs
 * @example
 * ```ts
 * import { tierBonusEntry, type TierPolicyInput } from "loyalty-kit";
 * const policy: TierPolicyInput = { basis: "points", timeZone: "Europe/Berlin", window: { type: "calendar-year" },
 *   tiers: [{ name: "Gold", threshold: "1000", earnMultiplier: "1.5" }] };
 * const entry = tierBonusEntry(policy, [{ at: "2026-02-01T10:00:00Z", amount: "1200" }],
 *   { at: "2026-03-01T10:00:00Z", transactionId: "sale-42", pointsEarned: "75" });
 * console.log(entry?.transactionId, entry?.points); // sale-42:tier-bonus 37
 * ```
 */
export function tierBonusEntry(
  policy: TierPolicyInput,
  history: readonly TierActivityInput[],
  options: TierBonusOptions,
): EarnRequest | null {
  return guardInputs("tierBonusEntry", { policy, history, options }, () =>
    tierBonusEntryUnguarded(policy, history, options),
  );
}

function tierBonusEntryUnguarded(
  policy: TierPolicyInput,
  history: readonly TierActivityInput[],
  options: TierBonusOptions,
): EarnRequest | null {
  return readingInput("tier inputs", () => {
    const { policy: p, history: h, atMs } = tierInputs(policy, history, options);
    const transactionId = checkTransactionId(options.transactionId, ["options", "transactionId"], ":tier-bonus");
    const earned = options.pointsEarned;
    if (typeof earned !== "string" || !/^(0|[1-9]\d*)(\.\d+)?$/.test(earned))
      throw new LoyaltyValidationError([
        {
          path: ["options", "pointsEarned"],
          message: `expected the purchase's points as a non-negative decimal string such as "75", got ${typeof earned === "string" ? JSON.stringify(earned) : typeof earned}`,
        },
      ]);
    // The tier held just before the purchase: activities at the purchase's own instant are its own.
    const r = replayTiers(p, h, atMs - 1);
    if (r.held < 0) return null;
    const tier = r.levels[r.held] as TierLevel;
    const multiplier = new Decimal(tier.earnMultiplier ?? "1");
    const bonus = new Decimal(earned)
      .times(multiplier.minus(1))
      .toDecimalPlaces(p.pointsScale ?? 0, Decimal.ROUND_DOWN);
    if (bonus.lte(0)) return null;
    const entry: EarnRequest = {
      kind: "earn",
      transactionId: `${transactionId}:tier-bonus`,
      at: new Date(atMs).toISOString(),
      points: bonus.toString(),
      meta: { reason: "tier-bonus", tier: tier.name, multiplier: multiplier.toString(), basePoints: earned },
    };
    if (options.expiresAt !== undefined) entry.expiresAt = options.expiresAt;
    return deepFreeze(entry);
  });
}
