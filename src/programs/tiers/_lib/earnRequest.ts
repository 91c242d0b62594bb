import { previewValue } from "../../../core/instant.js";
import { LoyaltyValidationError } from "../../../errors/errors.js";
import type { EntryInput } from "../../../ledger/schemas.js";

/** A ledger `earn` request, ready for `post`. */
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
