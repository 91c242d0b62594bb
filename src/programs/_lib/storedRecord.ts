// Checking a checkout record the integrator stored and hands back to `refund`: it must be a
// checkout record of this program and this account, and its figures must add up (the lines to the
// totals, the totals to the ledger entries it posted), so an edited record cannot make a refund give
// back more than the sale took.
import { jsonEqual } from "../../core/json.js";
import { ErrorCode, OperationError } from "../../errors/errors.js";
import { makeParsers } from "../../_lib/validation.js";
import type { ProgramAccount } from "../account.js";
import type { Program } from "../program.js";
import { CheckoutRecordSchema, type CheckoutRecord } from "../result.js";
import { dec, sumD, type D } from "./decimal.js";

const parsers = /* @__PURE__ */ makeParsers(CheckoutRecordSchema, "checkout record (options.record)");

function mismatch(account: ProgramAccount, field: string, expected: string | null, actual: string | null, why: string) {
  return new OperationError(
    ErrorCode.HISTORY_MISMATCH,
    `options.record ${why}: ${field} should be ${expected === null ? "absent" : JSON.stringify(expected)}, is ${actual === null ? "absent" : JSON.stringify(actual)}; pass the record checkout returned for this sale, unchanged`,
    { accountId: account.points.accountId, field, expected, actual },
  );
}

function sameAmount(
  account: ProgramAccount,
  field: string,
  expected: D,
  actual: string,
  why = "does not add up",
): void {
  const places = actual.split(".")[1]?.length ?? 0;
  if (!dec(actual).eq(expected)) throw mismatch(account, field, expected.toFixed(places), actual, why);
}

/**
 * Reads `input` as the stored checkout record of sale `transactionId` on `account` under `program`.
 * Throws LoyaltyValidationError when it is not a checkout record, HISTORY_MISMATCH when it belongs
 * to another sale, program or account, or its figures do not add up. Returns the parsed record.
 */
export function checkStoredRecord(
  program: Program,
  account: ProgramAccount,
  input: unknown,
  transactionId: string,
): CheckoutRecord {
  const record = parsers.parse(input);
  const other = "belongs to another sale, program or account";
  if (record.transactionId !== transactionId)
    throw mismatch(account, "transactionId", transactionId, record.transactionId, other);
  if (record.programId !== program.id) throw mismatch(account, "programId", program.id, record.programId, other);
  if (record.accountId !== undefined && record.accountId !== account.points.accountId)
    throw mismatch(account, "accountId", account.points.accountId, record.accountId, other);
  if (!record.active) throw mismatch(account, "active", "true", "false", "is of a checkout that applied nothing");

  const currency = record.total.currency;
  const money = [record.gross, record.discountTotal, record.pointsMoney, record.spend];
  for (const l of record.lines) money.push(l.gross, l.discount, l.pointsMoney, l.net);
  const foreign = money.find((m) => m.currency !== currency);
  if (foreign !== undefined) throw mismatch(account, "currency", currency, foreign.currency, "does not add up");
  record.lines.forEach((l, i) =>
    sameAmount(
      account,
      `lines.${i}.net`,
      dec(l.gross.amount).minus(l.discount.amount).minus(l.pointsMoney.amount),
      l.net.amount,
    ),
  );
  sameAmount(account, "gross", sumD(record.lines.map((l) => dec(l.gross.amount))), record.gross.amount);
  sameAmount(
    account,
    "discountTotal",
    sumD(record.lines.map((l) => dec(l.discount.amount))),
    record.discountTotal.amount,
  );
  sameAmount(
    account,
    "pointsMoney",
    sumD(record.lines.map((l) => dec(l.pointsMoney.amount))),
    record.pointsMoney.amount,
  );
  sameAmount(account, "total", sumD(record.lines.map((l) => dec(l.net.amount))), record.total.amount);
  // A refund splits each line's points; their sums may not exceed what the entries moved.
  const earned = sumD(record.lines.map((l) => dec(l.pointsEarned)));
  const redeemed = sumD(record.lines.map((l) => dec(l.pointsRedeemed)));
  if (earned.gt(record.pointsEarned))
    throw mismatch(account, "lines.pointsEarned", record.pointsEarned, earned.toString(), "does not add up");
  if (redeemed.gt(record.pointsRedeemed))
    throw mismatch(account, "lines.pointsRedeemed", record.pointsRedeemed, redeemed.toString(), "does not add up");

  // The entries: exactly those checkout posts, for the totals the record states.
  const wanted: [string, string][] = [
    ["redeem", record.pointsRedeemed],
    ["earn", record.pointsEarned],
    ["welcome", record.welcomeBonus],
  ];
  for (const [suffix, points] of wanted) {
    const id = `${transactionId}:${suffix}`;
    const entry = record.entries.find((e) => e.transactionId === id);
    const moved = entry !== undefined && "points" in entry && typeof entry.points === "string" ? entry.points : null;
    if (dec(points).isZero() ? entry !== undefined : moved === null || !dec(moved).eq(points))
      throw mismatch(account, `entries ${id}`, dec(points).isZero() ? null : points, moved, "does not add up");
  }
  const stray = record.entries.find(
    (e) => !wanted.some(([suffix]) => e.transactionId === `${transactionId}:${suffix}`),
  );
  if (stray !== undefined) throw mismatch(account, "entries", null, stray.transactionId, "does not add up");
  // Entries the ledger snapshot still holds must be the ones stored there.
  for (const e of record.entries) {
    const kept = account.points.entries.find((x) => x.transactionId === e.transactionId);
    if (kept !== undefined && !jsonEqual(kept, e))
      throw mismatch(
        account,
        `entries ${e.transactionId}`,
        "the ledger's entry",
        "an edited one",
        "differs from the account's ledger",
      );
  }
  return record;
}
