import { guardInputs } from "../core/guard.js";
import { parsePurchaseRecords, type PurchaseRecordInput } from "./purchaseRecord.js";
import { parseWindow } from "./_lib/window.js";
import { parseOptions } from "./_lib/options.js";

/**
 * The result of {@link repeatPurchaseRate}.
 *
 * @example
 * ```ts
 * import { repeatPurchaseRate, type RepeatPurchaseResult } from "loyalty-kit";
 * const r: RepeatPurchaseResult = repeatPurchaseRate([]);
 * console.log(r.rate); // null
 * ```
 * @category measurement
 */
export interface RepeatPurchaseResult {
  /** Distinct customers with at least one purchase in the window. */
  readonly customers: number;
  /** Of them, those with two or more purchases in the window. */
  readonly repeatCustomers: number;
  /** repeatCustomers / customers, 0..1; `null` when nobody bought in the window. */
  readonly rate: number | null;
}

/**
 * Repeat-purchase rate: the share of buying customers who bought at least twice in the window.
 *
 * The first of Ron Kaufman's nine signs of a loyal client is that they come back and buy again;
 * this is its count over a customer base. Purchases are counted in the half-open window
 * [`from`, `to`); without bounds, all purchases count.
 *
 * @param purchases - Purchase records `{ customerId, at }` (instants as ISO strings with an offset, or Dates).
 * @param options - `from`, `to`: optional window bounds (instants).
 * @returns Customers, repeat customers and their share.
 * @throws {LoyaltyValidationError} when a record or a bound is invalid, or `to` is not after `from`.
 * @category measurement
 * @example
 * ```ts
 * import { repeatPurchaseRate } from "loyalty-kit";
 * const r = repeatPurchaseRate([
 *   { customerId: "ana", at: "2026-01-03T10:00:00Z" },
 *   { customerId: "ana", at: "2026-02-11T10:00:00Z" },
 *   { customerId: "budi", at: "2026-01-20T10:00:00Z" },
 * ]);
 * console.log(r.repeatCustomers, r.customers, r.rate); // 1 2 0.5
 * ```
 */
export function repeatPurchaseRate(
  purchases: readonly PurchaseRecordInput[],
  options: { readonly from?: string | Date; readonly to?: string | Date } = {},
): RepeatPurchaseResult {
  return guardInputs("repeatPurchaseRate", { purchases, options }, () =>
    repeatPurchaseRateUnguarded(purchases, options),
  );
}

function repeatPurchaseRateUnguarded(
  purchases: readonly PurchaseRecordInput[],
  options: { readonly from?: string | Date; readonly to?: string | Date } = {},
): RepeatPurchaseResult {
  const records = parsePurchaseRecords(purchases);
  const o = parseOptions(options, ["from", "to"], "repeatPurchaseRate");
  const window = parseWindow(o["from"], o["to"], "repeatPurchaseRate");
  const counts = new Map<string, number>();
  for (const r of records) {
    const ms = Date.parse(r.at);
    if (ms >= window.from && ms < window.to) counts.set(r.customerId, (counts.get(r.customerId) ?? 0) + 1);
  }
  let repeatCustomers = 0;
  for (const c of counts.values()) if (c >= 2) repeatCustomers++;
  const customers = counts.size;
  return { customers, repeatCustomers, rate: customers === 0 ? null : repeatCustomers / customers };
}
