// Entry normalization: the full zod path (any input shape callers may pass) and a fast path for
// entries already in stored form (replay of a saved ledger), both ending in the same canonical object
// with fixed key order and points written with exactly the account's scale.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { issuesFromZod, previewValue } from "../../_lib/validation.js";
import { EntrySchema, type Entry } from "../schemas.js";
import { canonicalPattern, fromUnits, toUnits } from "./units.js";

type Path = readonly (string | number)[];

/** Builds the stored form of an entry: keys in schema order, absent optionals left out, frozen. */
function canonical(e: Entry): Entry {
  const base = { transactionId: e.transactionId, at: e.at };
  let out: Entry;
  switch (e.kind) {
    case "earn":
      out = { kind: e.kind, ...base, points: e.points, ...(e.expiresAt === undefined ? {} : { expiresAt: e.expiresAt }) };
      break;
    case "redeem":
      out = { kind: e.kind, ...base, points: e.points };
      break;
    case "expire":
      out = { kind: e.kind, ...base };
      break;
    case "adjust":
      out = { kind: e.kind, ...base, points: e.points, reason: e.reason, ...(e.expiresAt === undefined ? {} : { expiresAt: e.expiresAt }) };
      break;
    case "reverse":
      out = {
        kind: e.kind,
        ...base,
        reverses: e.reverses,
        ...(e.points === undefined ? {} : { points: e.points }),
        ...(e.shortfall === undefined ? {} : { shortfall: e.shortfall }),
      };
      break;
    case "hold":
      out = { kind: e.kind, ...base, points: e.points, ...(e.timeoutAt === undefined ? {} : { timeoutAt: e.timeoutAt }) };
      break;
    case "capture":
      out = { kind: e.kind, ...base, holdId: e.holdId, ...(e.points === undefined ? {} : { points: e.points }) };
      break;
    case "release":
      out = { kind: e.kind, ...base, holdId: e.holdId };
      break;
    default: {
      const never: never = e;
      return never;
    }
  }
  if (e.meta !== undefined) (out as { meta?: unknown }).meta = deepFreezeJson(e.meta);
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
    const expected = scale === 0 ? "a whole number of points (the account's scale is 0)" : `at most ${scale} decimal places (the account's scale)`;
    throw new LoyaltyValidationError([{ path: [...path, "points"], message: `expected ${expected}, got ${previewValue(e.points)}` }], what);
  }
  const points = fromUnits(u, scale);
  return points === e.points ? e : ({ ...e, points } as Entry);
}

/** Validates any input as an entry (full schema), checks the scale, and returns the stored form. */
export function normalizeEntry(input: unknown, scale: number, path: Path, what: string): Entry {
  let r: ReturnType<typeof EntrySchema.safeParse>;
  try {
    r = EntrySchema.safeParse(input);
  } catch (e) {
    throw new LoyaltyValidationError([{ path, message: `could not read the entry: ${e instanceof Error ? e.message : String(e)}` }], what);
  }
  if (!r.success) throw new LoyaltyValidationError(issuesFromZod(r.error, input, path), what);
  return canonical(withScale(r.data, scale, path, what));
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Epoch ms of a canonical stored instant, or NaN when it is not exactly in stored form. */
function storedInstant(v: unknown): number {
  if (typeof v !== "string" || !CANONICAL_INSTANT.test(v)) return Number.NaN;
  const ms = Date.parse(v);
  // Date.parse rolls "02-30" over to March: only the exact round trip is stored form.
  return Number.isFinite(ms) && new Date(ms).toISOString() === v ? ms : Number.NaN;
}

function isId(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && v.length <= 256;
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  earn: ["kind", "transactionId", "at", "points", "expiresAt"],
  redeem: ["kind", "transactionId", "at", "points"],
  expire: ["kind", "transactionId", "at"],
  adjust: ["kind", "transactionId", "at", "points", "reason", "expiresAt"],
  reverse: ["kind", "transactionId", "at", "reverses", "points", "shortfall"],
  hold: ["kind", "transactionId", "at", "points", "timeoutAt"],
  capture: ["kind", "transactionId", "at", "holdId", "points"],
  release: ["kind", "transactionId", "at", "holdId"],
};

/**
 * A compiled fast check for one scale. Accepts only entries already in stored form (canonical
 * instants, points with exactly the scale's decimals, no `meta`, no extra keys) and returns their
 * stored copy; returns undefined for anything else, which then goes through {@link normalizeEntry}
 * (so error messages always come from the schema).
 */
export function storedEntryChecker(scale: number): (input: unknown) => Entry | undefined {
  const positive = canonicalPattern(scale);
  const isPositive = (v: unknown): v is string => typeof v === "string" && positive.test(v) && /[1-9]/.test(v);
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
    const o = input as Record<string, unknown>;
    const kind = o["kind"];
    if (typeof kind !== "string") return undefined;
    const allowed = ALLOWED[kind];
    if (allowed === undefined || Object.getPrototypeOf(o) !== Object.prototype) return undefined;
    for (const key in o) if (!allowed.includes(key)) return undefined;
    const transactionId = o["transactionId"];
    const at = o["at"];
    const atMs = storedInstant(at);
    if (!isId(transactionId) || !Number.isFinite(atMs)) return undefined;
    const later = (v: unknown): boolean => v === undefined || storedInstant(v) > atMs;
    const points = o["points"];
    switch (kind) {
      case "earn":
        if (!isPositive(points) || !later(o["expiresAt"])) return undefined;
        break;
      case "redeem":
        if (!isPositive(points)) return undefined;
        break;
      case "expire":
        break;
      case "adjust": {
        const reason = o["reason"];
        if (typeof points !== "string" || typeof reason !== "string" || reason.length === 0) return undefined;
        const negative = points.startsWith("-");
        if (!isPositive(negative ? points.slice(1) : points)) return undefined;
        if (negative ? o["expiresAt"] !== undefined : !later(o["expiresAt"])) return undefined;
        break;
      }
      case "reverse": {
        const shortfall = o["shortfall"];
        if (!isId(o["reverses"]) || (points !== undefined && !isPositive(points))) return undefined;
        if (shortfall !== undefined && shortfall !== "reject" && shortfall !== "deduct-available" && shortfall !== "negative-balance") return undefined;
        break;
      }
      case "hold":
        if (!isPositive(points) || !later(o["timeoutAt"])) return undefined;
        break;
      case "capture":
        if (!isId(o["holdId"]) || (points !== undefined && !isPositive(points))) return undefined;
        break;
      case "release":
        if (!isId(o["holdId"])) return undefined;
        break;
      default:
        return undefined;
    }
    // Every field was checked above against the schema's rules for this kind.
    return canonical(o as unknown as Entry);
  };
}
