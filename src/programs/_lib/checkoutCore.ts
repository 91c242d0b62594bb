import {
  IdempotencyConflictError,
  loyaltyError,
  LoyaltyValidationError,
  VersionConflictError,
} from "../../errors/errors.js";
import { parseInstant } from "../../_lib/values.js";
import { postMany } from "../../ledger/postMany.js";
import type { Entry, EntryInput } from "../../ledger/schemas.js";
import type { Basket } from "../basket.js";
import type { CatalogStock, ProgramAccount, ProgramSale } from "../account.js";
import type { CheckoutOptions } from "../options.js";
import type { Program } from "../program.js";
import type { CheckoutRecord } from "../result.js";
import { assertAccount, lineAmount, price } from "./engine.js";
import { minorUnits } from "../../money/currencies.js";
import { canonical, cutoffOf, digestOf, lastRecordAt, pruned } from "./records.js";
import { assertStock, takeStock } from "./stock.js";
import { dec, fixed, type D } from "./decimal.js";
import { availableAtOf } from "./pending.js";
import { checkStoredRecord } from "./storedRecord.js";
import { saleFigures, saleOf } from "./saleForm.js";
import { insertByTime, postLateEntries, refuseLateCheckout } from "./late.js";
import { parseEntry } from "../../ledger/parseEntry.js";
import type { CheckoutCoupon, NextOrderCoupon } from "../promotions/couponState.js";
import { requestCouponCode } from "../promotions/_lib/saleCoupons.js";

/**
 * What {@link checkout} returns: the checkout record (the quote, its transactionId and the ledger
 * entries posted) with `status` (`applied`; `duplicate` for a retry, with the original figures;
 * `inactive` when the program was not active and nothing was applied), the new `account` and, for
 * catalog programs, the new `stock` (null otherwise).
 *
 * @example
 * ```ts
 * import type { CheckoutResult } from "loyalty-kit";
 * const describe = (r: CheckoutResult) => `${r.status}: pay ${r.total.amount}, +${r.pointsEarned} points`;
 * console.log(typeof describe);
 * ```
 * @category programs
 */
export type CheckoutResult = CheckoutRecord & {
  readonly status: "applied" | "duplicate" | "inactive";
  readonly account: ProgramAccount;
  readonly stock: CatalogStock | null;
  /** Promotions with coupon rules, when `options.coupon` came with its `state`: the use taken and the next coupon state. */
  readonly coupon?: CheckoutCoupon;
  /** When `options.nextOrder` was given: the next-order coupon handed out (or why not) and the next coupon state. */
  readonly nextOrder?: NextOrderCoupon;
};

export function checkTransactionId(id: unknown, name = "transactionId"): string {
  if (typeof id !== "string" || id.length === 0 || id.length > 200) {
    throw new LoyaltyValidationError([
      {
        path: [name],
        message: `expected a non-empty string of at most 200 characters, got ${typeof id === "string" ? JSON.stringify(id.slice(0, 40)) : typeof id}`,
      },
    ]);
  }
  return id;
}

/** Where a sale happened (the basket's storeId and tillId, each only when given), for its record and ledger entries. */
export function placeOf(from: { readonly storeId?: string | undefined; readonly tillId?: string | undefined }): {
  storeId?: string;
  tillId?: string;
} {
  return {
    ...(from.storeId === undefined ? {} : { storeId: from.storeId }),
    ...(from.tillId === undefined ? {} : { tillId: from.tillId }),
  };
}

/**
 * The first field in which a retried checkout differs from the sale the account holds, as a dotted
 * path. The account keeps the request's digest and the sale's figures, not its text, so the fields
 * compared are the ones those figures show (instant, basket id, coupon code, each line's id, sku,
 * quantity and price); anything else that differs is named "request". A line's price is compared
 * as it was stored: the retried line's gross, priced as checkout prices it (quantity × unit price,
 * rounded to the minor unit; checkoutAll's amount entering the program), against the kept gross.
 */
function differingField(
  program: Program,
  sale: ProgramSale,
  at: string,
  basket: Basket,
  couponCode: string | undefined,
  entering: readonly D[] | undefined,
): string {
  if (sale.at !== at) return "at";
  if (sale.basketId !== basket.id) return "basket.id";
  if (sale.coupon !== couponCode) return "coupon";
  if (sale.lines.length !== basket.lines.length) return "basket.lines";
  const dp = minorUnits(sale.currency ?? program.currency) ?? 2;
  for (const [i, line] of basket.lines.entries()) {
    const kept = sale.lines[i] as ProgramSale["lines"][number];
    if (kept.id !== line.id) return `basket.lines.${i}.id`;
    if (kept.sku !== line.sku) return `basket.lines.${i}.sku`;
    if (!dec(kept.quantity).eq(line.quantity)) return `basket.lines.${i}.quantity`;
    if (!dec(kept.gross).eq(entering?.[i] ?? lineAmount(line, dp))) return `basket.lines.${i}.unitPrice.amount`;
  }
  return "request";
}

export function checkoutParsed(
  program: Program,
  account: ProgramAccount,
  basket: Basket,
  options: CheckoutOptions,
  entering?: readonly D[],
): CheckoutResult {
  assertAccount(program, account);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([{ path: ["options"], message: "expected options with a transactionId" }]);
  const transactionId = checkTransactionId(options.transactionId);
  const atMs = options.at === undefined ? Date.parse(basket.at) : parseInstant(options.at, "at");
  const at = new Date(atMs).toISOString();
  const couponCode = requestCouponCode(program, options);
  const request = canonical({
    programId: program.id,
    at,
    basket,
    redeemPoints: options.redeemPoints === undefined ? null : String(options.redeemPoints),
    rewardId: options.rewardId ?? null,
    redeemCard: options.redeemCard ?? null,
    entering: entering === undefined ? null : entering.map((d) => d.toString()),
    // Only when given, so requests stored before codes were part of the digest still match.
    ...(couponCode === undefined ? {} : { coupon: couponCode }),
  });
  const digest = digestOf(request);
  const stockIn = program.kind === "catalog" ? assertStock(program, options.stock) : null;
  const duplicate = (record: CheckoutRecord): CheckoutResult => {
    const stock =
      program.kind === "catalog" && stockIn !== null && record.reward !== null
        ? takeStock(program, stockIn, record.reward.id, account, transactionId)
        : stockIn;
    return { status: "duplicate", ...record, account, stock };
  };

  const earlier = account.sales.find((s) => s.transactionId === transactionId);
  if (earlier !== undefined) {
    if (earlier.digest !== digest) {
      const field = differingField(program, earlier, at, basket, couponCode, entering);
      throw new IdempotencyConflictError(
        transactionId,
        `checkout ${JSON.stringify(transactionId)} was already made with a different basket or options (${field} differs); use a new transactionId for a new sale`,
        { field },
      );
    }
    const rebuilt = recordOfSale(program, account, earlier);
    if (options.record === undefined) return duplicate(rebuilt);
    const supplied = checkStoredRecord(program, account, options.record, transactionId);
    const { explain: _e, ...kept } = rebuilt;
    const { explain: _s, ...given } = supplied;
    if (canonical(kept) !== canonical({ ...given, accountId: given.accountId ?? account.points.accountId }))
      throw loyaltyError(
        "HISTORY_MISMATCH",
        `options.record is not the record of checkout ${JSON.stringify(transactionId)} this account holds; pass the record checkout returned, unchanged, or leave it out`,
        { accountId: account.points.accountId, field: "record", expected: null, actual: null },
      );
    return duplicate(supplied);
  }
  if (account.refunds.some((r) => r.transactionId === transactionId)) {
    throw new IdempotencyConflictError(
      transactionId,
      `transactionId ${JSON.stringify(transactionId)} was already used by a refund`,
    );
  }
  if (options.record !== undefined) {
    // A retry of a sale that has left the window, answered from the record the caller stored.
    const supplied = checkStoredRecord(program, account, options.record, transactionId);
    const sameLines =
      supplied.lines.length === basket.lines.length &&
      supplied.lines.every((l, i) => l.id === basket.lines[i]?.id && l.sku === basket.lines[i]?.sku);
    if (supplied.at !== at || supplied.basketId !== basket.id || !sameLines)
      throw new IdempotencyConflictError(
        transactionId,
        `checkout ${JSON.stringify(transactionId)} (options.record) was made with a different basket or instant`,
      );
    return duplicate(supplied);
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== account.version)
    throw new VersionConflictError(options.expectedVersion, account.version);
  const last = lastRecordAt(account);
  const cutoff = cutoffOf(account);
  if (atMs < cutoff) {
    const newest = new Date(last).toISOString();
    throw loyaltyError(
      "LATE_ENTRY_CONFLICT",
      `checkout ${JSON.stringify(transactionId)} at ${at} is more than the account's retainDays (${account.retainDays}) before its newest record (${newest}): the account no longer holds what it would need to tell a retry from a new sale; if it is a retry, pass the stored checkout record as options.record; else check it out at ${new Date(cutoff).toISOString()} or later`,
      { accountId: account.points.accountId, transactionId, kind: "checkout", at, newest, conflict: "window" },
    );
  }
  // A late sale (an offline till): earn-only sales are back-dated, anything else is refused.
  const late = atMs < last;
  if (late) refuseLateCheckout(program, account, options, transactionId, at, last);

  const priced = price(program, account, basket, { ...options, at }, entering);
  const q = priced.quote;
  if (!q.active) return { status: "inactive", ...q, transactionId, entries: [], account, stock: stockIn };

  const place = placeOf(basket);
  const entries = saleEntries(program, transactionId, basket.id, at, place, {
    pointsRedeemed: priced.pointsRedeemed,
    pointsEarned: priced.pointsEarned,
    welcome: priced.welcome,
    expiresAt: priced.expiresAt,
  });
  const posted =
    entries.length === 0
      ? undefined
      : late
        ? postLateEntries(account.points, entries)
        : postMany(account.points, entries);
  const points = posted === undefined ? account.points : posted.account;
  // The entries this checkout applied, in stored form (the snapshot keeps only its window, so they are
  // taken from what postMany returned rather than from the snapshot's tail).
  const record: CheckoutRecord = {
    ...q,
    transactionId,
    ...place,
    entries: posted === undefined ? [] : posted.history.map((h) => h.entry),
    accountId: account.points.accountId,
  };
  const sale = saleOf(program, record, digest, couponCode);
  const next = pruned(program, {
    ...account,
    version: account.version + 1,
    points,
    sales: late ? insertByTime(account.sales, sale) : [...account.sales, sale],
    totals: { ...account.totals, open: account.totals.open + 1 },
  });
  const stock =
    program.kind === "catalog" && stockIn !== null && priced.reward !== null
      ? takeStock(program, stockIn, priced.reward.id, account, transactionId)
      : stockIn;
  return { status: "applied", ...record, account: next, stock };
}

/** The ledger entries a sale posts: redeem, earn and welcome, each only when it moves points. */
function saleEntries(
  program: Program,
  transactionId: string,
  basketId: string,
  at: string,
  place: { storeId?: string; tillId?: string },
  figures: { pointsRedeemed: D; pointsEarned: D; welcome: D; expiresAt: string | null },
): EntryInput[] {
  const scale = program.kind === "bonus" || program.kind === "catalog" ? (program.pointsScale ?? 0) : 0;
  const meta = { programId: program.id, transactionId, basketId };
  const entries: EntryInput[] = [];
  if (figures.pointsRedeemed.gt(0))
    entries.push({
      kind: "redeem",
      transactionId: `${transactionId}:redeem`,
      at,
      points: fixed(figures.pointsRedeemed, scale),
      ...place,
      meta,
    });
  const expiry = {
    ...(figures.expiresAt === null ? {} : { expiresAt: figures.expiresAt }),
    ...availableAtOf(program, Date.parse(at)), // pending points: the program's return window
  };
  if (figures.pointsEarned.gt(0))
    entries.push({
      kind: "earn",
      transactionId: `${transactionId}:earn`,
      at,
      points: fixed(figures.pointsEarned, scale),
      ...expiry,
      ...place,
      meta,
    });
  if (figures.welcome.gt(0))
    entries.push({
      kind: "earn",
      transactionId: `${transactionId}:welcome`,
      at,
      points: fixed(figures.welcome, scale),
      ...expiry,
      ...place,
      meta: { ...meta, welcome: true },
    });
  return entries;
}

/**
 * The checkout record of a sale the account holds, rebuilt from its figures: everything checkout
 * returned except the `explain` texts, which are not kept (one line says so). Its entries are the
 * points ledger's own while the ledger still holds them (a late sale's carry the instant they were
 * posted at), else made again from the figures as checkout made them.
 */
export function recordOfSale(program: Program, account: ProgramAccount, sale: ProgramSale): CheckoutRecord {
  const f = saleFigures(program, sale);
  const place = placeOf(sale);
  const entries = saleEntries(program, sale.transactionId, sale.basketId, sale.at, place, {
    pointsRedeemed: dec(f.pointsRedeemed),
    pointsEarned: dec(sale.pointsEarned),
    welcome: dec(f.welcomeBonus),
    expiresAt: f.expiresAt,
  }).map((e): Entry => account.points.entries.find((x) => x.transactionId === e.transactionId) ?? parseEntry(e));
  return {
    programId: account.programId,
    kind: f.kind,
    basketId: sale.basketId,
    at: sale.at,
    active: true,
    lines: [...f.lines],
    gross: f.gross,
    discountTotal: f.discountTotal,
    pointsMoney: f.pointsMoney,
    total: f.total,
    spend: { amount: sale.spend, currency: f.currency },
    accumulatedSpend: f.accumulatedSpend,
    tier: f.tier,
    pointsEarned: sale.pointsEarned,
    welcomeBonus: f.welcomeBonus,
    pointsRedeemed: f.pointsRedeemed,
    expiresAt: f.expiresAt,
    reward: f.reward,
    stamps: f.stamps,
    explain: [
      {
        rule: "duplicate",
        applied: true,
        reason: `a retry of checkout ${JSON.stringify(sale.transactionId)}: the figures it applied (its explanation texts are not kept)`,
      },
    ],
    transactionId: sale.transactionId,
    ...place,
    entries,
    accountId: account.points.accountId,
  };
}
