import { guardInputs } from "../core/guard.js";
import type { Account, EntryInput, EntryKind } from "./schemas.js";
import type { LedgerHistoryRecord } from "./history.js";
import { statementOf } from "./_lib/queries.js";
import { requireOptions } from "./_lib/options.js";

/**
 * One line of a {@link Statement}: an entry, or a lot lapsing (`lapse`, its points stop being
 * available at the lot's `expiresAt`), a hold timing out (`timeout`, its points are free again) or
 * pending points becoming available (`release`, at the lot's `availableAt`; the earn entry itself
 * shows a change of 0 while its points are pending).
 *
 * @example
 * ```ts
 * import type { StatementLine } from "loyalty-kit";
 * const line: StatementLine = { at: "2026-01-10T10:00:00.000Z", kind: "earn", transactionId: "t1", change: "80", balance: "80" };
 * console.log(line.change);
 * ```
 * @category ledger
 */
export interface StatementLine {
  readonly at: string;
  readonly kind: EntryKind | "lapse" | "timeout" | "release";
  /** The entry's transactionId; for `lapse` and `release` the lot's id, for `timeout` the hold's id. */
  readonly transactionId: string;
  /** How the available balance changed (signed decimal string). */
  readonly change: string;
  /** The available balance after this line. */
  readonly balance: string;
}

/**
 * An account statement for a period: opening balance, one line per event with the running balance,
 * and the closing balance. Always `opening + Σ change = closing`.
 *
 * @example
 * ```ts
 * import type { Statement } from "loyalty-kit";
 * const s: Statement = { accountId: "a", from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z", opening: "0", lines: [], closing: "0" };
 * console.log(s.closing);
 * ```
 * @category ledger
 */
export interface Statement {
  readonly accountId: string;
  readonly from: string;
  readonly to: string;
  readonly opening: string;
  readonly lines: readonly StatementLine[];
  readonly closing: string;
}

/**
 * Options for {@link statement}.
 *
 * @example
 * ```ts
 * import type { StatementOptions } from "loyalty-kit";
 * const o: StatementOptions = { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" };
 * console.log(o.from);
 * ```
 * @category ledger
 */
export interface StatementOptions {
  readonly from: string | Date;
  readonly to: string | Date;
  /**
   * The account's history (records or entries, from the first on). Needed when `from` is before the
   * snapshot's newest entry and the snapshot has dropped older entries (see {@link Account}).
   */
  readonly history?: readonly (LedgerHistoryRecord | EntryInput)[];
}

/**
 * The account statement between two instants.
 *
 * `opening` is the available balance at `from` before any entry posted at `from`; lines cover the
 * events with `from ≤ at ≤ to` in time order — entries, and the moments lots lapse (expire) or holds
 * time out, since those change the available balance without an entry; `closing` is the balance at
 * `to`. Each line's `change` is its effect on the available balance (a hold reduces it, a capture of
 * the whole hold does not change it again, a partial capture gives the rest back), so
 * `opening + Σ change = closing`.
 *
 * @param account - The snapshot. Not mutated.
 * @param options - `{ from, to, history? }` with `from ≤ to`; `history` is needed for a period
 *   starting before the snapshot's newest entry once the snapshot has dropped older entries.
 * @returns A fresh statement.
 * @throws {LoyaltyValidationError} when an instant is invalid, `to` is before `from`, or `options` is
 *   missing or `null` (a statement has no default period).
 * @throws {OperationError} `HISTORY_REQUIRED` when the period needs entries the snapshot dropped and
 *   no `history` was passed; `HISTORY_MISMATCH` when `history` is not this snapshot's.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, postMany, statement } from "loyalty-kit";
 * const { account } = postMany(openAccount({ accountId: "a" }), [
 *   { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80" },
 *   { kind: "redeem", transactionId: "t2", at: "2026-01-20T10:00:00Z", points: "30" },
 * ]);
 * const s = statement(account, { from: "2026-01-15T00:00:00Z", to: "2026-01-31T00:00:00Z" });
 * console.log(s.opening, s.lines.map((l) => `${l.kind} ${l.change} → ${l.balance}`), s.closing); // 80 [ 'redeem -30 → 50' ] 50
 * ```
 */
export function statement(account: Account, options: StatementOptions): Statement {
  return guardInputs("statement", { account, options }, () => {
    const { from, to, history } = requireOptions(options, "statement", "{ from, to }");
    return statementOf(account, from, to, history);
  });
}
