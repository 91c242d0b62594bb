// The object path of rfmSummary: one pass that checks purchase objects and writes them into the
// columnar arrays the columnar path aggregates, with customer ids numbered in order of appearance.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { decimalToNumber } from "../../core/decimal.js";
import { previewValue } from "../../_lib/values.js";
import { checkCustomerId, timeMillis, type RfmSettings } from "./rfm.js";
import { valueToNumber } from "./values.js";

/** Purchases as columns: `id` numbers customers 0 … keys.length − 1 in order of first appearance. */
export interface PurchaseColumns {
  readonly id: Int32Array;
  readonly at: Float64Array;
  readonly value: Float64Array;
  /** The caller's customer id of each dense number. */
  readonly keys: (string | number)[];
  readonly count: number;
}

/**
 * Reads purchase objects `{ customerId, at, value? }` into columns, with exactly the checks and
 * messages of `rfmAccumulator().add` (paths `[index, field]`). Arrays are read by index; any other
 * iterable once, in order.
 */
export function purchaseColumns(input: Iterable<unknown>, s: RfmSettings, what: string): PurchaseColumns {
  // One plain loop over an array (other iterables are read once into one): no closure, no growing.
  const items: readonly unknown[] = Array.isArray(input) ? input : [...input];
  const count = items.length;
  const id = new Int32Array(count);
  const at = new Float64Array(count);
  const value = new Float64Array(count);
  const keys: (string | number)[] = [];
  // String ids in a prototype-less object, number ids in a Map: a property lookup internalises the
  // string once and is several times faster than a Map keyed by strings read from a file.
  const byString: Record<string, number> = Object.create(null);
  const byNumber = new Map<number, number>();
  const money: { currency?: string | undefined } = {};
  const endMs = s.endMs;
  for (let n = 0; n < count; n++) {
    const tx = items[n];
    if (typeof tx !== "object" || tx === null)
      throw new LoyaltyValidationError(
        [{ path: [n], message: `expected a purchase { customerId, at, value? }, got ${previewValue(tx)}` }],
        what,
      );
    const p = tx as { customerId?: unknown; at?: unknown; value?: unknown };
    const key = p.customerId;
    let c = typeof key === "string" ? byString[key] : byNumber.get(key as number);
    if (c === undefined) {
      checkCustomerId(key, [n, "customerId"], what);
      c = keys.length;
      keys.push(key);
      if (typeof key === "string") byString[key] = c;
      else byNumber.set(key, c);
    }
    const t = p.at;
    const ms = typeof t === "number" ? (t - t === 0 ? t : Number.NaN) : timeMillis(t);
    if (!(ms <= endMs)) {
      throw new LoyaltyValidationError(
        [
          {
            path: [n, "at"],
            message:
              ms > endMs
                ? `expected a purchase on or before observationEnd (${s.observationEnd}), got ${new Date(ms).toISOString()}`
                : `expected a date "YYYY-MM-DD", an ISO-8601 instant with an offset, a valid Date or epoch milliseconds, got ${previewValue(t)}`,
          },
        ],
        what,
      );
    }
    const v = p.value;
    let x = typeof v === "number" ? v : typeof v === "string" ? decimalToNumber(v) : v === undefined ? 0 : Number.NaN;
    if (!(x - x === 0)) x = valueToNumber(v, [n, "value"], money, what);
    id[n] = c;
    at[n] = ms;
    value[n] = x;
  }
  return { id, at, value, keys, count };
}
