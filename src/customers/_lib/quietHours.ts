// Quiet hours as local wall-clock windows, shared by contactPlan and crm planActions.
import { zonedParts, zoneOffset, zonedTimeToInstant } from "../../_lib/time.js";

/** Hours and minutes of a wall-clock time "HH:MM". */
export function minutesOf(clock: string): [number, number] {
  return [Number(clock.slice(0, 2)), Number(clock.slice(3, 5))];
}

/**
 * Moves an instant that falls inside quiet hours [start, end) (local, may wrap midnight) to their
 * end. Around a DST change the local end can fall in the gap (read with the offset before it, the
 * instant found may still be quiet: then the next day's end is tried) or occur twice (the occurrence
 * after the instant is taken, never an earlier one).
 */
export function outOfQuietHours(
  ms: number,
  quiet: { start: string; end: string } | undefined,
  timeZone: string,
): number {
  if (quiet === undefined || quiet.start === quiet.end) return ms;
  const [sh, sm] = minutesOf(quiet.start);
  const [eh, em] = minutesOf(quiet.end);
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  const wraps = start > end;
  let t = ms;
  // Each step moves forward to an end of quiet hours; two DST changes never fall on one day, so
  // three steps always reach an instant outside them.
  for (let step = 0; step < 3; step++) {
    const p = zonedParts(t, timeZone);
    const m = p.hour * 60 + p.minute;
    const inside = wraps ? m >= start || m < end : m >= start && m < end;
    if (!inside) return t;
    const nextDay = wraps && m >= start ? 1 : 0;
    let next = zonedTimeToInstant(
      { year: p.year, month: p.month, day: p.day + nextDay, hour: eh, minute: em },
      timeZone,
    );
    // In an overlap the earlier occurrence may lie before t: take the later one.
    if (next <= t) next += zoneOffset(next, timeZone) - zoneOffset(t, timeZone);
    if (next <= t) break;
    t = next;
  }
  return t;
}
