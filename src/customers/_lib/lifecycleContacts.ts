// Candidates for the lifecycle contacts of contactPlan: a follow-up after a purchase, a win-back for
// customers a plan marks lapsing or lost, and a thank-you after a resolved complaint. Kept apart
// from contactPlan.ts so that other contact kinds can be added beside them with a small hook.
import { daysInMonth, zonedParts, zonedTimeToInstant } from "../../_lib/time.js";
import { minutesOf, outOfQuietHours } from "./quietHours.js";

const HOUR = 3_600_000;

/** The instant at `clock` on the local calendar day `days` days and `months` months after the day of `ms`. */
export function localDayAt(ms: number, days: number, months: number, clock: string, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const [hour, minute] = minutesOf(clock);
  if (months === 0)
    return zonedTimeToInstant({ year: p.year, month: p.month, day: p.day + days, hour, minute }, timeZone);
  const monthIndex = p.month - 1 + months;
  const year = p.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return zonedTimeToInstant(
    { year, month, day: Math.min(p.day, daysInMonth(year, month)) + days, hour, minute },
    timeZone,
  );
}

/** The local calendar day of an instant, as a map key. */
export function localDateKey(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The lifecycle facts contactPlan was given, already validated. */
export interface LifecycleInputs {
  readonly purchases: readonly { readonly customerId: string; readonly at: string }[];
  readonly followUpAfterDays: number;
  readonly winBack: readonly {
    readonly customerId: string;
    readonly stage: "lapsing" | "lost";
    readonly markedAt: string;
  }[];
  readonly resolvedComplaints: readonly {
    readonly customerId: string;
    readonly complaintId: string;
    readonly resolvedAt: string;
  }[];
  readonly thankYouAfterHours: number;
  readonly sendTime: string;
  readonly quietHours?: { readonly start: string; readonly end: string } | undefined;
  readonly timeZone: string;
}

/** A lifecycle candidate before consent, gap and cap are applied. */
export type LifecycleCandidate =
  | { readonly kind: "follow-up"; readonly atMs: number; readonly purchasedAt: string }
  | { readonly kind: "win-back"; readonly atMs: number; readonly stage: "lapsing" | "lost" }
  | { readonly kind: "thank-you"; readonly atMs: number; readonly complaintId: string };

/**
 * The lifecycle candidates per customer id (customers not in `known` are ignored, like expiring lots):
 * - follow-up: `followUpAfterDays` local days after the day of a purchase, at `sendTime`; purchases
 *   on one local day give one follow-up (it names the first of them);
 * - win-back: at the first `sendTime` at or after `max(markedAt, fromMs)` (a customer marked before
 *   the window is won back at its start), one per customer (the latest mark wins);
 * - thank-you: `thankYouAfterHours` after the complaint was resolved, one per complaint id.
 * Every candidate moves out of quiet hours.
 */
export function lifecycleCandidates(
  o: LifecycleInputs,
  known: ReadonlySet<string>,
  fromMs: number,
): Map<string, LifecycleCandidate[]> {
  const out = new Map<string, LifecycleCandidate[]>();
  const add = (customerId: string, c: LifecycleCandidate): void => {
    let list = out.get(customerId);
    if (list === undefined) out.set(customerId, (list = []));
    list.push(c);
  };
  const quiet = (ms: number): number => outOfQuietHours(ms, o.quietHours, o.timeZone);

  const firstPurchaseOfDay = new Map<string, number>();
  for (const p of o.purchases) {
    if (!known.has(p.customerId)) continue;
    const ms = Date.parse(p.at);
    const key = `${p.customerId}\u0000${localDateKey(ms, o.timeZone)}`;
    const prev = firstPurchaseOfDay.get(key);
    if (prev === undefined || ms < prev) firstPurchaseOfDay.set(key, ms);
  }
  for (const [key, ms] of firstPurchaseOfDay) {
    const customerId = key.slice(0, key.indexOf("\u0000"));
    add(customerId, {
      kind: "follow-up",
      atMs: quiet(localDayAt(ms, o.followUpAfterDays, 0, o.sendTime, o.timeZone)),
      purchasedAt: new Date(ms).toISOString(),
    });
  }

  const latestMark = new Map<string, { stage: "lapsing" | "lost"; ms: number }>();
  for (const w of o.winBack) {
    if (!known.has(w.customerId)) continue;
    const ms = Date.parse(w.markedAt);
    const prev = latestMark.get(w.customerId);
    // The latest mark wins; on a tie "lost" (the stronger statement) wins, so input order never matters.
    if (prev === undefined || ms > prev.ms || (ms === prev.ms && w.stage === "lost"))
      latestMark.set(w.customerId, { stage: w.stage, ms });
  }
  for (const [customerId, { stage, ms }] of latestMark) {
    const start = Math.max(ms, fromMs);
    let at = localDayAt(start, 0, 0, o.sendTime, o.timeZone);
    if (at < start) at = localDayAt(start, 1, 0, o.sendTime, o.timeZone);
    add(customerId, { kind: "win-back", atMs: quiet(at), stage });
  }

  const earliestResolution = new Map<string, { customerId: string; ms: number }>();
  for (const r of o.resolvedComplaints) {
    if (!known.has(r.customerId)) continue;
    const ms = Date.parse(r.resolvedAt);
    const key = `${r.customerId}\u0000${r.complaintId}`;
    const prev = earliestResolution.get(key);
    if (prev === undefined || ms < prev.ms) earliestResolution.set(key, { customerId: r.customerId, ms });
  }
  for (const [key, { customerId, ms }] of earliestResolution) {
    add(customerId, {
      kind: "thank-you",
      atMs: quiet(ms + o.thankYouAfterHours * HOUR),
      complaintId: key.slice(key.indexOf("\u0000") + 1),
    });
  }
  return out;
}

/**
 * Whether adding `atMs` to the kept instants keeps at most `max` contacts in every window of
 * `windowMs` (a window [t, t + windowMs) holds more than `max` exactly when some `max + 1`
 * consecutive instants span less than `windowMs`).
 */
export function withinCap(kept: readonly number[], atMs: number, max: number, windowMs: number): boolean {
  const all = [...kept, atMs].sort((a, b) => a - b);
  for (let i = 0; i + max < all.length; i++) {
    if ((all[i + max] as number) - (all[i] as number) < windowMs) return false;
  }
  return true;
}
