// The one exact split of an integer total over weights, used by money, pricing and points.
// Internal: not re-exported from the package root.
import { LoyaltyValidationError } from "../errors/errors.js";

/**
 * Splits `total` (a bigint, in minor units or points) over non-negative `weights` by the largest
 * remainder (Hamilton) method: each share is floor(total × wᵢ / Σw), and the units left over go one
 * each to the largest remainders, ties to the earlier index. The shares always sum to `total`
 * exactly. A negative total is split as the negation of the split of its absolute value, so
 * allocate(-t, w) = −allocate(t, w). All-zero weights are refused (there is nothing to split by).
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0)
    throw new LoyaltyValidationError([{ path: ["weights"], message: "expected at least one weight, got none" }]);
  let sum = 0n;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as bigint;
    if (w < 0n)
      throw new LoyaltyValidationError([{ path: ["weights", i], message: `expected a non-negative weight, got ${w}` }]);
    sum += w;
  }
  if (sum === 0n)
    throw new LoyaltyValidationError([
      { path: ["weights"], message: "expected at least one positive weight, got only zeros" },
    ]);
  if (total < 0n) return allocate(-total, weights).map((s) => -s);
  const shares = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) {
    const idx = (remainders[k] as { i: number }).i;
    shares[idx] = (shares[idx] as bigint) + 1n;
  }
  return shares;
}

/** {@link allocate} on safe integers (numbers); throws when an input is not a safe integer. */
export function allocateNumber(total: number, weights: readonly number[]): number[] {
  const check = (v: number, path: (string | number)[]) => {
    if (!Number.isSafeInteger(v))
      throw new LoyaltyValidationError([{ path, message: `expected a safe integer, got ${v}` }]);
  };
  check(total, ["total"]);
  weights.forEach((w, i) => check(w, ["weights", i]));
  return allocate(BigInt(total), weights.map(BigInt)).map(Number);
}
