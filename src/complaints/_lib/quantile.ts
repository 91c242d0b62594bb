/**
 * The p-quantile of sorted values by linear interpolation between closest ranks (Hyndman & Fan 1996
 * type 7; the default of R, NumPy and Excel's PERCENTILE.INC): h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). p = 0.5 gives the usual median.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number; // 0 ≤ lo ≤ n − 1
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}
