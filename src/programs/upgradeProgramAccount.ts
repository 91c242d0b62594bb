import * as z from "zod/mini";
import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import type { LedgerHistoryRecord } from "../ledger/history.js";
import { parseAccount } from "../ledger/parseAccount.js";
import { upgradeAccount } from "../ledger/upgradeAccount.js";
import { makeParsers } from "../_lib/validation.js";
import type { ProgramAccount, ProgramRefund, ProgramSale } from "./account.js";
import { parseProgram } from "./parseProgram.js";
import type { Program } from "./program.js";
import { CheckoutRecordSchema, RefundRecordSchema, type CheckoutRecord, type RefundRecord } from "./result.js";
import { keptRefundLines, saleOf } from "./_lib/saleForm.js";
import { digestOf, pruned } from "./_lib/records.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/** A program account as loyalty-kit 0.1 and 0.2 stored it: every sale's request and full record. */
const StoredSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    programId: z.string().check(z.minLength(1), z.maxLength(200)),
    customerId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    cardId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    version: z.int().check(z.minimum(0)),
    points: z.unknown(),
    purchases: z.array(z.strictObject({ request: z.string(), record: CheckoutRecordSchema })),
    refunds: z.array(z.strictObject({ request: z.string(), record: RefundRecordSchema })),
  }))();
const parsers = /* @__PURE__ */ makeParsers(StoredSchema, "0.2 program account");

/**
 * What {@link upgradeProgramAccount} returns: the bounded `account`, and the `history` the stored
 * account held — every checkout record and refund record (append them to your history store: a
 * refund of an old sale takes its checkout record as `options.record`) and, when the points ledger
 * was a 0.1 snapshot too, its ledger history records.
 *
 * @example
 * ```ts
 * import type { UpgradedProgramAccount } from "loyalty-kit";
 * const rows = (u: UpgradedProgramAccount) => u.history.checkouts.length + u.history.refunds.length;
 * console.log(typeof rows);
 * ```
 * @category programs
 */
export interface UpgradedProgramAccount {
  readonly account: ProgramAccount;
  readonly history: {
    readonly checkouts: readonly CheckoutRecord[];
    readonly refunds: readonly RefundRecord[];
    readonly ledger: readonly LedgerHistoryRecord[];
  };
}

/**
 * Converts a program account stored by loyalty-kit 0.1 or 0.2 (every sale's request and full
 * checkout record in `purchases`, every refund in `refunds`) into the bounded form, once, and
 * returns the history it held so nothing stored is lost: store the account in place of the old one
 * and append the history to your history store.
 *
 * The bounded account keeps the sales and refunds of its last `retainDays` days (default 90) as
 * figures and the rest as running totals, exactly as if it had been bounded all along: the same
 * accumulated spend, capped points, first-purchase answer and refundable quantities. A retry of a
 * kept sale is still told from a conflicting reuse of its transactionId (the stored request's digest
 * is kept). A 0.2 refund of a sale the account did not hold counts at its own instant.
 *
 * @param program - the account's program
 * @param stored - the stored 0.1/0.2 program account (JSON)
 * @param options - `retainDays` (default 90)
 * @returns `{ account, history: { checkouts, refunds, ledger } }`
 * @throws {LoyaltyValidationError} when `stored` is not a 0.1/0.2 program account of `program`
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, upgradeProgramAccount } from "loyalty-kit";
 * const program = parseProgram({ kind: "discount", id: "ten", name: "10% off", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, percent: "10" });
 * const old = { programId: "ten", version: 0, purchases: [], refunds: [],
 *   points: { accountId: "ten:anonymous", scale: 0, negativeLimit: "0", version: 0, entries: [], lots: [], holds: [], debits: [], deficit: "0" } };
 * const { account, history } = upgradeProgramAccount(program, old);
 * console.log(account.retainDays, account.sales.length, history.checkouts.length); // 90 0 0
 * ```
 */
export function upgradeProgramAccount(
  program: Program,
  stored: unknown,
  options: { readonly retainDays?: number } = {},
): UpgradedProgramAccount {
  return guardInputs("upgradeProgramAccount", { program, stored, options }, () =>
    upgradeProgramAccountUnguarded(program, stored, options),
  );
}

function upgradeProgramAccountUnguarded(
  program: Program,
  stored: unknown,
  options: { readonly retainDays?: number } = {},
): UpgradedProgramAccount {
  const p = parseProgram(program);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([{ path: ["options"], message: "expected options { retainDays? } or nothing" }]);
  const retainDays = options.retainDays ?? 90;
  if (typeof retainDays !== "number" || !Number.isInteger(retainDays) || retainDays < 0 || retainDays > 36_500)
    throw new LoyaltyValidationError([
      { path: ["retainDays"], message: `expected a whole number of days from 0 to 36500, got ${String(retainDays)}` },
    ]);
  const old = parsers.parse(stored);
  if (old.programId !== p.id)
    throw new LoyaltyValidationError([
      {
        path: ["programId"],
        message: `expected an account of program ${JSON.stringify(p.id)}, got one of ${JSON.stringify(old.programId)}`,
      },
    ]);
  const rawPoints = old.points as { checkpoint?: unknown } | null;
  const ledger =
    typeof rawPoints === "object" && rawPoints !== null && rawPoints.checkpoint === undefined
      ? upgradeAccount(rawPoints, { retainDays })
      : { account: parseAccount(rawPoints), history: [] as readonly LedgerHistoryRecord[] };
  const sales: ProgramSale[] = old.purchases
    .map((x) => saleOf(p, x.record, digestOf(x.request)))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const saleAt = new Map(old.purchases.map((x) => [x.record.transactionId, x.record.at]));
  const refunds: ProgramRefund[] = [...old.refunds]
    // in time order, as the bounded account keeps them (a stable sort: 0.2 wrote them in that order)
    .sort((a, b) => Date.parse(a.record.at) - Date.parse(b.record.at))
    .map(({ request, record: r }) => ({
      transactionId: r.transactionId,
      originalTransactionId: r.originalTransactionId,
      originalAt: saleAt.get(r.originalTransactionId) ?? r.at,
      at: r.at,
      digest: digestOf(request),
      ...(r.entries[0]?.storeId === undefined ? {} : { storeId: r.entries[0].storeId }),
      ...(r.entries[0]?.tillId === undefined ? {} : { tillId: r.entries[0].tillId }),
      currency: r.moneyBack.currency,
      lines: keptRefundLines(r.lines),
      welcomeReversed: r.welcomeReversed,
      complete: r.complete,
      ...(r.pointsTaken === undefined ? {} : { pointsTaken: r.pointsTaken }),
      ...(r.pointsForgiven === undefined ? {} : { pointsForgiven: r.pointsForgiven }),
    }));
  const completed = old.refunds.filter((r) => r.record.complete).length;
  const account = pruned(p, {
    programId: old.programId,
    ...(old.customerId === undefined ? {} : { customerId: old.customerId }),
    ...(old.cardId === undefined ? {} : { cardId: old.cardId }),
    version: old.version,
    retainDays,
    points: ledger.account,
    sales,
    refunds,
    totals: { open: Math.max(0, sales.length - completed), spend: "0", periods: [], spendLog: [], refunded: [] },
  });
  return {
    account,
    history: {
      checkouts: old.purchases.map((x) => x.record),
      refunds: old.refunds.map((x) => x.record),
      ledger: ledger.history,
    },
  };
}
