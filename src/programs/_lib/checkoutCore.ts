import { IdempotencyConflictError, LoyaltyValidationError, VersionConflictError } from "../../errors/errors.js";
import { parseInstant } from "../../_lib/values.js";
import { postMany } from "../../ledger/postMany.js";
import type { EntryInput } from "../../ledger/schemas.js";
import type { Basket } from "../basket.js";
import type { CatalogStock, ProgramAccount } from "../account.js";
import type { CheckoutOptions } from "../options.js";
import type { Program } from "../program.js";
import type { CheckoutRecord } from "../result.js";
import { assertAccount, price } from "./engine.js";
import { canonical, lastRecordAt } from "./records.js";
import { assertStock, takeStock } from "./stock.js";
import { fixed, type D } from "./decimal.js";
import { availableAtOf } from "./pending.js";
import { insertByTime, postLateEntries, refuseLateCheckout } from "./late.js";
import type { CheckoutCoupon, NextOrderCoupon } from "../promotions/couponState.js";
import { requestCouponCode } from "../promotions/_lib/saleCoupons.js";
import { firstDifference } from "../../core/json.js";

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

/** The first field in which two canonical requests differ, as a dotted path ("request" when unreadable). */
function differingField(stored: string, posted: string): string {
  try {
    return (firstDifference(JSON.parse(stored), JSON.parse(posted)) ?? []).join(".") || "request";
  } catch {
    return "request";
  }
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
  const stockIn = program.kind === "catalog" ? assertStock(program, options.stock) : null;

  const earlier = account.purchases.find((p) => p.record.transactionId === transactionId);
  if (earlier !== undefined) {
    if (earlier.request !== request) {
      const field = differingField(earlier.request, request);
      throw new IdempotencyConflictError(
        transactionId,
        `checkout ${JSON.stringify(transactionId)} was already made with a different basket or options (${field} differs); use a new transactionId for a new sale`,
        { field },
      );
    }
    const stock =
      program.kind === "catalog" && stockIn !== null && earlier.record.reward !== null
        ? takeStock(program, stockIn, earlier.record.reward.id, account, transactionId)
        : stockIn;
    return { status: "duplicate", ...earlier.record, account, stock };
  }
  if (account.refunds.some((r) => r.record.transactionId === transactionId)) {
    throw new IdempotencyConflictError(
      transactionId,
      `transactionId ${JSON.stringify(transactionId)} was already used by a refund`,
    );
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== account.version)
    throw new VersionConflictError(options.expectedVersion, account.version);
  const last = lastRecordAt(account);
  // A late sale (an offline till): earn-only sales are back-dated, anything else is refused.
  const late = atMs < last;
  if (late) refuseLateCheckout(program, account, options, transactionId, at, last);

  const priced = price(program, account, basket, { ...options, at }, entering);
  const q = priced.quote;
  if (!q.active) return { status: "inactive", ...q, transactionId, entries: [], account, stock: stockIn };

  const scale = program.kind === "bonus" || program.kind === "catalog" ? (program.pointsScale ?? 0) : 0;
  const meta = { programId: program.id, transactionId, basketId: basket.id };
  const place = placeOf(basket);
  const entries: EntryInput[] = [];
  if (priced.pointsRedeemed.gt(0))
    entries.push({
      kind: "redeem",
      transactionId: `${transactionId}:redeem`,
      at,
      points: fixed(priced.pointsRedeemed, scale),
      ...place,
      meta,
    });
  const expiry = {
    ...(priced.expiresAt === null ? {} : { expiresAt: priced.expiresAt }),
    ...availableAtOf(program, atMs), // pending points: the program's return window
  };
  if (priced.pointsEarned.gt(0))
    entries.push({
      kind: "earn",
      transactionId: `${transactionId}:earn`,
      at,
      points: fixed(priced.pointsEarned, scale),
      ...expiry,
      ...place,
      meta,
    });
  if (priced.welcome.gt(0))
    entries.push({
      kind: "earn",
      transactionId: `${transactionId}:welcome`,
      at,
      points: fixed(priced.welcome, scale),
      ...expiry,
      ...place,
      meta: { ...meta, welcome: true },
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
  const next: ProgramAccount = {
    ...account,
    version: account.version + 1,
    points,
    purchases: late
      ? insertByTime(account.purchases, { request, record })
      : [...account.purchases, { request, record }],
  };
  const stock =
    program.kind === "catalog" && stockIn !== null && priced.reward !== null
      ? takeStock(program, stockIn, priced.reward.id, account, transactionId)
      : stockIn;
  return { status: "applied", ...record, account: next, stock };
}
