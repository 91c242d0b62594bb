import { previewValue } from "../../../core/instant.js";
import { LoyaltyValidationError } from "../../../errors/errors.js";
import type { EntryInput } from "../../../ledger/schemas.js";

/**
 * A ledger `earn` request, ready for `post`: what the tier, event, multiplier and referral functions
 * return for the caller to post to the member's account.
 *
 * @example
 * ```ts
 * import { openAccount, post, type EarnRequest } from "loyalty-kit";
 * const e: EarnRequest = { kind: "earn", transactionId: "birthday:c-1:2026", at: "2026-07-14T08:00:00Z", points: "200" };
 * console.log(post(openAccount({ accountId: "c-1" }), e).status); // applied
 * ```
 * @category programs
 */
export type EarnRequest = Extract<EntryInput, { kind: "earn" }>;

/** Checks a transaction id the way the ledger will (non-empty, at most 256 characters) so a bad id fails here, not at `post`. */
export function checkTransactionId(value: unknown, path: readonly (string | number)[], suffix = ""): string {
  if (typeof value !== "string" || value.length === 0 || value.length + suffix.length > 256)
    throw new LoyaltyValidationError([
      {
        path,
        message: `expected a non-empty transaction id of at most ${256 - suffix.length} characters (the ledger's idempotency key${suffix === "" ? "" : `; "${suffix}" is appended`}), got ${previewValue(value)}`,
      },
    ]);
  return value;
}
