// The one reading path for purchase objects `{ customerId, at, value }`, shared by rfmSummary,
// rfmAccumulator and totalsAccumulator: customer ids numbered densely in order of first appearance,
// and each field checked and converted with the same messages wherever it is read.
//
// Customer ids are numbered through three tables (the number 1 and the string "1" are different
// customers): integer ids from 0 up to a bound that grows with the number of customers index an
// Int32Array directly, other numbers are keys of a Map, and strings are found in a hash table of
// their own in an Int32Array. With a million customers the tables outgrow the caches, and a lookup
// costs what its cache misses cost: integer ids read the array once, and come out in order by
// scanning it. A string-keyed Map reads its bucket, its entry and the stored key's string (whose
// hash it compares) for each entry of the chain; the string table keeps each id's hash beside its
// number in one slot, so a lookup reads one slot (usually one cache line) and the stored string
// only when the hashes match — 2M lookups of 864,000 fresh ids "c123456" took 0.6–0.7 s of CPU
// against the Map's 0.9–1.9 s (Node 20). String ids are ordered (code-unit order, as `<` compares)
// by a radix sort of their code units packed into numbers, which yields their numbers directly: the
// engine's default sort of the strings and a lookup of each id's number again took 0.8–1.3 s for
// those 864,000 ids, the radix sort 0.15–0.3 s (see sortedStrings).
import { CurrencyMismatchError, LoyaltyValidationError } from "../../errors/errors.js";
import { decimalToNumber } from "../../core/decimal.js";
import { previewValue } from "../../_lib/values.js";
import { checkCustomerId, DAY_MS, isCustomerId, timeMillis, type RfmSettings } from "./rfm.js";
import { valueToNumber } from "./values.js";

/** Customer ids numbered 0 … keys.length − 1 in order of first appearance. */
export interface Customers {
  /** Number + 1 of each integer id below its length that was seen (0: not seen). */
  direct: Int32Array;
  /** The number of each other numeric id seen. */
  readonly numbers: Map<number, number>;
  /**
   * The string ids by hash: slot `q` holds a hash at `2q` and the number + 1 of its id at `2q + 1`
   * (0: empty). Open addressing with linear probing from the slot the hash's high bits name; at most
   * half full.
   */
  slots: Int32Array;
  /** The seed of {@link stringHash}, drawn per table. */
  readonly seed: number;
  /** How many string ids were seen (they are in `keys`). */
  stringCount: number;
  /** The id of each number. */
  readonly keys: (string | number)[];
}

/** Integer ids below this always index the array; above it, up to 16 per customer seen. */
const DIRECT_MIN = 1 << 16;
/** The array's largest length (256 MiB of Int32): larger ids go to the Map. */
const DIRECT_MAX = 1 << 26;

/** A new, empty {@link Customers}. */
export function customers(): Customers {
  return {
    direct: new Int32Array(1024),
    numbers: new Map(),
    slots: new Int32Array(2 * 1024),
    // Drawn per table: ids that collide (and make lookups linear) cannot be worked out without it.
    seed: (Math.random() * 2 ** 32) | 0,
    stringCount: 0,
    keys: [],
  };
}

/** FNV-1a over the UTF-16 code units of `s`, from `seed` instead of the fixed offset basis. */
export function stringHash(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The first slot to probe for hash `h` in `slots`: the high bits of h · 2^32/φ (Fibonacci hashing),
 * as many as the slot count (a power of two) needs, since FNV's low bits mix poorly.
 */
function homeSlot(h: number, slots: Int32Array): number {
  return Math.imul(h, 0x9e3779b1) >>> (Math.clz32(slots.length) + 2);
}

/** The slot holding string `id` (hash `h`), or the empty slot where it would go. */
function stringSlot(table: Customers, id: string, h: number): number {
  const { slots, keys } = table;
  const mask = (slots.length >> 1) - 1;
  let q = homeSlot(h, slots);
  for (;;) {
    const c = slots[2 * q + 1] as number;
    if (c === 0 || (slots[2 * q] === h && keys[c - 1] === id)) return q;
    q = (q + 1) & mask;
  }
}

/** Doubles the string table's slots, placing every string id again. */
function growSlots(table: Customers): void {
  const old = table.slots;
  const slots = new Int32Array(2 * old.length);
  const mask = (slots.length >> 1) - 1;
  for (let p = 0; p < old.length; p += 2) {
    const c = old[p + 1] as number;
    if (c === 0) continue;
    const h = old[p] as number;
    let q = homeSlot(h, slots);
    while (slots[2 * q + 1] !== 0) q = (q + 1) & mask;
    slots[2 * q] = h;
    slots[2 * q + 1] = c;
  }
  table.slots = slots;
}

/** The number of customer `id` when it was seen, else −1 (also for an id of the wrong type). */
export function knownCustomer(table: Customers, id: unknown): number {
  if (typeof id === "string")
    return (table.slots[2 * stringSlot(table, id, stringHash(id, table.seed)) + 1] as number) - 1;
  if (typeof id !== "number") return -1;
  if (id >>> 0 === id && id < table.direct.length) return (table.direct[id] as number) - 1;
  return table.numbers.get(id) ?? -1;
}

/**
 * Throws the validation error at `[index, "customerId"]` unless `id` is a customer id (a non-empty
 * string or a safe integer). The path is built only for the error: this runs once per purchase.
 */
export function checkPurchaseCustomer(id: unknown, index: number, what: string): asserts id is string | number {
  if (!isCustomerId(id)) checkCustomerId(id, [index, "customerId"], what);
}

/**
 * The number of customer `id` (checked by the caller: a non-empty string or a safe integer),
 * numbering it if it is new. One lookup: a caller that must not number an id before the rest of
 * its purchase is read checks the id first and calls this last, rather than looking it up twice.
 */
export function customerNumber(table: Customers, id: string | number): number {
  if (typeof id === "string") return stringNumber(table, id);
  const known = knownCustomer(table, id);
  if (known >= 0) return known;
  const c = table.keys.length;
  const n = id === 0 ? 0 : (id as number); // -0 is the customer 0
  // Every integer id below the array's length is in the array (knownCustomer looks nowhere else).
  if (n >= 0 && (n < table.direct.length || n < Math.min(DIRECT_MAX, Math.max(DIRECT_MIN, 16 * (c + 1))))) {
    if (n >= table.direct.length) grow(table, n);
    table.direct[n] = c + 1;
  } else table.numbers.set(n, c);
  table.keys.push(n);
  return c;
}

/**
 * {@link customerNumber} of a string id: its hash is computed and its slot found once, whether the
 * id is known or is numbered there (again only when the slots must first be doubled).
 */
function stringNumber(table: Customers, id: string): number {
  const h = stringHash(id, table.seed);
  let q = stringSlot(table, id, h);
  const known = table.slots[2 * q + 1] as number;
  if (known !== 0) return known - 1;
  if (4 * (table.stringCount + 1) > table.slots.length) {
    growSlots(table);
    q = stringSlot(table, id, h);
  }
  const c = table.keys.length;
  table.slots[2 * q] = h;
  table.slots[2 * q + 1] = c + 1;
  table.stringCount++;
  table.keys.push(id);
  return c;
}

/** Doubles the direct array until it holds `id`, moving the numeric ids that now fit out of the Map. */
function grow(table: Customers, id: number): void {
  let length = table.direct.length;
  while (length <= id) length *= 2;
  const direct = new Int32Array(length);
  direct.set(table.direct);
  for (const [n, c] of table.numbers) {
    if (n >= 0 && n < length) {
      direct[n] = c + 1;
      table.numbers.delete(n);
    }
  }
  table.direct = direct;
}

/**
 * The customer numbers in the order of their ids: numbers ascending first, then strings by code unit
 * (the order of `<`).
 */
export function customerOrder(table: Customers): Int32Array {
  const order = new Int32Array(table.keys.length);
  let k = 0;
  // Numbers of the Map (negative, or large while there were few customers), sorted, merged with the
  // array's ids, which a scan yields in order.
  const others = Float64Array.from(table.numbers.keys()).sort();
  const { direct, numbers } = table;
  let j = 0;
  for (let id = 0; id < direct.length; id++) {
    const c = direct[id] as number;
    if (c === 0) continue;
    while (j < others.length && (others[j] as number) < id) order[k++] = numbers.get(others[j++] as number) as number;
    order[k++] = c - 1;
  }
  while (j < others.length) order[k++] = numbers.get(others[j++] as number) as number;
  // Sorted in place in the rest of `order`: no second array of their numbers to copy from.
  sortedStrings(table, order.subarray(k));
  return order;
}

/**
 * Writes the numbers of the string ids into `numbers` (one place per string id), ordered by id
 * (code-unit order, as `<` compares strings).
 *
 * Sorted by number, not by comparing strings: the engine's default sort compares strings through
 * pointers into the heap (a cache miss or two per comparison with a million ids) and each id's number
 * then had to be looked up again. Each code unit used by some id is given its rank among those used
 * (1, 2, …; 0 stands for "past the end"), and the first code units of an id, read as digits in that
 * base, make an integer that orders ids as their first code units do; with the id's number in the
 * low bits, a Float64Array of these sorts by the engine's numeric sort and gives the numbers
 * directly. Ids equal in those code units are sorted again by the next ones, and so on (a
 * most-significant-digit radix sort).
 */
function sortedStrings(table: Customers, numbers: Int32Array): void {
  const { keys } = table;
  const rank = new Int32Array(65_536);
  let k = 0;
  for (let c = 0; c < keys.length; c++) {
    const id = keys[c];
    if (typeof id !== "string") continue;
    numbers[k++] = c;
    for (let i = 0; i < id.length; i++) rank[id.charCodeAt(i)] = 1;
  }
  if (k < 2) return;
  // Two distinct ids use at least one code unit: the base is 2 or more.
  let base = 1;
  for (let u = 0; u < rank.length; u++) if (rank[u] !== 0) rank[u] = base++;
  // Digits per pass: as many as keep digits · low + number below 2^53, where doubles are exact
  // integers (low, a power of two, is above every customer number).
  const low = 2 ** (32 - Math.clz32(keys.length));
  let width = 0;
  for (let p = base; p <= 2 ** 53 / low; p *= base) width++;
  // Ranges of `numbers` still to sort, as (from, to, skip) triples: their ids are equal in their first
  // `skip` code units. A list rather than recursion, which ids with a long common start would take deep.
  const pending = [0, numbers.length, 0];
  // One scratch array for every range's keys (a range is never longer than the first).
  const scratch = new Float64Array(numbers.length);
  while (pending.length > 0) {
    let skip = pending.pop() as number;
    const to = pending.pop() as number;
    const from = pending.pop() as number;
    // Code units that every id of the range has in common are passed over at once, not `width` at a
    // time with a sort each (20,000 ids starting with the same 5,000 code units: 0.2 s, not 3 s).
    const first = keys[numbers[from] as number] as string;
    let common = first.length;
    for (let j = from + 1; j < to && common > skip; j++) {
      const id = keys[numbers[j] as number] as string;
      let i = skip;
      while (i < common && id.charCodeAt(i) === first.charCodeAt(i)) i++;
      common = i;
    }
    skip = common;
    const packed = scratch.subarray(0, to - from);
    for (let j = from; j < to; j++) {
      const c = numbers[j] as number;
      const id = keys[c] as string;
      let digits = 0;
      for (let i = skip; i < skip + width; i++)
        digits = digits * base + (i < id.length ? (rank[id.charCodeAt(i)] as number) : 0);
      packed[j - from] = digits * low + c;
    }
    packed.sort();
    for (let j = 0; j < packed.length; ) {
      const digits = Math.floor((packed[j] as number) / low);
      const start = j;
      do numbers[from + j] = (packed[j] as number) - digits * low;
      while (++j < packed.length && Math.floor((packed[j] as number) / low) === digits);
      // Distinct ids with the same digits: each goes on past them, and is sorted by the next ones.
      if (j - start > 1) pending.push(from + start, from + j, skip + width);
    }
  }
}

/**
 * Epoch ms of a purchase's `at` (a date-only string is the start of that UTC day), or a validation
 * error at `[index, "at"]` when it is not a time or lies after `observationEnd`.
 */
export function purchaseMillis(at: unknown, s: RfmSettings, index: number, what: string): number {
  const ms = timeMillis(at);
  if (ms <= s.endMs) return ms;
  throw new LoyaltyValidationError(
    [
      {
        path: [index, "at"],
        message:
          ms > s.endMs
            ? `expected a purchase on or before observationEnd (${s.observationEnd}), got ${new Date(ms).toISOString()}`
            : `expected a date "YYYY-MM-DD", an ISO-8601 instant with an offset, a valid Date or epoch milliseconds, got ${previewValue(at)}`,
      },
    ],
    what,
  );
}

/**
 * A purchase's `value` as a finite number: a number, a decimal string (read without a regular
 * expression), a money amount in the one currency `money` remembers, or 0 when absent and
 * `optional`; else a validation error at `[index, "value"]`.
 *
 * @throws {CurrencyMismatchError} when a money amount's currency differs from an earlier one
 */
export function purchaseValue(
  value: unknown,
  money: { currency?: string | undefined },
  index: number,
  optional: boolean,
  what: string,
): number {
  const x =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? decimalToNumber(value)
        : optional && value === undefined
          ? 0
          : Number.NaN;
  return x - x === 0 ? x : valueToNumber(value, [index, "value"], money, what);
}

/**
 * Checks the `currency` of an accumulator state being merged and makes it the one `money` remembers
 * (absent: nothing changes), for the `merge` of rfmAccumulator and totalsAccumulator.
 *
 * @throws {LoyaltyValidationError} at `["currency"]` when it is not a string
 * @throws {CurrencyMismatchError} when it differs from the currency remembered
 */
export function mergeCurrency(money: { currency?: string | undefined }, currency: unknown, what: string): void {
  if (currency === undefined) return;
  if (typeof currency !== "string")
    throw new LoyaltyValidationError(
      [{ path: ["currency"], message: `expected a currency code, got ${previewValue(currency)}` }],
      what,
    );
  if (money.currency !== undefined && money.currency !== currency)
    throw new CurrencyMismatchError(money.currency, currency, `${what}.merge`);
  money.currency = currency;
}

/** Purchases as columns: `id` numbers customers as {@link Customers} does, `day` is a UTC day number. */
export interface PurchaseColumns {
  readonly id: Int32Array;
  readonly day: Int32Array;
  readonly value: Float64Array;
  /** The customers, numbered. */
  readonly table: Customers;
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
  // Days, not epoch ms: the aggregation needs only the day, and an Int32Array of them is half the
  // memory of a Float64Array of instants. Every day of a Date fits (±10^8; see timeMillis).
  const day = new Int32Array(count);
  const value = new Float64Array(count);
  const table = customers();
  const money: { currency?: string | undefined } = {};
  for (let n = 0; n < count; n++) {
    const tx = items[n];
    if (typeof tx !== "object" || tx === null) throw notAPurchase(tx, n, what);
    const p = tx as { customerId?: unknown; at?: unknown; value?: unknown };
    const customerId = p.customerId;
    checkPurchaseCustomer(customerId, n, what);
    id[n] = customerNumber(table, customerId);
    day[n] = Math.floor(purchaseMillis(p.at, s, n, what) / DAY_MS);
    value[n] = purchaseValue(p.value, money, n, true, what);
  }
  return { id, day, value, table, count };
}

/** The error for an item that is not a purchase object. */
export function notAPurchase(tx: unknown, index: number, what: string): LoyaltyValidationError {
  return new LoyaltyValidationError(
    [{ path: [index], message: `expected a purchase { customerId, at, value? }, got ${previewValue(tx)}` }],
    what,
  );
}
