// Entry normalization: the schema (any input shape callers may pass) and a fast path for
// entries already in stored form (replay of a saved ledger), both ending in the same canonical object
// with fixed key order and points written with exactly the account's scale.
import * as z from "zod/mini";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { issuesFromZod } from "../../core/validation.js";
import { isJsonValue, jsonCopy } from "../../core/json.js";
import { EntrySchema, type Entry } from "../schemas.js";
import { preview, storedInstant } from "./instant.js";
import { fromUnits, neg, storedPositiveUnits, toUnits, type Units } from "./units.js";

type Path = readonly (string | number)[];

/** Builds the stored form of an entry: keys in schema order, absent optionals left out, frozen. */
function canonical(e: Entry): Entry {
  let out: Entry;
  switch (e.kind) {
    case "earn":
      out = { kind: "earn", transactionId: e.transactionId, at: e.at, points: e.points };
      if (e.expiresAt !== undefined) out.expiresAt = e.expiresAt;
      if (e.earnedAt !== undefined) out.earnedAt = e.earnedAt;
      if (e.availableAt !== undefined) out.availableAt = e.availableAt;
      break;
    case "redeem":
      out = { kind: "redeem", transactionId: e.transactionId, at: e.at, points: e.points };
      break;
    case "expire":
      out = { kind: "expire", transactionId: e.transactionId, at: e.at };
      break;
    case "adjust":
      out = { kind: "adjust", transactionId: e.transactionId, at: e.at, points: e.points, reason: e.reason };
      if (e.expiresAt !== undefined) out.expiresAt = e.expiresAt;
      break;
    case "reverse":
      out = { kind: "reverse", transactionId: e.transactionId, at: e.at, reverses: e.reverses };
      if (e.points !== undefined) out.points = e.points;
      if (e.shortfall !== undefined) out.shortfall = e.shortfall;
      break;
    case "hold":
      out = { kind: "hold", transactionId: e.transactionId, at: e.at, points: e.points };
      if (e.timeoutAt !== undefined) out.timeoutAt = e.timeoutAt;
      break;
    case "capture":
      out = { kind: "capture", transactionId: e.transactionId, at: e.at, holdId: e.holdId };
      if (e.points !== undefined) out.points = e.points;
      break;
    case "release":
      out = { kind: "release", transactionId: e.transactionId, at: e.at, holdId: e.holdId };
      break;
    default: {
      const never: never = e;
      return never;
    }
  }
  if (e.storeId !== undefined) out.storeId = e.storeId;
  if (e.tillId !== undefined) out.tillId = e.tillId;
  if (e.meta !== undefined) out.meta = deepFreezeJson(e.meta);
  return Object.freeze(out);
}

function deepFreezeJson<T>(v: T): T {
  if (typeof v === "object" && v !== null) {
    for (const x of Object.values(v)) deepFreezeJson(x);
    Object.freeze(v);
  }
  return v;
}

/** Rewrites `points` with exactly `scale` decimals, or throws when it has more (non-zero) digits. */
function withScale(e: Entry, scale: number, path: Path, what: string): Entry {
  if (!("points" in e) || e.points === undefined) return e;
  const u = toUnits(e.points, scale);
  if (u === undefined) {
    const expected =
      scale === 0
        ? "a whole number of points (the account's scale is 0)"
        : `at most ${scale} decimal places (the account's scale)`;
    throw new LoyaltyValidationError(
      [{ path: [...path, "points"], message: `expected ${expected}, got ${preview(e.points)}` }],
      what,
    );
  }
  const points = fromUnits(u, scale);
  return points === e.points ? e : ({ ...e, points } as Entry);
}

/** Validates any input as an entry ({@link EntrySchema}), checks the account's scale, and returns the stored form. */
export function normalizeEntry(input: unknown, scale: number, path: Path, what: string): Entry {
  let r: ReturnType<typeof z.safeParse<typeof EntrySchema>>;
  try {
    r = z.safeParse(EntrySchema, input);
  } catch (e) {
    // A getter or proxy in the input threw while being read.
    throw new LoyaltyValidationError(
      [{ path, message: `could not read the entry: ${e instanceof Error ? e.message : String(e)}` }],
      what,
    );
  }
  if (!r.success) throw new LoyaltyValidationError(issuesFromZod(r.error, input, path), what);
  return canonical(withScale(r.data, scale, path, what));
}

function isId(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && v.length <= 256;
}

/** An absent or valid storeId/tillId (a non-empty string of at most 200 characters). */
function isPlace(v: unknown): boolean {
  return v === undefined || (typeof v === "string" && v.length > 0 && v.length <= 200);
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = /* @__PURE__ */ Object.freeze({
  earn: ["kind", "transactionId", "at", "points", "expiresAt", "earnedAt", "availableAt", "storeId", "tillId", "meta"],
  redeem: ["kind", "transactionId", "at", "points", "storeId", "tillId", "meta"],
  expire: ["kind", "transactionId", "at", "storeId", "tillId", "meta"],
  adjust: ["kind", "transactionId", "at", "points", "reason", "expiresAt", "storeId", "tillId", "meta"],
  reverse: ["kind", "transactionId", "at", "reverses", "points", "shortfall", "storeId", "tillId", "meta"],
  hold: ["kind", "transactionId", "at", "points", "timeoutAt", "storeId", "tillId", "meta"],
  capture: ["kind", "transactionId", "at", "holdId", "points", "storeId", "tillId", "meta"],
  release: ["kind", "transactionId", "at", "holdId", "storeId", "tillId", "meta"],
});

/** A bit per entry key (0 for any other key), so one pass over an input's keys checks them against its kind's set. */
function keyBit(key: string): number {
  switch (key) {
    case "kind":
      return 1;
    case "transactionId":
      return 2;
    case "at":
      return 4;
    case "points":
      return 8;
    case "expiresAt":
      return 16;
    case "reason":
      return 32;
    case "reverses":
      return 64;
    case "shortfall":
      return 128;
    case "timeoutAt":
      return 256;
    case "holdId":
      return 512;
    case "earnedAt":
      return 1024;
    case "storeId":
      return 2048;
    case "tillId":
      return 4096;
    case "availableAt":
      return 8192;
    case "meta":
      return 16384;
    default:
      return 0;
  }
}

/** The keys each kind allows, as a set of {@link keyBit}s. */
const ALLOWED_BITS: Readonly<Record<string, number>> = /* @__PURE__ */ Object.fromEntries(
  Object.entries(ALLOWED).map(([kind, keys]) => [kind, keys.reduce((bits, key) => bits | keyBit(key), 0)]),
);

/**
 * What the fast check read besides the entry: epoch ms of `at`, and of `expiresAt`/`timeoutAt` (NaN
 * when the kind has none, +Infinity when absent), and the units of `points` (undefined when absent),
 * so nothing is parsed twice.
 */
export interface StoredInstants {
  ms: number;
  until: number;
  units: Units | undefined;
}

/** True when an optional stored instant is absent or after `atMs`; its epoch ms is kept in `instant.until` so it is parsed once. */
function laterThan(v: unknown, atMs: number, instant: StoredInstants): boolean {
  if (v === undefined) {
    instant.until = Number.POSITIVE_INFINITY;
    return true;
  }
  const ms = storedInstant(v);
  instant.until = ms;
  return ms > atMs;
}

/**
 * A compiled fast check for one scale. Accepts only entries already in stored form (canonical
 * instants, points with exactly the scale's decimals, a `meta` that is a JSON value, no extra keys)
 * and returns the input itself, typed as an entry: not copied, so a replay copies only the entries
 * its snapshot keeps (see {@link storedCopy}, which whoever keeps a checked entry calls). Returns
 * undefined for anything else, which then goes through {@link normalizeEntry} (so error messages
 * always come from the schema).
 */
export function storedEntryChecker(scale: number): (input: unknown, instant: StoredInstants) => Entry | undefined {
  // Units of a positive stored-form amount, kept in `instant.units`; false for anything else.
  const isPositive = (v: unknown, instant: StoredInstants): boolean =>
    (instant.units = storedPositiveUnits(v, scale)) !== undefined;
  return (input, instant) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
    const o = input as Record<string, unknown>;
    const kind = o["kind"];
    if (typeof kind !== "string") return undefined;
    const allowed = ALLOWED_BITS[kind];
    if (typeof allowed !== "number" || Object.getPrototypeOf(o) !== Object.prototype) return undefined;
    // Every key must be one this kind allows, present with a value (required keys are checked below).
    for (const key in o) {
      if ((keyBit(key) & allowed) === 0 || o[key] === undefined) return undefined;
    }
    const transactionId = o["transactionId"];
    const at = o["at"];
    const atMs = storedInstant(at);
    if (!isId(transactionId) || !Number.isFinite(atMs)) return undefined;
    const points = o["points"];
    if (!isPlace(o["storeId"]) || !isPlace(o["tillId"])) return undefined;
    instant.until = Number.NaN;
    instant.units = undefined;
    switch (kind) {
      case "earn": {
        const sale = o["earnedAt"];
        const saleMs = sale === undefined ? atMs : storedInstant(sale);
        if (!(saleMs <= atMs)) return undefined; // NaN (not stored form) or after at
        if (!isPositive(points, instant) || !laterThan(o["expiresAt"], saleMs, instant)) return undefined;
        const release = o["availableAt"];
        if (release !== undefined) {
          const releaseMs = storedInstant(release);
          if (!(releaseMs > saleMs && instant.until > releaseMs)) return undefined; // NaN, or not inside (sale, expiry)
        }
        break;
      }
      case "redeem":
        if (!isPositive(points, instant)) return undefined;
        break;
      case "expire":
        break;
      case "adjust": {
        const reason = o["reason"];
        if (typeof points !== "string" || typeof reason !== "string" || reason.length === 0) return undefined;
        const negative = points.startsWith("-");
        if (!isPositive(negative ? points.slice(1) : points, instant)) return undefined;
        if (negative) instant.units = neg(instant.units ?? 0);
        if (negative ? o["expiresAt"] !== undefined : !laterThan(o["expiresAt"], atMs, instant)) return undefined;
        break;
      }
      case "reverse": {
        const shortfall = o["shortfall"];
        if (!isId(o["reverses"]) || (points !== undefined && !isPositive(points, instant))) return undefined;
        if (
          shortfall !== undefined &&
          shortfall !== "reject" &&
          shortfall !== "deduct-available" &&
          shortfall !== "negative-balance"
        )
          return undefined;
        break;
      }
      case "hold":
        if (!isPositive(points, instant) || !laterThan(o["timeoutAt"], atMs, instant)) return undefined;
        break;
      case "capture":
        if (!isId(o["holdId"]) || (points !== undefined && !isPositive(points, instant))) return undefined;
        break;
      case "release":
        if (!isId(o["holdId"])) return undefined;
        break;
      default:
        return undefined;
    }
    // `meta`: the schema's rule (MetaSchema: a JSON value) and its copy, so the caller's object is neither shared nor frozen.
    const meta = o["meta"];
    if (meta !== undefined && !isJsonValue(meta)) return undefined;
    // Every field was checked above against the schema's rules for this kind.
    instant.ms = atMs;
    return o as unknown as Entry;
  };
}

/** Whether a JSON value is frozen throughout (so it can be shared: nobody can change it). */
function frozenJson(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return true;
  if (!Object.isFrozen(v)) return false;
  for (const x of Object.values(v)) if (!frozenJson(x)) return false;
  return true;
}

/**
 * Whether an entry the fast check accepted is already its own stored form: frozen, its keys in the
 * stored order (as {@link canonical} writes them) and its `meta` frozen throughout, so the copy
 * would equal it and nobody can change it — what post and postMany return in their history records.
 */
function isStoredEntry(e: Entry): boolean {
  if (!Object.isFrozen(e)) return false;
  const order = ALLOWED[e.kind];
  if (order === undefined) return false;
  let i = 0;
  for (const key in e) {
    while (i < order.length && order[i] !== key) i++;
    if (i === order.length) return false;
  }
  return frozenJson(e.meta);
}

/**
 * The stored form of an entry {@link storedEntryChecker} accepted: the entry itself when it is one
 * already (see {@link isStoredEntry}), else its canonical frozen copy with `meta` deep-copied (as
 * the schema's transform copies it), so the caller's objects are neither shared nor frozen.
 */
export function storedCopy(e: Entry): Entry {
  if (isStoredEntry(e)) return e;
  const meta = e.meta;
  return canonical(
    meta === undefined || meta === null || typeof meta !== "object" ? e : ({ ...e, meta: jsonCopy(meta) } as Entry),
  );
}
