import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { fromScaledBigInt, largestRemainder, scaledBigInt } from "./_lib/exact.js";
import {
  Decimal,
  makeMoney,
  minorOf,
  toDecimal,
  type DecimalInput,
  type Money,
  asMoney,
  type MoneyLike,
} from "./money.js";

/**
 * Splits an amount across shares in proportion to `ratios`, without losing or creating a minor unit.
 *
 * Each share is first truncated to the minor unit; the units left over are then handed out one at a
 * time, largest fractional remainder first, ties to the earlier share (the
 * approach of dinero.js). The shares always sum exactly to `m`, and each is within one minor unit of
 * its exact proportion. A negative amount is split the same way with every share negative or zero.
 *
 * @param money - the amount, already at its currency's minor unit (round it first)
 * @param ratios - non-negative decimals, at least one positive (e.g. line amounts, or [50, 10])
 * @returns one Money per ratio, in order
 * @throws {LoyaltyValidationError} when ratios are empty, negative, not finite or all zero, or when m has more decimals than its currency
 * @example
 * ```ts
 * import { allocate, money } from "loyalty-kit";
 * console.log(allocate(money("10", "USD"), [50, 10]).map((s) => s.amount.toFixed(2)));       // [ '8.33', '1.67' ]
 * console.log(allocate(money("0.05", "USD"), [1, 1, 1]).map((s) => s.amount.toFixed(2)));    // [ '0.02', '0.02', '0.01' ]
 * ```
 * @category money
 */
export function allocate(money: MoneyLike, ratios: readonly DecimalInput[]): Money[] {
  return guardInputs("allocate", { money, ratios }, () => allocateUnguarded(money, ratios));
}

function allocateUnguarded(money: MoneyLike, ratios: readonly DecimalInput[]): Money[] {
  const m = asMoney(money, "money");
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw new LoyaltyValidationError([{ path: ["ratios"], message: "expected a non-empty array of ratios" }]);
  }
  // An index loop, not map: map skips the holes of a sparse array, which must be refused (a hole
  // reads as undefined), and the first bad ratio ends the loop.
  const weights: Decimal[] = [];
  for (let i = 0; i < ratios.length; i++) {
    const d = toDecimal(ratios[i], { path: ["ratios", i] });
    if (d.isNegative() && !d.isZero())
      throw new LoyaltyValidationError([
        { path: ["ratios", i], message: `expected a non-negative ratio, got ${d.toString()}` },
      ]);
    weights.push(d);
  }
  const totalWeight = weights.reduce((a, w) => a.plus(w), new Decimal(0));
  if (totalWeight.isZero())
    throw new LoyaltyValidationError([
      { path: ["ratios"], message: "expected at least one positive ratio, got all zero" },
    ]);

  const exponent = minorOf(m.currency);
  if (m.amount.decimalPlaces() > exponent) {
    throw new LoyaltyValidationError([
      {
        path: ["m"],
        message: `expected an amount at ${m.currency}'s minor unit (${exponent} decimals), got ${m.amount.toString()}: round it first`,
      },
    ]);
  }
  // Exact integers: the amount in minor units, split by largestRemainder over the ratios.
  const units = scaledBigInt(m.amount, exponent);
  const negative = units < 0n;
  const shares = largestRemainder(negative ? -units : units, weights);
  return shares.map((u) => makeMoney(fromScaledBigInt(negative ? -u : u, exponent), m.currency));
}
