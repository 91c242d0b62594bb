// SLA pauses: the intervals a complaint waited on the customer or a third party, and business time
// that skips them. Kept apart from businessTime.ts so the clock without pauses stays as it was.
import type { Complaint } from "../schema.js";
import type { SlaPolicy } from "../slaPolicy.js";
import { addBusinessTime, businessDay } from "./businessTime.js";

/** One interval [fromMs, toMs) during which the SLA clocks stood still. */
export interface Pause {
  readonly fromMs: number;
  readonly toMs: number;
  readonly on: "customer" | "third-party";
}

/**
 * The pauses of a complaint's history before `beforeMs`: each event with `waitingOn` starts (or
 * continues) a pause that the next event without it ends. A pause still open at the last event
 * before `beforeMs` runs until `untilMs` (the instant the caller judges at).
 */
export function pausesOf(complaint: Complaint, beforeMs: number, untilMs: number): Pause[] {
  const out: Pause[] = [];
  let open: { fromMs: number; on: "customer" | "third-party" } | null = null;
  for (const e of complaint.history.slice(1)) {
    const ms = Date.parse(e.at);
    if (ms >= beforeMs) break;
    const waitingOn = "waitingOn" in e ? e.waitingOn : undefined;
    if (open !== null && waitingOn !== open.on) {
      if (ms > open.fromMs) out.push({ fromMs: open.fromMs, toMs: ms, on: open.on });
      open = null;
    }
    if (waitingOn !== undefined && open === null) open = { fromMs: ms, on: waitingOn };
  }
  if (open !== null && untilMs > open.fromMs) out.push({ fromMs: open.fromMs, toMs: untilMs, on: open.on });
  return out;
}

/** Business milliseconds in [fromMs, toMs) under the policy (0 when toMs ≤ fromMs). */
export function businessTimeBetween(fromMs: number, toMs: number, policy: SlaPolicy): number {
  if (!(toMs > fromMs)) return 0;
  const hours = policy.businessHours;
  if (hours === undefined) return toMs - fromMs;
  let total = 0;
  let t = fromMs;
  while (t < toMs) {
    const { hours: day, nextDay } = businessDay(t, hours, policy);
    if (day !== null) total += Math.max(0, Math.min(day.close, toMs) - Math.max(day.open, t));
    t = nextDay;
  }
  return total;
}

/**
 * The instant `durationMs` of business time after `startMs` when the clock stands still during
 * `pauses` (sorted or not; they may overlap).
 */
export function addBusinessTimeWithPauses(
  startMs: number,
  durationMs: number,
  policy: SlaPolicy,
  pauses: readonly Pause[],
): number {
  let t = startMs;
  let remaining = durationMs;
  for (const p of [...pauses].sort((a, b) => a.fromMs - b.fromMs)) {
    if (p.toMs <= t) continue;
    const end = addBusinessTime(t, remaining, policy);
    if (p.fromMs >= end) return end;
    remaining -= businessTimeBetween(t, p.fromMs, policy);
    t = Math.max(t, p.toMs);
  }
  return addBusinessTime(t, remaining, policy);
}
