// Exact integer arithmetic for allocation. Decimal division rounds to 40 significant digits, so the
// fractional remainders of two shares of different size are rounded at different places and an
// exact tie can come out unequal; BigInt quotients and remainders are exact.
import type DecimalJs from "decimal.js";
import { Decimal } from "../money.js";

/** `d` × 10^k as a BigInt, exactly. `d` must have at most `k` decimals. */
export function scaledBigInt(d: DecimalJs, k: number): bigint {
  const s = d.toFixed(); // plain notation with every digit: toFixed() without decimals never rounds
  const negative = s.startsWith("-");
  const [int = "0", frac = ""] = (negative ? s.slice(1) : s).split(".");
  const v = BigInt(int + frac.padEnd(k, "0"));
  return negative ? -v : v;
}

/** `v` × 10^-k as a Decimal, exactly (constructing from a string does not round). */
export function fromScaledBigInt(v: bigint, k: number): DecimalJs {
  return new Decimal(k === 0 ? v.toString() : `${v.toString()}e-${k}`);
}

/**
 * Splits `whole` (≥ 0) over non-negative `weights` with a positive sum: the weights are scaled to
 * whole numbers by a common power of ten, each share is whole × w / W rounded down, and the units
 * left are handed out one at a time, largest remainder first, ties to the earlier share. The shares
 * sum to `whole`; each is within one unit of its exact proportion.
 */
export function largestRemainder(whole: bigint, decimalWeights: readonly DecimalJs[]): bigint[] {
  let k = 0;
  for (const w of decimalWeights) k = Math.max(k, w.decimalPlaces());
  const weights = decimalWeights.map((w) => scaledBigInt(w, k));
  let sum = 0n;
  for (const w of weights) sum += w;
  const shares = weights.map((w) => (whole * w) / sum);
  const remainders = weights.map((w) => (whole * w) % sum);
  let left = whole;
  for (const s of shares) left -= s;
  if (left > 0n) {
    const order = remainders
      .map((_, i) => i)
      .sort((a, b) => {
        const ra = remainders[a] as bigint;
        const rb = remainders[b] as bigint;
        return ra > rb ? -1 : ra < rb ? 1 : a - b;
      });
    for (const i of order) {
      if (left === 0n) break;
      shares[i] = (shares[i] as bigint) + 1n;
      left -= 1n;
    }
  }
  return shares;
}
