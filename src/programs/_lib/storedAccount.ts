// The stored form of a program account: what `JSON.stringify(account)` writes (through the account's
// non-enumerable `toJSON`) and what parseProgramAccount reads back, besides the in-memory (object)
// form. It holds exactly the same information in fewer bytes:
// - `form: "compact-1"` first, then the account's own keys;
// - a kept sale is a tuple of its fields in SALE_SLOTS order (its instants `at` and `expiresAt` as
//   epoch milliseconds, null for a field the sale leaves out, trailing nulls dropped), each line a
//   tuple in LINE_SLOTS order; a sale a tuple cannot hold exactly (a key out of the usual order, a
//   null field: a sale read from an older form) stays a sale object;
// - in the points ledger's stored form (ledger/_lib/stored.ts), the entries a kept sale's checkout
//   posted are written as the number of that sale (its index in `sales`) when they are exactly what
//   the sale's figures give (`impliedEntries`: its redeem, earn and welcome entries, in that order,
//   one after the other). That is checked entry by entry when writing, so reading gives back the
//   identical entries; every other entry (a refund's, an expiry's, one with `availableAt`, one of a
//   sale that has left `sales`) is written out in full.
// Reading rebuilds the object form: the sales first, which the account schema checks; then the
// ledger's entries from those checked sales, which parseAccount checks with the rest of the ledger.
import { LoyaltyValidationError, type ValidationIssue } from "../../errors/errors.js";
import { instantIn, isStoredForm, msOrText } from "../../ledger/_lib/stored.js";
import type { ProgramAccount, ProgramSale } from "../account.js";

/** The value of the `form` key that marks a program account's stored form (the ledger's own mark). */
export const PROGRAM_STORED_FORM = "compact-1";

/** A kept sale's keys in the order the account holds them (the order checkout writes and the schema reads). */
const SALE_KEYS = [
  "transactionId",
  "at",
  "digest",
  "coupon",
  "basketId",
  "kind",
  "storeId",
  "tillId",
  "currency",
  "lines",
  "spend",
  "accumulatedSpend",
  "tier",
  "pointsEarned",
  "welcomeBonus",
  "pointsRedeemed",
  "expiresAt",
  "reward",
  "stamps",
] as const;
/** The same keys in the order a sale's tuple holds them: those most sales have first. */
const SALE_SLOTS = [
  "transactionId",
  "at",
  "digest",
  "basketId",
  "lines",
  "spend",
  "pointsEarned",
  "pointsRedeemed",
  "expiresAt",
  "storeId",
  "tillId",
  "welcomeBonus",
  "coupon",
  "kind",
  "currency",
  "accumulatedSpend",
  "tier",
  "reward",
  "stamps",
] as const;
/** The slots every sale fills (the schema's required keys). */
const SALE_REQUIRED = 7;
const LINE_KEYS = [
  "id",
  "sku",
  "kind",
  "quantity",
  "eligible",
  "gross",
  "discount",
  "net",
  "pointsEarned",
  "pointsRedeemed",
] as const;
const LINE_SLOTS = [
  "id",
  "sku",
  "quantity",
  "gross",
  "net",
  "pointsEarned",
  "pointsRedeemed",
  "discount",
  "kind",
  "eligible",
] as const;
const LINE_REQUIRED = 5;
const INSTANT_SLOTS: ReadonlySet<string> = new Set(["at", "expiresAt"]);

/** Whether `o`'s keys are some of `order`'s, in that order, none of them null or undefined. */
function fits(o: unknown, order: readonly string[]): boolean {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;
  let i = 0;
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    while (i < order.length && order[i] !== k) i++;
    if (i === order.length || v === null || v === undefined) return false;
    i++;
  }
  return true;
}

/** `o`'s values in `slots` order, null where it has none, trailing nulls dropped. */
function tupleOf(o: Record<string, unknown>, slots: readonly string[]): unknown[] {
  const t = slots.map((k) => {
    const v = o[k];
    if (v === undefined) return null;
    return INSTANT_SLOTS.has(k) && typeof v === "string" ? msOrText(v) : v;
  });
  let n = t.length;
  while (n > 0 && t[n - 1] === null) n--;
  return t.slice(0, n);
}

function saleOut(sale: ProgramSale): unknown {
  if (!fits(sale, SALE_KEYS) || !Array.isArray(sale.lines) || !sale.lines.every((l) => fits(l, LINE_KEYS))) return sale;
  const t = tupleOf(sale, SALE_SLOTS);
  t[SALE_SLOTS.indexOf("lines")] = sale.lines.map((l) => tupleOf(l, LINE_SLOTS));
  return t;
}

const ZERO = /^0(\.0+)?$/;
const moves = (points: string | undefined): points is string =>
  typeof points === "string" && !ZERO.test(points) && !points.startsWith("-");

/**
 * The points-ledger entries a kept sale's figures give, in the ledger's stored form: the redeem, earn
 * and welcome entries checkout posts for them (each only when it moves points), with the sale's
 * instant, place and expiry and the program's `meta`. Depends on nothing but the sale and the
 * programId, so the writer and the reader get the same tuples from the same sale.
 */
export function impliedEntries(programId: string, sale: ProgramSale): unknown[][] {
  const t = sale.transactionId;
  const at = typeof sale.at === "string" ? msOrText(sale.at) : sale.at;
  const expiresAt = typeof sale.expiresAt === "string" ? msOrText(sale.expiresAt) : undefined;
  const meta = { programId, transactionId: t, basketId: sale.basketId };
  // Each entry's other fields in the order checkout posts them: expiresAt (earns), storeId, tillId,
  // meta. Built key by key: a spread of conditional objects cost more than the rest of the write.
  const rest = (expiry: boolean, m: Record<string, unknown>): Record<string, unknown> => {
    const r: Record<string, unknown> = {};
    if (expiry && expiresAt !== undefined) r["expiresAt"] = expiresAt;
    if (sale.storeId !== undefined) r["storeId"] = sale.storeId;
    if (sale.tillId !== undefined) r["tillId"] = sale.tillId;
    r["meta"] = m;
    return r;
  };
  const out: unknown[][] = [];
  if (moves(sale.pointsRedeemed)) out.push(["redeem", `${t}:redeem`, at, sale.pointsRedeemed, rest(false, meta)]);
  if (moves(sale.pointsEarned)) out.push(["earn", `${t}:earn`, at, sale.pointsEarned, rest(true, meta)]);
  if (moves(sale.welcomeBonus))
    out.push(["earn", `${t}:welcome`, at, sale.welcomeBonus, rest(true, { ...meta, welcome: true })]);
  return out;
}

/**
 * The stored form of a program account (see the top of this file). Installed as the `toJSON` of
 * every account checkout, refund, openProgramAccount and parseProgramAccount return.
 */
export function programStoredForm(this: ProgramAccount): Record<string, unknown> {
  const out: Record<string, unknown> = { form: PROGRAM_STORED_FORM };
  const points = this.points as unknown as { toJSON?: () => unknown };
  const ledger = typeof points?.toJSON === "function" ? points.toJSON() : points;
  for (const [k, v] of Object.entries(this)) out[k] = v;
  out["sales"] = Array.isArray(this.sales) ? this.sales.map(saleOut) : this.sales;
  out["points"] =
    isStoredForm(ledger) && Array.isArray(ledger["entries"]) && Array.isArray(this.sales)
      ? { ...ledger, entries: withoutImplied(ledger["entries"] as unknown[], this.programId, this.sales) }
      : ledger;
  return out;
}

/**
 * Whether two JSON values are the same, keys in the same order: then their JSON texts are identical
 * (what reading an entry left to its sale relies on), without writing them out to compare. Not
 * core's `jsonEqual`, which ignores key order: an entry whose keys were stored in another order must
 * stay written out, or reading would give it back reordered.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    // By index: Object.keys of an array would spell every index out as a string.
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], y[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** The ledger's stored entries with each kept sale's implied run replaced by the sale's index. */
function withoutImplied(entries: readonly unknown[], programId: string, sales: readonly ProgramSale[]): unknown[] {
  const place = new Map<unknown, number>();
  entries.forEach((e, i) => {
    if (Array.isArray(e)) place.set(e[1], i);
  });
  const runs = new Map<number, { sale: number; length: number }>();
  sales.forEach((sale, k) => {
    // An account edited in memory into something that is not a program account is written as it is
    // (parseProgramAccount refuses it then): JSON.stringify never throws for it.
    if (typeof sale !== "object" || sale === null) return;
    const implied = impliedEntries(programId, sale);
    const start = implied.length === 0 ? undefined : place.get(implied[0]?.[1]);
    if (start === undefined || runs.has(start)) return;
    for (let j = 0; j < implied.length; j++) if (!sameJson(entries[start + j], implied[j])) return;
    runs.set(start, { sale: k, length: implied.length });
  });
  if (runs.size === 0) return [...entries];
  const out: unknown[] = [];
  for (let i = 0; i < entries.length; i++) {
    const run = runs.get(i);
    if (run === undefined) out.push(entries[i]);
    else {
      out.push(run.sale);
      i += run.length - 1;
    }
  }
  return out;
}

/** Whether a value is a program account in the stored form (has `form: "compact-1"`). */
export function isProgramStoredForm(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    (v as Record<string, unknown>)["form"] === PROGRAM_STORED_FORM
  );
}

/** By key (in `keys` order): its position in the tuple (`slots`). */
const slotsOf = (keys: readonly string[], slots: readonly string[]): readonly number[] =>
  keys.map((k) => slots.indexOf(k));
const SALE_SLOT_OF = /* @__PURE__ */ slotsOf(SALE_KEYS, SALE_SLOTS);
const LINE_SLOT_OF = /* @__PURE__ */ slotsOf(LINE_KEYS, LINE_SLOTS);

/** The object of a tuple: its fields in `keys` order (`slotOf` gives each one's position), nulls left out. */
function fromTuple(
  t: readonly unknown[],
  keys: readonly string[],
  slotOf: readonly number[],
  lines?: (x: unknown) => unknown,
): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let j = 0; j < keys.length; j++) {
    const v = t[slotOf[j] as number];
    if (v === null || v === undefined) continue;
    const k = keys[j] as string;
    o[k] = INSTANT_SLOTS.has(k) ? instantIn(v) : k === "lines" && lines !== undefined ? lines(v) : v;
  }
  return o;
}

/**
 * The object form of a stored program account, with its sales rebuilt and its points ledger as
 * stored (entries that are a sale's index are rebuilt by {@link withImpliedEntries} once the sales
 * are checked). Throws LoyaltyValidationError when a sale tuple is malformed.
 */
export function fromProgramStoredForm(v: Record<string, unknown>): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  const { form: _form, ...account } = v;
  const sales = v["sales"];
  if (!Array.isArray(sales)) return account;
  account["sales"] = sales.map((s, i): unknown => {
    if (!Array.isArray(s)) return s;
    if (s.length < SALE_REQUIRED || s.length > SALE_SLOTS.length) {
      issues.push({
        path: ["sales", i],
        message: `expected a sale as [transactionId, at, digest, basketId, lines, spend, pointsEarned, …] (7 to ${SALE_SLOTS.length} fields) or a sale object, got ${s.length} fields`,
      });
      return s;
    }
    return fromTuple(s, SALE_KEYS, SALE_SLOT_OF, (lines) =>
      Array.isArray(lines)
        ? lines.map((l, j): unknown => {
            if (Array.isArray(l) && l.length >= LINE_REQUIRED && l.length <= LINE_SLOTS.length)
              return fromTuple(l, LINE_KEYS, LINE_SLOT_OF);
            issues.push({
              path: ["sales", i, 4, j],
              message: `expected a line as [id, sku, quantity, gross, net, pointsEarned?, pointsRedeemed?, discount?, kind?, eligible?] (a sale written as a tuple has its lines as tuples), got ${Array.isArray(l) ? `${l.length} fields` : typeof l}`,
            });
            return l;
          })
        : lines,
    );
  });
  if (issues.length > 0) throw new LoyaltyValidationError(issues, "program account");
  return account;
}

/**
 * The points ledger of a stored program account with each entry written as a kept sale's index
 * replaced by the entries that sale's (checked) figures give. Throws LoyaltyValidationError when an
 * index is not a kept sale's, repeats one, names a sale whose figures give no entry, or gives an
 * entry the ledger also holds in full.
 */
export function withImpliedEntries(points: unknown, programId: string, sales: readonly ProgramSale[]): unknown {
  if (!isStoredForm(points) || !Array.isArray(points["entries"])) return points;
  const entries = points["entries"] as unknown[];
  if (!entries.some((e) => typeof e === "number")) return points;
  const issues: ValidationIssue[] = [];
  const bad = (i: number, message: string) => issues.push({ path: ["points", "entries", i], message });
  const written = new Set<unknown>();
  for (const e of entries) if (Array.isArray(e)) written.add(e[1]);
  const used = new Set<number>();
  const out: unknown[] = [];
  entries.forEach((e, i) => {
    if (typeof e !== "number") {
      out.push(e);
      return;
    }
    const sale = Number.isInteger(e) ? sales[e] : undefined;
    if (sale === undefined) {
      bad(
        i,
        `expected an entry tuple, or the index of a kept sale whose checkout posted the entries here (0 to ${sales.length - 1}), got ${e}; store the account JSON.stringify wrote, unchanged`,
      );
      return;
    }
    if (used.has(e)) {
      bad(i, `sale ${e} (${JSON.stringify(sale.transactionId)}) already gave its entries at an earlier place`);
      return;
    }
    used.add(e);
    const implied = impliedEntries(programId, sale);
    if (implied.length === 0)
      bad(
        i,
        `sale ${e} (${JSON.stringify(sale.transactionId)}) moved no points by its figures, so it gives no entries here; store the account JSON.stringify wrote, unchanged`,
      );
    const twice = implied.find((x) => written.has(x[1]));
    if (twice !== undefined)
      bad(i, `entry ${JSON.stringify(twice[1])} is both written out and given by sale ${e}: the account was edited`);
    out.push(...implied);
  });
  if (issues.length > 0) throw new LoyaltyValidationError(issues, "program account");
  return { ...points, entries: out };
}

/** Installs the stored form as the account's (non-enumerable) `toJSON`; returns the account. */
export function withStoredForm<A extends ProgramAccount>(account: A): A {
  if (Object.isExtensible(account) && !Object.hasOwn(account, "toJSON"))
    Object.defineProperty(account, "toJSON", { value: programStoredForm });
  return account;
}
