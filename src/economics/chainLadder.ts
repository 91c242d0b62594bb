import { LoyaltyValidationError } from "../errors/errors.js";
import { Decimal, type DecimalInput, toDecimal } from "../money/money.js";

/**
 * Options for {@link chainLadder}.
 *
 * @example
 * ```ts
 * import type { ChainLadderOptions } from "loyalty-kit";
 * const o: ChainLadderOptions = { decimals: 4 };
 * console.log(o.decimals); // 4
 * ```
 * @category economics
 */
export interface ChainLadderOptions {
  /** Digits after the decimal point in the returned strings (half-even). Default 6. */
  readonly decimals?: number;
}

/**
 * What {@link chainLadder} estimates: one development factor per step, and per origin the latest
 * observed value, the cumulative factor to ultimate, the ultimate and the part still to develop.
 *
 * @example
 * ```ts
 * import { chainLadder } from "loyalty-kit";
 * const r = chainLadder([["100", "150"], ["200"]]);
 * console.log(r.origins[1]?.ultimate); // 300.000000
 * ```
 * @category economics
 */
export interface ChainLadderResult {
  /** Volume-weighted age-to-age factors f₁ … fₙ₋₁ (decimal strings). */
  readonly factors: readonly string[];
  readonly origins: readonly {
    readonly latest: string;
    /** Product of the factors still ahead of this origin. */
    readonly toUltimate: string;
    readonly ultimate: string;
    /** ultimate − latest: what is still to come (for points: redemptions still expected). */
    readonly outstanding: string;
  }[];
  readonly totalUltimate: string;
  readonly totalOutstanding: string;
}

/**
 * Projects a cumulative run-off triangle to ultimate with the chain-ladder method.
 *
 * Row i is one origin (for points: the month they were issued), column k its cumulative value after
 * k + 1 development periods (for points: redeemed so far). Rows get shorter by one or more cells
 * towards the present. The factor for step k is the volume-weighted average
 * fₖ = Σᵢ Cᵢ,ₖ₊₁ / Σᵢ Cᵢ,ₖ over the origins that have both cells (Mack 1993, "Distribution-free
 * calculation of the standard error of chain ladder reserve estimates", ASTIN Bulletin 23). Each
 * origin's ultimate is its latest value times the factors ahead of it. No tail factor: development is
 * assumed complete at the oldest origin's age. Computed exactly with decimals.
 *
 * @param triangle - Cumulative values per origin, oldest origin first; decimal strings, Decimals or
 *   finite numbers, each ≥ 0. Not mutated.
 * @param options - `decimals` of the returned strings.
 * @returns A frozen {@link ChainLadderResult}.
 * @throws {LoyaltyValidationError} when the triangle is empty, a row is empty or longer than the one
 *   before it, a value is negative or not a decimal, or a factor's denominator is zero.
 * @category economics
 * @example
 * ```ts
 * import { chainLadder } from "loyalty-kit";
 * const r = chainLadder([["100", "150", "165"], ["120", "170"], ["90"]], { decimals: 2 });
 * console.log(r.factors, r.totalOutstanding); // [ '1.45', '1.10' ] 71.00
 * ```
 */
export function chainLadder(
  triangle: readonly (readonly DecimalInput[])[],
  options: ChainLadderOptions = {},
): ChainLadderResult {
  const decimals = options?.decimals ?? 6;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new LoyaltyValidationError(
      [{ path: ["decimals"], message: `expected an integer from 0 to 20, got ${String(decimals)}` }],
      "chainLadder",
    );
  }
  if (!Array.isArray(triangle) || triangle.length === 0) {
    throw new LoyaltyValidationError(
      [{ path: ["triangle"], message: "expected at least one origin row of cumulative values" }],
      "chainLadder",
    );
  }
  const rows: Decimal[][] = triangle.map((row, i) => {
    if (!Array.isArray(row) || row.length === 0) {
      throw new LoyaltyValidationError(
        [{ path: ["triangle", i], message: "expected a non-empty row of cumulative values" }],
        "chainLadder",
      );
    }
    const previous = i === 0 ? row.length : (triangle[i - 1]?.length ?? 0);
    if (row.length > previous) {
      throw new LoyaltyValidationError(
        [
          {
            path: ["triangle", i],
            message: `expected at most ${previous} values (a later origin cannot have developed longer than an earlier one), got ${row.length}`,
          },
        ],
        "chainLadder",
      );
    }
    return row.map((value, k) => {
      const d = toDecimal(value, { path: ["triangle", i, k] });
      if (d.isNegative()) {
        throw new LoyaltyValidationError(
          [{ path: ["triangle", i, k], message: `expected a value ≥ 0, got ${d.toString()}` }],
          "chainLadder",
        );
      }
      return d;
    });
  });
  const width = rows[0]?.length ?? 0;
  const factors: Decimal[] = [];
  for (let k = 0; k + 1 < width; k++) {
    let numerator = new Decimal(0);
    let denominator = new Decimal(0);
    for (const row of rows) {
      const next = row[k + 1];
      const current = row[k];
      if (next === undefined || current === undefined) continue;
      numerator = numerator.plus(next);
      denominator = denominator.plus(current);
    }
    if (denominator.isZero()) {
      throw new LoyaltyValidationError(
        [
          {
            path: ["triangle"],
            message: `development period ${k + 1} sums to 0 over the origins that reached period ${k + 2}, so no factor can be estimated; drop those empty origins or start the triangle later`,
          },
        ],
        "chainLadder",
      );
    }
    factors.push(numerator.dividedBy(denominator));
  }
  let totalUltimate = new Decimal(0);
  let totalOutstanding = new Decimal(0);
  const origins = rows.map((row) => {
    // Non-empty: checked above.
    const latest = row[row.length - 1] as Decimal;
    let toUltimate = new Decimal(1);
    for (let k = row.length - 1; k < factors.length; k++) toUltimate = toUltimate.times(factors[k] as Decimal);
    const ultimate = latest.times(toUltimate);
    const outstanding = ultimate.minus(latest);
    totalUltimate = totalUltimate.plus(ultimate);
    totalOutstanding = totalOutstanding.plus(outstanding);
    return Object.freeze({
      latest: latest.toFixed(decimals),
      toUltimate: toUltimate.toFixed(decimals),
      ultimate: ultimate.toFixed(decimals),
      outstanding: outstanding.toFixed(decimals),
    });
  });
  return Object.freeze({
    factors: Object.freeze(factors.map((f) => f.toFixed(decimals))),
    origins: Object.freeze(origins),
    totalUltimate: totalUltimate.toFixed(decimals),
    totalOutstanding: totalOutstanding.toFixed(decimals),
  });
}
