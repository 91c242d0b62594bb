// The stored form of an account snapshot: what `JSON.stringify(account)` writes (through the
// snapshot's non-enumerable `toJSON`) and what parseAccount reads back, besides the in-memory form.
// It holds exactly the same information in fewer bytes:
// - an entry is a tuple `[kind, transactionId, at, points?, rest?]`: `at` and the instants in `rest`
//   (expiresAt, earnedAt, availableAt, timeoutAt) as epoch milliseconds, `points` null when the
//   entry has none but has more fields, `rest` the entry's other fields (reason, reverses, holdId,
//   shortfall, storeId, tillId, meta);
// - a lot whose creating entry holds its `at`, `expiresAt`, `availableAt` and `points` (an earn or a
//   positive adjust) is `[lotId, remaining, consumed, expired, reversed, clawedBack]` with trailing
//   "0"s left out; any other lot stays a Lot object;
// - a debit is `[transactionId, [[lotId, points], …], deficit?, reversed?]` (its points are always
//   the sum of those: left out; trailing "0"s left out).
// Reading it back rebuilds the in-memory snapshot, which is then checked like any other.
import type { Account, Debit, Entry, Lot } from "../schemas.js";
import { instantToIso, storedInstant } from "./instant.js";
import { add, fromUnits, toUnits, type Units } from "./units.js";

/** The value of the `form` key that marks the stored form. */
export const STORED_FORM = "compact-1";

/** The instant-valued fields an entry may have besides `at`: written as epoch milliseconds. */
const INSTANT_KEYS: ReadonlySet<string> = new Set(["expiresAt", "earnedAt", "availableAt", "timeoutAt"]);

/** Epoch ms of a canonical instant string, or the string itself when it would not read back the same. */
export function msOrText(s: string): number | string {
  // The usual case (toISOString's own shape, years 100–9999) is read by hand, as replay reads it: a
  // program account's write converts a few hundred instants. Anything else takes the exact check.
  const fast = storedInstant(s);
  if (!Number.isNaN(fast)) return fast;
  const ms = Date.parse(s);
  return Number.isFinite(ms) && new Date(ms).toISOString() === s ? ms : s;
}

type StoredEntry = readonly unknown[];

function entryOut(e: Entry): StoredEntry {
  const rest: Record<string, unknown> = {};
  let more = false;
  for (const [k, v] of Object.entries(e)) {
    if (k === "kind" || k === "transactionId" || k === "at" || k === "points" || v === undefined) continue;
    rest[k] = INSTANT_KEYS.has(k) && typeof v === "string" ? msOrText(v) : v;
    more = true;
  }
  const points = "points" in e && e.points !== undefined ? e.points : null;
  const head = [e.kind, e.transactionId, msOrText(e.at)];
  if (more) return [...head, points, rest];
  return points === null ? head : [...head, points];
}

const ZERO = /^0(\.0+)?$/;

/** Drops trailing zeros ("0", "0.00") of a figure list: reading puts them back with the account's scale. */
function trimZeros(xs: string[]): string[] {
  let n = xs.length;
  while (n > 0 && ZERO.test(xs[n - 1] as string)) n--;
  return xs.slice(0, n);
}

function lotOut(l: Lot, creator: Entry | undefined): unknown {
  const derived =
    creator !== undefined &&
    (creator.kind === "earn" || (creator.kind === "adjust" && !creator.points.startsWith("-"))) &&
    creator.points === l.points &&
    (creator.kind === "earn" ? (creator.earnedAt ?? creator.at) : creator.at) === l.at &&
    creator.expiresAt === l.expiresAt &&
    (creator.kind === "earn" ? creator.availableAt : undefined) === l.availableAt;
  if (!derived) return l;
  return [l.lotId, ...trimZeros([l.remaining, l.consumed, l.expired, l.reversed, l.clawedBack])];
}

function debitOut(d: Debit, scale: number): unknown {
  let sum: Units = 0;
  for (const text of [...d.lots.map((a) => a.points), d.deficit, d.reversed]) {
    const u = toUnits(text, scale);
    if (u === undefined) return d;
    sum = add(sum, u);
  }
  if (fromUnits(sum, scale) !== d.points) return d;
  return [d.transactionId, d.lots.map((a) => [a.lotId, a.points]), ...trimZeros([d.deficit, d.reversed])];
}

/**
 * The stored form of a snapshot (see the top of this file). Installed as the `toJSON` of every
 * snapshot the engine writes, so `JSON.stringify(account)` — alone or inside a program account —
 * writes it.
 */
export function storedForm(this: Account): Record<string, unknown> {
  const creators = new Map<string, Entry>();
  for (const e of this.entries) creators.set(e.transactionId, e);
  return {
    form: STORED_FORM,
    accountId: this.accountId,
    ...(this.currency === undefined ? {} : { currency: this.currency }),
    scale: this.scale,
    negativeLimit: this.negativeLimit,
    retainDays: this.retainDays,
    version: this.version,
    entries: this.entries.map(entryOut),
    lots: this.lots.map((l) => lotOut(l, creators.get(l.lotId))),
    holds: this.holds,
    debits: this.debits.map((d) => debitOut(d, this.scale)),
    deficit: this.deficit,
    checkpoint: this.checkpoint,
  };
}

/** Whether a value is in the stored form (has `form: "compact-1"`). */
export function isStoredForm(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && (v as Record<string, unknown>)["form"] === STORED_FORM
  );
}

export interface FormIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const MAX_MS = 8.64e15;

/** The instant string of epoch ms written by {@link msOrText}; anything else as it is (the schema checks it). */
export function instantIn(v: unknown): unknown {
  return typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= MAX_MS ? instantToIso(v) : v;
}

const FIGURE = /^(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Rebuilds the in-memory shape from the stored form, for the account schema to check. Returns the
 * issues instead when a tuple is malformed (the paths are those of the stored form); what the tuples
 * hold (kinds, ids, figures) is checked by the account schema afterwards, at the same positions.
 */
export function fromStoredForm(
  v: Record<string, unknown>,
): { account: Record<string, unknown> } | { issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const bad = (path: (string | number)[], message: string): void => {
    issues.push({ path, message });
  };
  const list = (key: string): unknown[] => {
    const x = v[key];
    if (Array.isArray(x)) return x;
    bad([key], "expected an array");
    return [];
  };
  const entries = list("entries").map((t, i): unknown => {
    if (!Array.isArray(t) || t.length < 3 || t.length > 5) {
      bad(["entries", i], "expected an entry as [kind, transactionId, at, points?, fields?]");
      return t;
    }
    const [kind, transactionId, at, points, rest] = t as unknown[];
    const e: Record<string, unknown> = { kind, transactionId, at: instantIn(at) };
    if (points !== null && points !== undefined) e["points"] = points;
    if (rest !== undefined) {
      if (typeof rest !== "object" || rest === null || Array.isArray(rest)) {
        bad(["entries", i, 4], "expected an object of the entry's other fields");
        return t;
      }
      for (const [k, x] of Object.entries(rest)) {
        if (k === "kind" || k === "transactionId" || k === "at" || k === "points" || k === "__proto__") {
          bad(["entries", i, 4, k], `unexpected key ${JSON.stringify(k)}: it has its own place in the tuple`);
          continue;
        }
        e[k] = INSTANT_KEYS.has(k) ? instantIn(x) : x;
      }
    }
    return e;
  });
  const byId = new Map<unknown, Record<string, unknown>>();
  for (const e of entries)
    if (typeof e === "object" && e !== null && !Array.isArray(e)) {
      const r = e as Record<string, unknown>;
      byId.set(r["transactionId"], r);
    }
  const scale = v["scale"];
  const scaleOk = typeof scale === "number" && Number.isInteger(scale) && scale >= 0 && scale <= 18;
  const zero = scaleOk ? fromUnits(0, scale) : "0";
  const lots = list("lots").map((t, i): unknown => {
    if (!Array.isArray(t)) return t;
    if (t.length < 1 || t.length > 6) {
      bad(["lots", i], "expected a lot as [lotId, remaining, consumed, expired, reversed, clawedBack] or a lot object");
      return t;
    }
    const [lotId, ...figures] = t as unknown[];
    const e = byId.get(lotId);
    const kind = e?.["kind"];
    const points = e?.["points"];
    if (
      e === undefined ||
      !(kind === "earn" || kind === "adjust") ||
      typeof points !== "string" ||
      !FIGURE.test(points)
    ) {
      bad(
        ["lots", i, 0],
        `expected the id of a retained earn or positive adjust entry (a lot written as a tuple takes its points and instants from it), got ${JSON.stringify(lotId)}`,
      );
      return t;
    }
    const [remaining = zero, consumed = zero, expired = zero, reversed = zero, clawedBack = zero] = figures;
    const lot: Record<string, unknown> = { lotId, at: kind === "earn" ? (e["earnedAt"] ?? e["at"]) : e["at"] };
    if (e["expiresAt"] !== undefined) lot["expiresAt"] = e["expiresAt"];
    if (kind === "earn" && e["availableAt"] !== undefined) lot["availableAt"] = e["availableAt"];
    return Object.assign(lot, { points, remaining, consumed, expired, reversed, clawedBack });
  });
  const debits = list("debits").map((t, i): unknown => {
    if (!Array.isArray(t)) return t;
    const [transactionId, allocs, deficit = zero, reversed = zero] = t as unknown[];
    if (t.length < 2 || t.length > 4 || !Array.isArray(allocs) || !scaleOk) {
      bad(
        ["debits", i],
        "expected a debit as [transactionId, [[lotId, points], …], deficit?, reversed?] or a debit object",
      );
      return t;
    }
    let sum: Units = 0;
    const lotsOf = allocs.map((a, j): unknown => {
      if (!Array.isArray(a) || a.length !== 2) {
        bad(["debits", i, 1, j], "expected [lotId, points]");
        return a;
      }
      const u = typeof a[1] === "string" ? toUnits(a[1], scale) : undefined;
      if (u === undefined || u <= 0)
        bad(
          ["debits", i, 1, j, 1],
          `expected a positive decimal string with at most ${scale} decimal places, got ${JSON.stringify(a[1])}`,
        );
      else sum = add(sum, u);
      return { lotId: a[0], points: a[1] };
    });
    for (const [k, x] of [
      [2, deficit],
      [3, reversed],
    ] as const) {
      const u = typeof x === "string" && FIGURE.test(x) ? toUnits(x, scale) : undefined;
      if (u === undefined)
        bad(
          ["debits", i, k],
          `expected a non-negative decimal string with at most ${scale} decimal places, got ${JSON.stringify(x)}`,
        );
      else sum = add(sum, u);
    }
    return {
      transactionId,
      points: issues.length === 0 ? fromUnits(sum, scale) : "0",
      lots: lotsOf,
      deficit,
      reversed,
    };
  });
  if (issues.length > 0) return { issues };
  const { form: _form, ...head } = v;
  return { account: { ...head, entries, lots, debits } };
}
