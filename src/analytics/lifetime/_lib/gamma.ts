// Log-gamma by the Lanczos approximation (g = 7, n = 9 coefficients, as tabulated by Paul Godfrey and
// used in Numerical Recipes 3rd ed. §6.1): relative error below 1e-14 for x ≥ 0.5. Arguments in (0, 0.5)
// use lnΓ(x) = lnΓ(x + 1) − ln x (no cancellation), negative ones the reflection formula
// Γ(x)Γ(1 − x) = π / sin(πx). Internal: not re-exported from the package root.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LN_TWO_PI = 0.9189385332046728; // ½ ln(2π)

/** sin(πx) with the argument reduced first, so large |x| keeps its accuracy. */
function sinPi(x: number): number {
  const r = x - 2 * Math.round(x / 2); // r in [-1, 1]
  return Math.sin(Math.PI * r);
}

/** ln Γ(x) for x ≥ 0.5 (Lanczos). */
function lnGammaLanczos(x: number): number {
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln |Γ(x)| for real x. +Infinity at the poles (0, −1, −2, …); NaN only for NaN.
 */
export function lnAbsGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= 0.5) return lnGammaLanczos(x);
  if (x > 0) return lnGammaLanczos(x + 1) - Math.log(x);
  if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  // Reflection: |Γ(x)| = π / (|sin πx| Γ(1 − x)), with 1 − x > 1.
  return Math.log(Math.PI / Math.abs(sinPi(x))) - lnGammaLanczos(1 - x);
}

/** ln Γ(x) for x > 0 (the only case the likelihoods need). */
export function lnGamma(x: number): number {
  return lnAbsGamma(x);
}

/** The sign of Γ(x): +1 for x > 0; for negative non-integers (−1)^⌈−x⌉; 0 at the poles (1/Γ = 0 there). */
export function signGamma(x: number): -1 | 0 | 1 {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/**
 * The digamma function ψ(x) = d/dx ln Γ(x): recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the
 * asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) to x⁻¹⁰ (A&S 6.3.18; the next term is below 3e-14);
 * reflection ψ(1 − x) − ψ(x) = π cot(πx) for x < 0. NaN at the poles (0, −1, …).
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || (x <= 0 && Number.isInteger(x))) return Number.NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - 2 * Math.round(x / 2)));
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return shift + Math.log(x) - 0.5 / x - series;
}
