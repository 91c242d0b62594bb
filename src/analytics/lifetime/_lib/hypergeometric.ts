// The Gauss hypergeometric function 2F1(a, b; c; z) for real arguments and z < 1, as the BG/NBD
// expectations need it (Fader, Hardie & Lee 2005, eq. 9 and 10). Internal: not re-exported.
//
// - 0 ≤ z ≤ 0.9: the defining series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed until the remaining tail is
//   bounded below 1e-16 of the sum (the term ratio tends to z, so the tail is geometric).
// - 0.9 < z < 1: the linear transformation to 1 − z (Abramowitz & Stegun 15.3.6), whose two series
//   converge within a few dozen terms. Its two parts grow like 1/δ and cancel when s = c − a − b is
//   within δ of an integer, losing about log10(1/δ) digits, so: for |δ| ≥ 1e-5 it is used as is; for
//   s an integer, the logarithmic formulas A&S 15.3.10 (s = 0) and 15.3.11 (s = m > 0; s < 0 goes
//   through Euler's transformation first) replace it; for 0 < |δ| < 1e-5 the direct series is summed
//   (it converges for z < 1, slowly very near 1, and throws NOT_CONVERGED past 20 million terms).
// - z < 0: Pfaff's transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z / (z − 1)).
import { ErrorCode, LoyaltyValidationError, OperationError } from "../../../errors/errors.js";
import { digamma, lnAbsGamma, signGamma } from "./gamma.js";

const SERIES_TOLERANCE = 1e-16;
const MAX_TERMS = 20_000_000;
const DIRECT_LIMIT = 0.9;
const DEGENERATE_DISTANCE = 1e-5;

/**
 * (2F1(a, b; c; z) − 1) / b, by the series, without dividing by b: each term carries (b + 1)ₙ₋₁ in
 * place of (b)ₙ / b. Lets callers that multiply by b again (or divide by it) avoid a 0/0 at b = 0.
 * Requires |z| < 1 (or a terminating series).
 */
export function hyp2f1TailOverB(a: number, b: number, c: number, z: number): number {
  if (c <= 0 && Number.isInteger(c)) {
    throw new LoyaltyValidationError([
      { path: ["c"], message: `the hypergeometric function is undefined for c = ${c} (a non-positive integer)` },
    ]);
  }
  let term = (a * z) / c; // first term of the tail, divided by b
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    if (term === 0) return sum;
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    const rho = Math.max(Math.abs(ratio), Math.abs(z));
    if (rho < 1 && Math.abs(term) * (rho / (1 - rho)) <= SERIES_TOLERANCE * Math.abs(sum)) return sum;
    if (!Number.isFinite(sum)) break;
  }
  throw new OperationError(
    ErrorCode.NOT_CONVERGED,
    `the hypergeometric series 2F1(${a}, ${b}; ${c}; ${z}) did not converge`,
    { a, b, c, z },
  );
}

/** 2F1(a, b; c; z) by the series (|z| < 1). */
function series(a: number, b: number, c: number, z: number): number {
  return 1 + b * hyp2f1TailOverB(a, b, c, z);
}

/** Γ(p)Γ(q) / (Γ(r)Γ(s)) with signs; 0 when a denominator argument is a pole. */
function gammaRatio(p: number, q: number, r: number, s: number): number {
  const sign = signGamma(p) * signGamma(q) * signGamma(r) * signGamma(s);
  if (signGamma(r) === 0 || signGamma(s) === 0) return 0;
  return sign * Math.exp(lnAbsGamma(p) + lnAbsGamma(q) - lnAbsGamma(r) - lnAbsGamma(s));
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real a, b, c (c not a non-positive integer)
 * and real z < 1. Relative accuracy about 1e-13 (tested against closed forms to 1e-10). Callers that
 * know 1 − z more precisely than by subtraction (z = t/(α+t), 1 − z = α/(α+t)) pass it as `w`; it is
 * what the transformation near z = 1 uses, and it keeps z = 1 − 1e-20 meaningful.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, w: number = 1 - z): number {
  if (!(z < 1 || w > 0)) throw new LoyaltyValidationError([{ path: ["z"], message: `expected z < 1, got ${z}` }]);
  if (c <= 0 && Number.isInteger(c)) {
    throw new LoyaltyValidationError([
      { path: ["c"], message: `the hypergeometric function is undefined for c = ${c} (a non-positive integer)` },
    ]);
  }
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) return (1 - z) ** -a * hyp2f1(a, c - b, c, z / (z - 1));
  if (z <= DIRECT_LIMIT) return series(a, b, c, z);
  const s = c - a - b;
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z); // a polynomial
  if (Number.isInteger(s)) return s >= 0 ? integerGap(a, b, s, w) : w ** s * integerGap(c - a, c - b, -s, w);
  if (Math.abs(s - Math.round(s)) < DEGENERATE_DISTANCE) return series(a, b, c, z);
  const first = gammaRatio(c, s, c - a, c - b);
  const second = gammaRatio(c, -s, a, b);
  const left = first === 0 ? 0 : first * series(a, b, 1 - s, w);
  const right = second === 0 ? 0 : second * w ** s * series(c - a, c - b, 1 + s, w);
  return left + right;
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/**
 * 2F1(a, b; a + b + m; z) for an integer m ≥ 0 in terms of w = 1 − z (0 < w < 0.1 here), by A&S 15.3.10
 * (m = 0) and 15.3.11 (m ≥ 1): a finite sum plus a series with logarithms and digammas. a and b are not
 * non-positive integers (the caller sums those polynomials directly).
 */
function integerGap(a: number, b: number, m: number, w: number): number {
  const c = a + b + m;
  const lnW = Math.log(w);
  let finite = 0;
  if (m > 0) {
    // Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)ₙ(b)ₙ/(n!(1−m)ₙ) wⁿ
    let term = 1;
    for (let n = 0; n < m; n++) {
      finite += term;
      term *= ((a + n) * (b + n) * w) / ((n + 1) * (1 - m + n));
    }
    finite *= gammaRatio(m, c, a + m, b + m);
  }
  // −(−w)^m Γ(c)/(Γ(a)Γ(b)) Σ_{n≥0} (a+m)ₙ(b+m)ₙ/(n!(n+m)!) wⁿ [ln w − ψ(n+1) − ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)]
  const outer = gammaRatio(c, 1, a, b); // Γ(c)/(Γ(a)Γ(b)); Γ(1) = 1
  if (outer === 0) return finite;
  let coefficient = Math.exp(-lnAbsGamma(m + 1)); // 1/m! for n = 0
  let sum = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const bracket = lnW - digamma(n + 1) - digamma(n + m + 1) + digamma(a + n + m) + digamma(b + n + m);
    sum += coefficient * bracket;
    // The coefficients fall like wⁿ (w < 0.1) while the bracket tends to ln w: bound by the coefficient,
    // not the term, which may be small by accident where the bracket changes sign.
    if (n > 2 && Math.abs(coefficient) * (Math.abs(bracket) + 1) <= SERIES_TOLERANCE * Math.abs(sum)) break;
    coefficient *= ((a + m + n) * (b + m + n) * w) / ((n + 1) * (n + m + 1));
  }
  return finite - (m % 2 === 0 ? 1 : -1) * w ** m * outer * sum;
}
