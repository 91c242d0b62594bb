import { guardInputs } from "../../core/guard.js";
import { readingInput } from "../tiers/_lib/guard.js";
import { zonedParts } from "../../core/calendar.js";
import { parseInstant, previewValue } from "../../core/instant.js";
import { deepFreeze } from "../../core/json.js";
import { makeParsers } from "../../core/validation.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { Decimal } from "../../money/money.js";
import { checkTransactionId, type EarnRequest } from "../tiers/_lib/earnRequest.js";
import { type TimedMultiplier, type TimedMultiplierInput, TimedMultipliersSchema } from "./timedMultiplier.js";

const parsers = /* @__PURE__ */ makeParsers(TimedMultipliersSchema, "timed multipliers");
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/**
 * One line of a sale as the multipliers see it: what it is and the points it earned (a checkout line's `pointsEarned`).
 *
 * @example
 * ```ts
 * import type { TimedBonusLine } from "loyalty-kit";
 * const line: TimedBonusLine = { sku: "SNEAKER", category: "shoes", pointsEarned: "30" };
 * console.log(line.category); // shoes
 * ```
 * @category programs
 */
export interface TimedBonusLine {
  readonly sku: string;
  readonly category?: string;
  readonly pointsEarned: string;
}

/**
 * Options of {@link timedBonusEntry}: the sale.
 *
 * @example
 * ```ts
 * import type { TimedBonusOptions } from "loyalty-kit";
 * const o: TimedBonusOptions = { at: "2026-07-07T14:30:00Z", transactionId: "sale-9", lines: [{ sku: "A", pointsEarned: "40" }] };
 * console.log(o.lines.length); // 1
 * ```
 * @category programs
 */
export interface TimedBonusOptions {
  readonly at: string | Date;
  /** The sale's transaction id; the bonus is posted as `<transactionId>:timed-bonus`. */
  readonly transactionId: string;
  readonly lines: readonly TimedBonusLine[];
  /** Digits after the decimal point of the bonus (0, whole points, unless given). */
  readonly pointsScale?: number;
}

/**
 * What {@link timedBonusEntry} decided.
 *
 * @example
 * ```ts
 * import { timedBonusEntry, type TimedBonus } from "loyalty-kit";
 * const r: TimedBonus = timedBonusEntry([], { at: "2026-01-01T00:00:00Z", transactionId: "s", lines: [] });
 * console.log(r.entry); // null
 * ```
 * @category programs
 */
export interface TimedBonus {
  /** The earn request for the extra points, `null` when no multiplier applied or the bonus rounds to zero. */
  readonly entry: EarnRequest | null;
  /** Per line (in order): the multiplier that applied (`null`: none) and the extra points before rounding. */
  readonly lines: readonly { readonly sku: string; readonly multiplier: string | null; readonly extra: string }[];
  /** The decision in a sentence. */
  readonly explanation: string;
}

function active(m: TimedMultiplier, atMs: number): boolean {
  if (m.start !== undefined && atMs < Date.parse(m.start)) return false;
  if (m.end !== undefined && atMs >= Date.parse(m.end)) return false;
  const p = zonedParts(atMs, m.timeZone);
  if (m.days !== undefined && !m.days.includes(DAYS[p.weekday] as (typeof DAYS)[number])) return false;
  const t = p.hour * 60 + p.minute;
  const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  if (m.from !== undefined && t < hm(m.from)) return false;
  if (m.to !== undefined && t >= hm(m.to)) return false;
  return true;
}

function matches(m: TimedMultiplier, line: TimedBonusLine): boolean {
  if (m.match === undefined) return true;
  return (
    (m.match.skus ?? []).includes(line.sku) ||
    (line.category !== undefined && (m.match.categories ?? []).includes(line.category))
  );
}

/**
 * The extra points time-boxed multipliers give on a sale, as one ledger earn request to post beside
 * the sale's own points. Each multiplier is evaluated at the sale's instant in its own time zone
 * (daylight saving time included); on a line several multipliers match, the highest factor applies —
 * they never compound, like the program's own multiplier rules. Extra points per line are
 * `pointsEarned × (factor − 1)`; their sum is rounded down once to `pointsScale`.
 *
 * @param multipliers - the multipliers (validated here; see {@link "loyalty-kit/schemas"!TimedMultiplierSchema})
 * @param options - the sale: `{ at, transactionId, lines: [{ sku, category?, pointsEarned }], pointsScale? }`
 * @returns the frozen decision with the earn request (or `null`) and what applied per line
 * @throws {LoyaltyValidationError} when a multiplier, the instant, the transaction id or a line is invalid
 * @category programs
 * @example
 * ```ts
 * import { timedBonusEntry } from "loyalty-kit";
 * const happyHour = { id: "tue", name: "Double points Tuesdays 16–18", factor: "2", timeZone: "Europe/Berlin", days: ["tue" as const], from: "16:00", to: "18:00" };
 * // Tuesday 7 July 2026, 14:30 UTC is 16:30 in Berlin (summer time).
 * const r = timedBonusEntry([happyHour], { at: "2026-07-07T14:30:00Z", transactionId: "sale-9", lines: [{ sku: "A", pointsEarned: "40" }] });
 * console.log(r.entry?.points, r.explanation); // 40 40 extra points: Double points Tuesdays 16–18 (×2) on A.
 * ```
 */
export function timedBonusEntry(multipliers: readonly TimedMultiplierInput[], options: TimedBonusOptions): TimedBonus {
  return guardInputs("timedBonusEntry", { multipliers, options }, () => timedBonusEntryUnguarded(multipliers, options));
}

function timedBonusEntryUnguarded(
  multipliers: readonly TimedMultiplierInput[],
  options: TimedBonusOptions,
): TimedBonus {
  return readingInput("sale", () => {
    const ms = parsers.parse(multipliers);
    if (typeof options !== "object" || options === null)
      throw new LoyaltyValidationError([
        { path: ["options"], message: `expected the sale { at, transactionId, lines }, got ${previewValue(options)}` },
      ]);
    const atMs = parseInstant(options.at, ["options", "at"]);
    const transactionId = checkTransactionId(options.transactionId, ["options", "transactionId"], ":timed-bonus");
    const scale = options.pointsScale ?? 0;
    if (!Number.isInteger(scale) || scale < 0 || scale > 6)
      throw new LoyaltyValidationError([
        { path: ["options", "pointsScale"], message: `expected an integer from 0 to 6, got ${previewValue(scale)}` },
      ]);
    if (!Array.isArray(options.lines))
      throw new LoyaltyValidationError([
        {
          path: ["options", "lines"],
          message: `expected an array of lines { sku, category?, pointsEarned }, got ${previewValue(options.lines)}`,
        },
      ]);
    const live = ms.filter((m) => active(m, atMs));
    let total = new Decimal(0);
    const applied: string[] = [];
    const lines = options.lines.map((line: TimedBonusLine, i) => {
      if (
        typeof line !== "object" ||
        line === null ||
        typeof line.sku !== "string" ||
        typeof line.pointsEarned !== "string" ||
        !/^(0|[1-9]\d*)(\.\d+)?$/.test(line.pointsEarned)
      )
        throw new LoyaltyValidationError([
          {
            path: ["options", "lines", i],
            message: `expected a line { sku, category?, pointsEarned } with pointsEarned a non-negative decimal string such as "40", got ${previewValue(line)}`,
          },
        ]);
      let best: TimedMultiplier | undefined;
      for (const m of live)
        if (matches(m, line) && (best === undefined || new Decimal(m.factor).gt(best.factor))) best = m;
      if (best === undefined) return { sku: line.sku, multiplier: null, extra: "0" };
      const extra = new Decimal(line.pointsEarned).times(new Decimal(best.factor).minus(1));
      total = total.plus(extra);
      if (extra.gt(0)) applied.push(`${best.name} (×${best.factor}) on ${line.sku}`);
      return { sku: line.sku, multiplier: best.id, extra: extra.toString() };
    });
    const points = total.toDecimalPlaces(scale, Decimal.ROUND_DOWN);
    const entry: EarnRequest | null = points.gt(0)
      ? {
          kind: "earn",
          transactionId: `${transactionId}:timed-bonus`,
          at: new Date(atMs).toISOString(),
          points: points.toString(),
          meta: {
            reason: "timed-multiplier",
            multipliers: [...new Set(lines.flatMap((l) => (l.multiplier === null ? [] : [l.multiplier])))],
          },
        }
      : null;
    const explanation =
      entry === null
        ? live.length === 0
          ? "No extra points: no multiplier is active at this time."
          : "No extra points: no active multiplier matches a line that earned points."
        : `${points.toString()} extra points: ${applied.join("; ")}.`;
    return deepFreeze({ entry, lines, explanation });
  });
}
