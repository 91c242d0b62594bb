// Share arithmetic shared by pareto and paretoShareFor.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";

/** ⌈share × n⌉ without the float noise of products such as 0.7 × 10 = 7.000000000000001. */
export function ceilShare(share: number, n: number): number {
  const x = share * n;
  return Math.min(n, Math.max(0, Math.ceil(x - 1e-9 * Math.max(1, x))));
}

/** Throws unless `share` is a number in [0, 1]. */
export function assertShare(share: unknown, name: string, what: string): asserts share is number {
  if (typeof share !== "number" || !(share >= 0 && share <= 1)) {
    throw new LoyaltyValidationError(
      [{ path: [name], message: `expected a share between 0 and 1, got ${previewValue(share)}` }],
      what,
    );
  }
}
