import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { optionsObject } from "./_lib/values.js";
import { Decimal } from "../money/money.js";
import { assertShare, ceilShare } from "./_lib/shares.js";
import type { CustomerNetValue } from "./customerValue.js";

/**
 * Why a customer is a de-selection candidate: their net value is negative (they cost more to serve
 * than their margin), or they are in the bottom share of net value.
 *
 * @example
 * ```ts
 * import type { DeselectionReason } from "loyalty-kit";
 * const why: DeselectionReason = "negative-net-value";
 * console.log(why);
 * ```
 * @category analytics
 */
export type DeselectionReason = "negative-net-value" | "bottom-share";

/**
 * A de-selection candidate: the customer's value row, the reasons, and a sentence for a report.
 *
 * @example
 * ```ts
 * import type { DeselectionCandidate } from "loyalty-kit";
 * const show = (x: DeselectionCandidate) => `${x.customerId}: ${x.explanation}`;
 * console.log(typeof show);
 * ```
 * @category analytics
 */
export interface DeselectionCandidate extends CustomerNetValue {
  readonly reasons: readonly DeselectionReason[];
  readonly explanation: string;
}

/**
 * Options of {@link deselectionCandidates}: the bottom share of customers to flag besides those of negative net value.
 *
 * @example
 * ```ts
 * import type { DeselectionOptions } from "loyalty-kit";
 * const options: DeselectionOptions = { bottomShare: 0.05 };
 * console.log(options.bottomShare);
 * ```
 * @category analytics
 */
export interface DeselectionOptions {
  /** Also flag the lowest-ranked ⌈bottomShare × n⌉ customers, in [0, 1]. Default 0 (negative net value only). */
  readonly bottomShare?: number;
}

/**
 * The customers to consider de-selecting: the "costly or disruptive customers" of CRM practice made
 * measurable — those whose net value (margin minus cost to serve) is negative, and optionally those
 * in the bottom `bottomShare` of net value.
 *
 * Reads the ranked rows of {@link customerValue}. A customer is a candidate when `netValue < 0`
 * (reason `negative-net-value`) or when their rank is among the last ⌈bottomShare × n⌉ (reason
 * `bottom-share`); both reasons may apply. Candidates are returned worst first. This is a list to
 * review, not a verdict: a customer with a negative value may be new, or strategic.
 *
 * @param values - rows from `customerValue` (any order; ranks must be 1 … n)
 * @param input - options: `bottomShare` (default 0)
 * @returns the candidates, lowest net value first
 * @throws {LoyaltyValidationError} when a row's `netValue` is not a decimal string or `bottomShare` is outside [0, 1]
 * @example
 * ```ts
 * import { customerValue, deselectionCandidates } from "loyalty-kit";
 * const values = customerValue(
 *   [
 *     { customerId: "a", revenue: "900" },
 *     { customerId: "b", revenue: "100", returns: 3 },
 *     { customerId: "c", revenue: "400", supportContacts: 2 },
 *   ],
 *   { margin: "0.4", costToServe: { perSupportContact: "10", perReturn: "25" } },
 * );
 * for (const c of deselectionCandidates(values)) console.log(c.customerId, c.explanation);
 * // b net value -35: margin 40 minus cost to serve 75
 * ```
 * @category analytics
 */
export function deselectionCandidates(
  values: Iterable<CustomerNetValue>,
  input: DeselectionOptions = {},
): DeselectionCandidate[] {
  return guardInputs("deselectionCandidates", { values, input }, () => deselectionCandidatesUnguarded(values, input));
}

function deselectionCandidatesUnguarded(
  values: Iterable<CustomerNetValue>,
  input: DeselectionOptions = {},
): DeselectionCandidate[] {
  const what = "deselectionCandidates";
  const options = optionsObject(input, what, true);
  const bottomShare = options.bottomShare ?? 0;
  assertShare(bottomShare, "bottomShare", what);
  if (typeof values !== "object" || values === null || !(Symbol.iterator in values)) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected the rows of customerValue, got ${previewValue(values)}` }],
      what,
    );
  }
  const rows = [...values];
  const nets = rows.map((r, i) => {
    if (typeof r !== "object" || r === null || typeof r.netValue !== "string") {
      throw new LoyaltyValidationError(
        [
          {
            path: [i, "netValue"],
            message: `expected a row of customerValue with a decimal-string netValue, got ${previewValue(r)}`,
          },
        ],
        what,
      );
    }
    try {
      return new Decimal(r.netValue);
    } catch {
      return new LoyaltyValidationError(
        [{ path: [i, "netValue"], message: `expected a decimal string, got ${previewValue(r.netValue)}` }],
        what,
      );
    }
  });
  const bad = nets.find((x) => x instanceof LoyaltyValidationError);
  if (bad !== undefined) throw bad;
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (nets[a] as Decimal).comparedTo(nets[b] as Decimal) || (rows[b]?.rank ?? 0) - (rows[a]?.rank ?? 0));
  const bottom = ceilShare(bottomShare, rows.length);
  const out: DeselectionCandidate[] = [];
  order.forEach((idx, position) => {
    const row = rows[idx] as CustomerNetValue;
    const reasons: DeselectionReason[] = [];
    if ((nets[idx] as Decimal).isNegative() && !(nets[idx] as Decimal).isZero()) reasons.push("negative-net-value");
    if (position < bottom) reasons.push("bottom-share");
    if (reasons.length === 0) return;
    const unit = row.currency === undefined ? "" : ` ${row.currency}`;
    const explanation = `net value ${row.netValue}${unit}: margin ${row.grossMargin}${unit} minus cost to serve ${row.costToServe}${unit}${reasons.includes("bottom-share") ? ` (bottom ${bottomShare * 100} % by net value)` : ""}`;
    out.push(Object.freeze({ ...row, reasons: Object.freeze(reasons), explanation }));
  });
  return out;
}
