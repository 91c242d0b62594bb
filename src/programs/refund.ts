import { guardInputs } from "../core/guard.js";
import {
  ErrorCode,
  IdempotencyConflictError,
  LoyaltyValidationError,
  OperationError,
  VersionConflictError,
} from "../errors/errors.js";
import { parseInstant } from "../_lib/values.js";
import { minorUnits } from "../money/currencies.js";
import { balance } from "../ledger/balance.js";
import { pendingPoints } from "../ledger/pendingPoints.js";
import { postEntries } from "../ledger/_lib/apply.js";
import { readAccount } from "../ledger/_lib/snapshot.js";
import type { Account, EntryInput } from "../ledger/schemas.js";
import { boundedAfter, fullLedger } from "../ledger/_lib/settings.js";
import { parseProgram } from "./parseProgram.js";
import { assertAccount } from "./_lib/engine.js";
import { checkTransactionId, placeOf, recordOfSale } from "./_lib/checkoutCore.js";
import { canonical, digestOf, lastRecordAt, pruned, refundedQuantities } from "./_lib/records.js";
import { parseEntry } from "./../ledger/parseEntry.js";
import { cumulativeShare, dec, fixed, sumD, ZERO, type D } from "./_lib/decimal.js";
import type { ProgramAccount, ProgramRefund } from "./account.js";
import type { RefundOptions } from "./options.js";
import type { Program } from "./program.js";
import type { Explanation, RefundedLine, RefundRecord } from "./result.js";
import { checkStoredRecord } from "./_lib/storedRecord.js";
import { keptRefundLines } from "./_lib/saleForm.js";
import * as say from "./_lib/explainRefund.js";
import { deepFreeze, firstDifference, jsonEqual } from "../core/json.js";
import type { RefundCoupon, RefundNextOrder } from "./promotions/couponState.js";
import { refundCoupon, refundNextOrder } from "./promotions/_lib/saleCoupons.js";

/**
 * What {@link refund} returns: the refund record with `status` (`applied`, or `duplicate` for a
 * retry, with the original figures) and the new `account`.
 *
 * @example
 * ```ts
 * import type { RefundResult } from "loyalty-kit";
 * const describe = (r: RefundResult) => `${r.status}: give back ${r.moneyBack.amount}, take back ${r.pointsReversed} points`;
 * console.log(typeof describe);
 * ```
 * @category programs
 */
export type RefundResult = RefundRecord & {
  readonly status: "applied" | "duplicate";
  readonly account: ProgramAccount;
  /** When `options.coupon` was given: whether the sale's coupon use went back, and the next coupon state. */
  readonly coupon?: RefundCoupon;
  /** When `options.nextOrder` was given: whether the sale's next-order coupon was voided, and the next coupon state. */
  readonly nextOrder?: RefundNextOrder;
};

const QUANTITY = /^(0|[1-9]\d*)(\.\d{1,6})?$/;

function quantityOf(q: unknown, path: (string | number)[]): D {
  const s = typeof q === "number" && Number.isInteger(q) ? String(q) : q;
  if (typeof s !== "string" || !QUANTITY.test(s) || dec(s).lte(0)) {
    throw new LoyaltyValidationError([
      {
        path,
        message: `expected a positive quantity such as "1" (at most 6 decimals), got ${JSON.stringify(q) ?? String(q)}`,
      },
    ]);
  }
  return dec(s);
}

/**
 * Refunds lines of an earlier checkout: gives back the money paid for the refunded quantities, takes
 * back the points earned on them and gives back the points redeemed on them, in proportion.
 *
 * The rules: each line's figures are split
 * cumulatively — the part for quantities `r0 → r1` of `Q` bought is share(r1) − share(r0), money
 * rounded half-even and points down — so refunds in any order and any split add up exactly to the
 * full refund. Redeemed points are given back first (to the lots they came from: points that have
 * expired since stay expired, as a replay without the purchase would have them), then earned points
 * are taken back; when they were already spent the program's clawback policy decides:
 * `deduct-available` (the default) takes what is available and forgives the rest, `negative-balance`
 * lets the balance go below zero. The receipt says how many of the reversed earned and welcome points
 * were taken from the customer (`pointsTaken`: out of their lot, from other points, or below zero) and
 * how many were forgiven (`pointsForgiven`). Redeemed points given back into a lot whose points were
 * already clawed back cancel that clawback instead of becoming spendable (what was forgiven first,
 * then what was taken is given back), so the order of refunds does not change where they end: once
 * every purchase is refunded the customer has what a replay without them gives. The refunded spend leaves the accumulated spend. When the whole
 * purchase is refunded, a first-purchase welcome bonus is taken back too. Refunding more than was
 * bought, over all refunds, is REFUND_EXCEEDS_PURCHASE. Idempotent on `transactionId`.
 *
 * A sale the account no longer holds is refunded from the checkout record you stored
 * (`options.record`): checked first — this sale, program and points account, figures that add up,
 * the entries the ledger still holds — else HISTORY_MISMATCH and nothing applied.
 * When such a sale redeemed points and the points ledger's snapshot has dropped its redeem entry
 * too, the points go back into the lots that entry took them from, which only the points account's
 * history knows: pass its history records as `options.history`. They are read only then (O(history
 * length)): checked to be this snapshot's history (HISTORY_MISMATCH), replayed into the whole
 * ledger, the refund posted on it, and the bounded snapshot replayed from the history and the new
 * records — exactly what a ledger that never dropped anything gives. Without them that refund is
 * HISTORY_REQUIRED and nothing is applied.
 *
 * @param program - the program of the purchase
 * @param account - the program account holding the purchase; not mutated
 * @param original - the checkout result (or its transactionId) to refund
 * @param options - `at`, `transactionId`, `lines` (`[{ id, quantity }]`; default all that is left), `expectedVersion`, `record`, `history`
 * @returns `{ status, ...record, account }`
 * @throws {LoyaltyValidationError} when input is invalid or earlier than the account's last transaction
 * @throws {OperationError} NOT_FOUND for an unknown purchase or line; REFUND_EXCEEDS_PURCHASE when refunding more than was bought; HISTORY_MISMATCH when `options.record` is not this sale's record or does not add up, or `options.history` is not the points account's history; HISTORY_REQUIRED when the points ledger has dropped the sale's redeem entry and `options.history` is not given
 * @throws {IdempotencyConflictError} when the transactionId was used with a different request
 * @throws {VersionConflictError} when `expectedVersion` is stale
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openProgramAccount, checkout, refund, balance } from "loyalty-kit";
 * const program = parseProgram({ kind: "bonus", id: "bonus", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] } });
 * const sale = checkout(program, openProgramAccount(program, { customerId: "c1", consent: true }), {
 *   id: "b1", at: "2026-03-01T10:00:00Z",
 *   lines: [{ id: "1", sku: "TEE", quantity: 3, unitPrice: { amount: "10.00", currency: "EUR" } }],
 * }, { transactionId: "sale-1", consent: true });
 * const back = refund(program, sale.account, sale, { at: "2026-03-02T10:00:00Z", transactionId: "refund-1", lines: [{ id: "1", quantity: 1 }] });
 * console.log(back.moneyBack.amount, back.pointsReversed, back.pointsTaken, back.pointsForgiven, balance(back.account.points, { at: "2026-03-03T00:00:00Z" })); // 10.00 10 10 0 20
 * ```
 */
export function refund(
  program: Program,
  account: ProgramAccount,
  original: { readonly transactionId: string } | string,
  options: RefundOptions,
): RefundResult {
  return guardInputs("refund", { program, account, original, options }, () => {
    const r = refundUnguarded(program, account, original, options);
    const parsed = parseProgram(program);
    const coupon = refundCoupon(parsed, r.account, options, r);
    const next = refundNextOrder(parsed, r.account, options, r);
    if (coupon === undefined && next === undefined) return r;
    return {
      ...r,
      ...(coupon === undefined ? {} : { coupon: deepFreeze(coupon) }),
      ...(next === undefined ? {} : { nextOrder: deepFreeze(next) }),
    };
  });
}

function refundUnguarded(
  program: Program,
  account: ProgramAccount,
  original: { readonly transactionId: string } | string,
  options: RefundOptions,
): RefundResult {
  const p = parseProgram(program);
  assertAccount(p, account);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([
      { path: ["options"], message: "expected options { at, transactionId, lines? }" },
    ]);
  const transactionId = checkTransactionId(options.transactionId);
  const originalId = checkTransactionId(
    typeof original === "string" ? original : (original as { transactionId?: unknown } | null)?.transactionId,
    "original.transactionId",
  );
  const atMs = parseInstant(options.at, "at");
  const at = new Date(atMs).toISOString();
  // The lines asked for (default: all that is left, worked out once the sale is known).
  const requested: { id: string; quantity: D }[] = [];
  if (options.lines !== undefined) {
    if (!Array.isArray(options.lines))
      throw new LoyaltyValidationError([{ path: ["lines"], message: "expected an array of { id, quantity }" }]);
    const seen = new Set<string>();
    options.lines.forEach((l: unknown, i) => {
      const line = l as { id?: unknown; quantity?: unknown } | null;
      if (typeof line !== "object" || line === null || typeof line.id !== "string")
        throw new LoyaltyValidationError([{ path: ["lines", i, "id"], message: "expected a line id" }]);
      if (seen.has(line.id))
        throw new LoyaltyValidationError([
          { path: ["lines", i, "id"], message: `duplicate line id ${JSON.stringify(line.id)}` },
        ]);
      seen.add(line.id);
      requested.push({ id: line.id, quantity: quantityOf(line.quantity, ["lines", i, "quantity"]) });
    });
  }
  const request = canonical({
    originalTransactionId: originalId,
    at,
    lines: options.lines === undefined ? null : requested.map((r) => ({ id: r.id, quantity: r.quantity.toString() })),
  });
  const digest = digestOf(request);

  const earlier = account.refunds.find((r) => r.transactionId === transactionId);
  if (earlier !== undefined) {
    if (earlier.digest !== digest)
      throw new IdempotencyConflictError(
        transactionId,
        `refund ${JSON.stringify(transactionId)} was already made with different lines or instant`,
      );
    return { status: "duplicate", ...recordOfRefund(p, account, earlier), account };
  }
  if (account.sales.some((x) => x.transactionId === transactionId)) {
    throw new IdempotencyConflictError(
      transactionId,
      `transactionId ${JSON.stringify(transactionId)} was already used by a checkout`,
    );
  }

  const sale = account.sales.find((x) => x.transactionId === originalId);
  const kept = sale === undefined ? undefined : recordOfSale(p, account, sale);
  const supplied = options.record === undefined ? undefined : checkStoredRecord(p, account, options.record, originalId);
  if (kept !== undefined && supplied !== undefined) {
    const { explain: _k, ...keptFigures } = kept;
    const { explain: _s, ...suppliedFigures } = { ...supplied, accountId: supplied.accountId ?? kept.accountId };
    if (!jsonEqual(keptFigures, suppliedFigures)) {
      const field = ["record", ...(firstDifference(keptFigures, suppliedFigures) ?? [])].join(".");
      throw new OperationError(
        ErrorCode.HISTORY_MISMATCH,
        `options.record is not the record of checkout ${JSON.stringify(originalId)} this account holds (${field} differs); pass the record checkout returned, unchanged, or leave it out`,
        { accountId: account.points.accountId, field, expected: null, actual: null },
      );
    }
  }
  const purchase = kept ?? supplied;
  if (purchase === undefined)
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `no checkout ${JSON.stringify(originalId)} on this account to refund; for a sale the account no longer holds, pass the checkout record you stored as options.record`,
      { transactionId: originalId },
    );

  const already = refundedQuantities(account, originalId);
  if (options.lines === undefined) {
    for (const l of purchase.lines) {
      const rest = dec(l.quantity).minus(already.get(l.id) ?? ZERO);
      if (rest.gt(0)) requested.push({ id: l.id, quantity: rest });
    }
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== account.version)
    throw new VersionConflictError(options.expectedVersion, account.version);
  const last = lastRecordAt(account);
  if (atMs < last)
    throw new LoyaltyValidationError([
      {
        path: ["at"],
        message: `expected an instant not before the account's last transaction (${new Date(last).toISOString()}), got ${at}`,
      },
    ]);
  if (requested.length === 0)
    throw new OperationError(
      ErrorCode.REFUND_EXCEEDS_PURCHASE,
      `checkout ${JSON.stringify(originalId)} is already fully refunded`,
      { transactionId: originalId },
    );

  const currency = purchase.total.currency;
  const dp = minorUnits(currency) ?? 2;
  const scale = p.kind === "bonus" || p.kind === "catalog" ? (p.pointsScale ?? 0) : 0;
  const lines: RefundedLine[] = [];
  const money: D[] = [];
  const reversed: D[] = [];
  const restored: D[] = [];
  const spend: D[] = [];
  requested.forEach((r, i) => {
    const bought = purchase.lines.find((l) => l.id === r.id);
    if (bought === undefined)
      throw new OperationError(
        ErrorCode.NOT_FOUND,
        `line ${JSON.stringify(r.id)} is not in checkout ${JSON.stringify(originalId)}`,
        { lineId: r.id, path: ["lines", i, "id"] },
      );
    const Q = dec(bought.quantity);
    const before = already.get(r.id) ?? ZERO;
    const after = before.plus(r.quantity);
    if (after.gt(Q)) {
      throw new OperationError(
        ErrorCode.REFUND_EXCEEDS_PURCHASE,
        `line ${JSON.stringify(r.id)}: refunding ${r.quantity.toString()} more would make ${after.toString()} refunded, but ${Q.toString()} were bought (${before.toString()} already refunded)`,
        { lineId: r.id, bought: Q.toString(), alreadyRefunded: before.toString(), requested: r.quantity.toString() },
      );
    }
    const m = cumulativeShare(dec(bought.net.amount), Q, before, after, dp, "half-even");
    const pr = cumulativeShare(dec(bought.pointsEarned), Q, before, after, scale, "floor");
    const ps = cumulativeShare(dec(bought.pointsRedeemed), Q, before, after, scale, "floor");
    const sp = bought.eligible ? cumulativeShare(dec(bought.gross.amount), Q, before, after, dp, "half-even") : ZERO;
    money.push(m);
    reversed.push(pr);
    restored.push(ps);
    spend.push(sp);
    lines.push({
      id: r.id,
      quantity: r.quantity.toString(),
      moneyBack: { amount: fixed(m, dp), currency },
      pointsReversed: fixed(pr, scale),
      pointsRestored: fixed(ps, scale),
      spendReversed: { amount: fixed(sp, dp), currency },
    });
  });
  const complete = purchase.lines.every((l) => {
    const r = requested.find((x) => x.id === l.id);
    return (already.get(l.id) ?? ZERO).plus(r?.quantity ?? ZERO).eq(dec(l.quantity));
  });
  const pointsReversed = sumD(reversed);
  const pointsRestored = sumD(restored);
  const welcome = complete ? dec(purchase.welcomeBonus) : ZERO;
  const clawback = clawbackOf(p);

  const place = placeOf(purchase); // the refund's entries carry the sale's store and till
  const entries = refundEntries(p, transactionId, originalId, at, place, { pointsRestored, pointsReversed, welcome });
  // Restored points go back into the lots the redeem took them from: when the ledger's snapshot has
  // dropped the redeem entry, only the account's history knows those lots (see ledgerFor).
  const whole = ledgerFor(account.points, pointsRestored.gt(0) ? `${originalId}:redeem` : undefined, options.history);
  const start = whole?.full ?? account.points;
  // Restored points are posted first and on their own: the balance drop across the reversals that
  // follow is what they took from the customer (out of lots or below zero); the rest was forgiven.
  const restoring = entries.filter((x) => x.transactionId === `${transactionId}:restore`);
  const reversing = entries.filter((x) => x.transactionId !== `${transactionId}:restore`);
  // The sale's figures are known (held or from its record), so a reverse of an earn whose emptied lot
  // left the ledger's snapshot is settled from them (see PostInternals.droppedCredits): the record
  // bounds what is reversed, never the ledger's memory. The whole ledger dropped nothing: exact.
  const dropped = { droppedCredits: whole === undefined };
  const first = restoring.length === 0 ? undefined : postEntries(start, restoring, {}, true, dropped);
  const middle = first === undefined ? start : first.account;
  const second = reversing.length === 0 ? undefined : postEntries(middle, reversing, {}, true, dropped);
  const history = [...(first?.history ?? []), ...(second?.history ?? [])];
  // Posted on the whole ledger: the bounded snapshot is its history and these records replayed.
  const points =
    whole === undefined ? (second?.account ?? middle) : boundedAfter(whole.points, whole.history, history, "refund");
  // Pending points (inside the return window) taken back count as taken: nothing of them is forgiven.
  const held = (a: typeof middle): D => dec(balance(a, { at })).plus(dec(pendingPoints(a, { at })));
  const taken = second === undefined ? ZERO : held(middle).minus(held(second.account));
  const forgiven = pointsReversed.plus(welcome).minus(taken);

  const explain = refundExplain({
    currency,
    dp,
    scale,
    clawback,
    moneyBack: sumD(money),
    pointsRestored,
    pointsReversed,
    taken,
    forgiven,
    welcome,
  });
  const record: RefundRecord = {
    programId: p.id,
    transactionId,
    originalTransactionId: originalId,
    at,
    lines,
    moneyBack: { amount: fixed(sumD(money), dp), currency },
    pointsReversed: fixed(pointsReversed, scale),
    pointsRestored: fixed(pointsRestored, scale),
    welcomeReversed: fixed(welcome, scale),
    spendReversed: { amount: fixed(sumD(spend), dp), currency },
    complete,
    pointsTaken: fixed(taken, scale),
    pointsForgiven: fixed(forgiven, scale),
    entries: history.map((h) => h.entry),
    explain,
  };
  const kept_: ProgramRefund = {
    transactionId,
    originalTransactionId: originalId,
    originalAt: purchase.at,
    at,
    digest,
    ...place,
    currency,
    lines: keptRefundLines(lines),
    welcomeReversed: record.welcomeReversed,
    complete,
    pointsTaken: record.pointsTaken as string,
    pointsForgiven: record.pointsForgiven as string,
  };
  const next = pruned(p, {
    ...account,
    version: account.version + 1,
    points,
    refunds: [...account.refunds, kept_],
    totals: complete ? { ...account.totals, open: Math.max(0, account.totals.open - 1) } : account.totals,
  });
  return { status: "applied", ...record, account: next };
}

/**
 * The ledger to post a refund on when the bounded snapshot has dropped the entry it reverses
 * (`needed`, the sale's redeem entry): the whole ledger replayed from `history`, checked to be this
 * snapshot's (HISTORY_MISMATCH), or HISTORY_REQUIRED without a history. Undefined when the snapshot
 * holds the entry (or never dropped anything): the history is not read then.
 */
function ledgerFor(
  snapshot: Account,
  needed: string | undefined,
  history: unknown,
): { points: Account; full: Account; history: readonly unknown[] } | undefined {
  if (needed === undefined) return undefined;
  const points = readAccount(snapshot);
  if (points.version === points.entries.length) return undefined;
  if (points.entries.some((e) => e.transactionId === needed)) return undefined;
  if (history === undefined)
    throw new OperationError(
      ErrorCode.HISTORY_REQUIRED,
      `the points ledger has dropped entry ${JSON.stringify(needed)} (older than its ${points.retainDays} retained days), and the redeemed points go back into the lots it took them from; pass the points account's history records as options.history`,
      { accountId: points.accountId, transactionId: needed, retainedFrom: points.entries[0]?.at ?? null },
    );
  if (!Array.isArray(history))
    throw new LoyaltyValidationError([
      { path: ["history"], message: "expected the points account's history records, in sequence order" },
    ]);
  return { points, full: fullLedger(points, history, "refund"), history };
}

/** The receipt's explanation of a refund, from its figures (so a retry's answer says the same). */
function refundExplain(f: {
  currency: string;
  dp: number;
  scale: number;
  clawback: string;
  moneyBack: D;
  pointsRestored: D;
  pointsReversed: D;
  taken: D;
  forgiven: D;
  welcome: D;
}): Explanation[] {
  const explain: Explanation[] = [say.moneyBack(`${fixed(f.moneyBack, f.dp)} ${f.currency}`)];
  if (f.pointsRestored.gt(0)) explain.push(say.pointsRestored(fixed(f.pointsRestored, f.scale)));
  if (f.pointsReversed.gt(0))
    explain.push(
      say.pointsReversed(
        fixed(f.pointsReversed, f.scale),
        f.clawback,
        fixed(f.taken, f.scale),
        fixed(f.forgiven, f.scale),
      ),
    );
  if (f.welcome.gt(0)) explain.push(say.welcomeTakenBack(fixed(f.welcome, f.scale)));
  return explain;
}

function clawbackOf(p: Program): "deduct-available" | "negative-balance" {
  return p.kind === "bonus" || p.kind === "catalog" || p.kind === "stamps"
    ? (p.clawback ?? "deduct-available")
    : "deduct-available";
}

function refundEntries(
  p: Program,
  transactionId: string,
  originalId: string,
  at: string,
  place: { storeId?: string; tillId?: string },
  f: { pointsRestored: D; pointsReversed: D; welcome: D },
): EntryInput[] {
  const scale = p.kind === "bonus" || p.kind === "catalog" ? (p.pointsScale ?? 0) : 0;
  const clawback = clawbackOf(p);
  const meta = { programId: p.id, transactionId, originalTransactionId: originalId };
  const entries: EntryInput[] = [];
  if (f.pointsRestored.gt(0))
    entries.push({
      kind: "reverse",
      transactionId: `${transactionId}:restore`,
      at,
      reverses: `${originalId}:redeem`,
      points: fixed(f.pointsRestored, scale),
      ...place,
      meta,
    });
  if (f.pointsReversed.gt(0))
    entries.push({
      kind: "reverse",
      transactionId: `${transactionId}:reverse`,
      at,
      reverses: `${originalId}:earn`,
      points: fixed(f.pointsReversed, scale),
      shortfall: clawback,
      ...place,
      meta,
    });
  if (f.welcome.gt(0))
    entries.push({
      kind: "reverse",
      transactionId: `${transactionId}:welcome`,
      at,
      reverses: `${originalId}:welcome`,
      // The figure, not "all that is left": the same, as the welcome lot is reversed once (with the
      // full refund), and what a welcome lot that left the ledger's snapshot is reversed by.
      points: fixed(f.welcome, scale),
      shortfall: clawback,
      ...place,
      meta,
    });
  return entries;
}

/** A refund the account holds, rebuilt as the record refund returned (entries and explanation from its figures). */
function recordOfRefund(p: Program, account: ProgramAccount, r: ProgramRefund): RefundRecord {
  const dp = minorUnits(r.currency) ?? 2;
  const scale = p.kind === "bonus" || p.kind === "catalog" ? (p.pointsScale ?? 0) : 0;
  const money = (amount: string) => ({ amount, currency: r.currency });
  const sum = (pick: (l: ProgramRefund["lines"][number]) => string): D => sumD(r.lines.map((l) => dec(pick(l))));
  const pointsRestored = sum((l) => l.pointsRestored);
  const pointsReversed = sum((l) => l.pointsReversed);
  const welcome = dec(r.welcomeReversed);
  const taken = dec(r.pointsTaken ?? "0");
  const forgiven = dec(r.pointsForgiven ?? "0");
  const place = placeOf(r);
  return {
    programId: p.id,
    transactionId: r.transactionId,
    originalTransactionId: r.originalTransactionId,
    at: r.at,
    lines: r.lines.map((l) => ({
      id: l.id,
      quantity: l.quantity,
      moneyBack: money(l.moneyBack),
      pointsReversed: l.pointsReversed,
      pointsRestored: l.pointsRestored,
      spendReversed: money(l.spendReversed),
    })),
    moneyBack: money(
      fixed(
        sum((l) => l.moneyBack),
        dp,
      ),
    ),
    pointsReversed: fixed(pointsReversed, scale),
    pointsRestored: fixed(pointsRestored, scale),
    welcomeReversed: r.welcomeReversed,
    spendReversed: money(
      fixed(
        sum((l) => l.spendReversed),
        dp,
      ),
    ),
    complete: r.complete,
    ...(r.pointsTaken === undefined ? {} : { pointsTaken: r.pointsTaken }),
    ...(r.pointsForgiven === undefined ? {} : { pointsForgiven: r.pointsForgiven }),
    entries: refundEntries(p, r.transactionId, r.originalTransactionId, r.at, place, {
      pointsRestored,
      pointsReversed,
      welcome,
    }).map((e) => account.points.entries.find((x) => x.transactionId === e.transactionId) ?? parseEntry(e)),
    explain: refundExplain({
      currency: r.currency,
      dp,
      scale,
      clawback: clawbackOf(p),
      moneyBack: sum((l) => l.moneyBack),
      pointsRestored,
      pointsReversed,
      taken,
      forgiven,
      welcome,
    }),
  };
}
