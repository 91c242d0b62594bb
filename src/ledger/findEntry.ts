import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import type { Account, Entry } from "./schemas.js";

/**
 * Looks up the entry a transaction posted.
 *
 * Every entry carries the transactionId that caused it and ids are unique in an account (a
 * transaction posts once: idempotency), so there is at most one. A linear scan from the newest entry: O(entries).
 *
 * @param account - The snapshot. Not mutated.
 * @param transactionId - The id to look for.
 * @returns The stored entry (frozen), or `undefined`.
 * @throws {LoyaltyValidationError} when `transactionId` is missing, `null` or not a string.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, findEntry } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "sale-7", at: "2026-01-10T10:00:00Z", points: "80", meta: { spend: "80.00" } });
 * console.log(findEntry(account, "sale-7")?.meta, findEntry(account, "sale-8")); // { spend: '80.00' } undefined
 * ```
 */
export function findEntry(account: Account, transactionId: string): Entry | undefined {
  return guardInputs("findEntry", { account, transactionId }, () => findEntryUnguarded(account, transactionId));
}

function findEntryUnguarded(account: Account, transactionId: string): Entry | undefined {
  if (typeof transactionId !== "string") {
    const got = transactionId === null ? "null" : transactionId === undefined ? "nothing" : `a ${typeof transactionId}`;
    throw new LoyaltyValidationError(
      [{ path: ["transactionId"], message: `findEntry needs the transactionId to look for as a string, got ${got}` }],
      "transactionId",
    );
  }
  const entries = (account as { entries?: unknown } | null | undefined)?.entries;
  if (!Array.isArray(entries)) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["account", "entries"],
          message: "findEntry needs an account snapshot with an entries array (from openAccount, post or parseAccount)",
        },
      ],
      "account",
    );
  }
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e !== undefined && e.transactionId === transactionId) return e;
  }
  return undefined;
}
