import { guardInputs } from "../core/guard.js";
import { instantMillis, parseInstant } from "../_lib/values.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { availableLots } from "../ledger/availableLots.js";
import { pendingPoints } from "../ledger/pendingPoints.js";
import { replayAccount } from "../ledger/replayAccount.js";
import type { Account, EntryInput } from "../ledger/schemas.js";
import { type MoneyJson, parseMoney, toJSON } from "../money/json.js";
import { Decimal, isMoney, type Money, money } from "../money/money.js";
import { round } from "../money/round.js";

/**
 * An account given as its history: ledger entry JSON (the same entries `post` takes), replayed with
 * the ledger's own rules.
 *
 * @example
 * ```ts
 * import type { LiabilityHistory } from "loyalty-kit";
 * const h: LiabilityHistory = { accountId: "a", entries: [{ kind: "earn", transactionId: "t1", at: "2026-01-05T10:00:00Z", points: "120" }] };
 * console.log(h.entries.length); // 1
 * ```
 * @category economics
 */
export interface LiabilityHistory {
  readonly accountId: string;
  readonly entries: readonly EntryInput[];
  /** The account's points scale, as for `openAccount`. */
  readonly scale?: number;
}

/**
 * Options for {@link pointsLiability}.
 *
 * @example
 * ```ts
 * import type { PointsLiabilityOptions } from "loyalty-kit";
 * const o: PointsLiabilityOptions = { at: "2026-12-31T23:59:59Z", pointValue: { amount: "0.01", currency: "EUR" } };
 * console.log(o.pointValue);
 * ```
 * @category economics
 */
export interface PointsLiabilityOptions {
  /** The valuation instant: an ISO-8601 string with an offset, or a Date. */
  readonly at: string | Date;
  /** What one point costs the program when redeemed (Money or `{ amount, currency }`). */
  readonly pointValue: Money | MoneyJson;
  /** The tier of each account by accountId; accounts not listed count under `"none"`. */
  readonly tiers?: Readonly<Record<string, string>>;
}

/**
 * Points and their money value.
 *
 * @example
 * ```ts
 * import type { LiabilityFigure } from "loyalty-kit";
 * const f: LiabilityFigure = { points: "120", value: { amount: "1.20", currency: "EUR" } };
 * console.log(f.value.amount); // 1.20
 * ```
 * @category economics
 */
export interface LiabilityFigure {
  readonly points: string;
  readonly value: MoneyJson;
}

/**
 * What {@link pointsLiability} reports.
 *
 * @example
 * ```ts
 * import { pointsLiability } from "loyalty-kit";
 * const r = pointsLiability([], { at: "2026-01-01T00:00:00Z", pointValue: { amount: "0.01", currency: "EUR" } });
 * console.log(r.outstanding.points, r.accounts); // 0 0
 * ```
 * @category economics
 */
export interface PointsLiability {
  readonly at: string;
  readonly accounts: number;
  /** Points available to redeem at `at` (held points excluded) and their value. */
  readonly outstanding: LiabilityFigure;
  /** `outstanding` by when the points expire, counted from `at` in days of 24 hours. */
  readonly byExpiry: {
    readonly within30Days: LiabilityFigure;
    readonly within90Days: LiabilityFigure;
    readonly within365Days: LiabilityFigure;
    readonly later: LiabilityFigure;
    readonly never: LiabilityFigure;
  };
  /** `outstanding` by tier (see `options.tiers`). */
  readonly byTier: Readonly<Record<string, LiabilityFigure>>;
  /** Held: points taken out of the lots by open holds (a checkout not yet captured or released); not in `outstanding`. */
  readonly held: LiabilityFigure;
  /**
   * Pending: points earned inside a return window (an earn's `availableAt` after `at`): not yet
   * spendable and not in `outstanding`, owed once the window ends unless the purchase is refunded.
   */
  readonly pending: LiabilityFigure;
  /** Points owed by accounts with a negative balance: not a liability, reported so totals reconcile. */
  readonly owedPoints: string;
}

const DAY_MS = 86_400_000;

/**
 * The points a program owes at an instant and what they are worth, split by expiry and by tier.
 *
 * Outstanding points are the lots that still hold points at `at` (the ledger's `availableLots`: lots
 * expired by `at` are gone, held points are out of the lots). Each lot falls in one expiry bucket by
 * the time from `at` to its `expiresAt`: within 30 days, within 90, within 365, later, or never (no
 * expiry). Points taken by open holds whose timeout has not passed are reported apart as `held`, and
 * points still inside a return window (see the ledger's `pendingPoints`) apart as `pending`.
 * The money value is points × `pointValue`, each figure rounded half-even to the currency's minor unit
 * on its own (so buckets can differ from the total by a minor unit per bucket). This is the
 * undiscounted face value of the obligation; IFRS 15 (B39–B43) and ASC 606 ask to reduce it by the
 * expected breakage — estimate that with {@link chainLadder}.
 *
 * Accounts may be ledger snapshots or histories (`{ accountId, entries }`, replayed). A snapshot
 * whose entries go past `at` is replayed up to `at`, so the figures are as of that instant.
 *
 * @param accounts - Ledger accounts or histories. Not mutated.
 * @param options - `at`, `pointValue`, optional `tiers`.
 * @returns A frozen {@link PointsLiability}; points as decimal strings, money as `{ amount, currency }`.
 * @throws {LoyaltyValidationError} when `at` or `pointValue` is invalid, `pointValue` is negative,
 *   or a history's entries are invalid (the ledger's own errors, naming the entry).
 * @category economics
 * @example
 * ```ts
 * import { pointsLiability } from "loyalty-kit";
 * const r = pointsLiability(
 *   [{ accountId: "ann", entries: [
 *     { kind: "earn", transactionId: "t1", at: "2026-01-05T10:00:00Z", points: "500", expiresAt: "2026-02-01T00:00:00Z" },
 *     { kind: "earn", transactionId: "t2", at: "2026-01-06T10:00:00Z", points: "300" },
 *     { kind: "earn", transactionId: "t3", at: "2026-01-08T10:00:00Z", points: "40", availableAt: "2026-02-07T10:00:00Z" },
 *   ] }],
 *   { at: "2026-01-10T00:00:00Z", pointValue: { amount: "0.01", currency: "EUR" }, tiers: { ann: "Gold" } },
 * );
 * console.log(r.outstanding.value.amount, r.byExpiry.within30Days.points, r.byExpiry.never.points, r.byTier["Gold"]?.points); // 8.00 500 300 800
 * console.log(r.pending.points, r.pending.value.amount, r.held.points); // 40 0.40 0
 * ```
 */
export function pointsLiability(
  accounts: readonly (Account | LiabilityHistory)[],
  options: PointsLiabilityOptions,
): PointsLiability {
  return guardInputs("pointsLiability", { accounts, options }, () => pointsLiabilityUnguarded(accounts, options));
}

function pointsLiabilityUnguarded(
  accounts: readonly (Account | LiabilityHistory)[],
  options: PointsLiabilityOptions,
): PointsLiability {
  const atMs = parseInstant(options?.at, "at");
  const at = new Date(atMs).toISOString();
  const pointValue = readPointValue(options.pointValue);
  if (!Array.isArray(accounts)) {
    throw new LoyaltyValidationError(
      [{ path: ["accounts"], message: "expected an array of ledger accounts or { accountId, entries } histories" }],
      "pointsLiability",
    );
  }
  const zero = () => new Decimal(0);
  const buckets = { within30Days: zero(), within90Days: zero(), within365Days: zero(), later: zero(), never: zero() };
  const tiers = new Map<string, Decimal>();
  let total = zero();
  let held = zero();
  let pending = zero();
  let owed = zero();
  accounts.forEach((input, index) => {
    const account = asOf(input, atMs, index);
    const tier = options.tiers?.[account.accountId] ?? "none";
    let accountTotal = zero();
    for (const lot of availableLots(account, { at })) {
      const points = new Decimal(lot.remaining);
      accountTotal = accountTotal.plus(points);
      if (lot.expiresAt === undefined) buckets.never = buckets.never.plus(points);
      else {
        const days = (Date.parse(lot.expiresAt) - atMs) / DAY_MS;
        const key = days <= 30 ? "within30Days" : days <= 90 ? "within90Days" : days <= 365 ? "within365Days" : "later";
        buckets[key] = buckets[key].plus(points);
      }
    }
    total = total.plus(accountTotal);
    tiers.set(tier, (tiers.get(tier) ?? zero()).plus(accountTotal));
    for (const hold of account.holds) {
      if (hold.timeoutAt !== undefined && Date.parse(hold.timeoutAt) <= atMs) continue;
      for (const part of hold.lots) held = held.plus(part.points);
    }
    pending = pending.plus(pendingPoints(account, { at }));
    owed = owed.plus(account.deficit);
  });
  const figure = (points: Decimal): LiabilityFigure =>
    Object.freeze({
      points: points.toString(),
      value: toJSON(round(money(points.times(pointValue.amount), pointValue.currency))),
    });
  return Object.freeze({
    at,
    accounts: accounts.length,
    outstanding: figure(total),
    byExpiry: Object.freeze({
      within30Days: figure(buckets.within30Days),
      within90Days: figure(buckets.within90Days),
      within365Days: figure(buckets.within365Days),
      later: figure(buckets.later),
      never: figure(buckets.never),
    }),
    byTier: Object.freeze(Object.fromEntries([...tiers].map(([tier, points]) => [tier, figure(points)]))),
    held: figure(held),
    pending: figure(pending),
    owedPoints: owed.toString(),
  });
}

function readPointValue(value: unknown): Money {
  const m = isMoney(value) ? value : parseMoney(value);
  if (m.amount.isNegative()) {
    throw new LoyaltyValidationError(
      [{ path: ["pointValue"], message: `expected a value ≥ 0 for one point, got ${m.amount.toString()}` }],
      "pointsLiability",
    );
  }
  return m;
}

// The account as of `atMs`: a history or a snapshot with entries after `atMs` is replayed up to it.
function asOf(input: Account | LiabilityHistory, atMs: number, index: number): Account {
  if (input === null || typeof input !== "object" || !Array.isArray(input.entries)) {
    throw new LoyaltyValidationError(
      [{ path: ["accounts", index], message: "expected a ledger account or { accountId, entries }" }],
      "pointsLiability",
    );
  }
  const entries = input.entries as readonly EntryInput[];
  // An entry whose instant is invalid is kept, so that the ledger rejects it with its own error.
  const upTo = entries.filter((e) => {
    const ms = instantMillis(e?.at);
    return Number.isNaN(ms) || ms <= atMs;
  });
  if ("lots" in input && upTo.length === entries.length) return input;
  const settings =
    "lots" in input
      ? {
          accountId: input.accountId,
          scale: input.scale,
          negativeLimit: input.negativeLimit,
          ...(input.currency ? { currency: input.currency } : {}),
        }
      : { accountId: input.accountId, ...(input.scale === undefined ? {} : { scale: input.scale }) };
  return replayAccount(upTo, settings);
}
