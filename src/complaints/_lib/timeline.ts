import type { ComplaintState } from "../constants.js";
import { openRecord, snapshotFrom } from "./open.js";
import type { Complaint } from "../schema.js";
import { transition } from "../transition.js";

// How far along the five A's a state is; the milestones of the SLAs and metrics are "first entered a
// state at least this far along". reopened comes after a delivery, so it counts as acknowledged.
const RANK: Partial<Record<ComplaintState, number>> = {
  received: 0,
  acknowledged: 1,
  reopened: 1,
  assessing: 2,
  affirmed: 3,
  analyzing: 4,
  planAgreed: 5,
  delivering: 6,
  followingUp: 7,
  resolved: 8,
  closed: 9,
};

/** Milestones of a complaint's history up to (excluding) `beforeMs`, and its snapshot at that point. */
export interface Timeline {
  readonly snapshot: Complaint;
  readonly openedMs: number;
  readonly acknowledgedMs: number | null;
  readonly planAgreedMs: number | null;
  readonly resolvedMs: number | null;
  /** When it was withdrawn or rejected, if it was. */
  readonly endedMs: number | null;
  readonly escalated: boolean;
  readonly reopened: boolean;
  /** A customer reply came before the first resolution. */
  readonly customerChased: boolean;
}

/** Replays a complaint's history up to `beforeMs` (events at or after it are ignored) and reads its milestones. */
export function timeline(complaint: Complaint, beforeMs = Number.POSITIVE_INFINITY): Timeline {
  const [open, ...events] = complaint.history;
  let c = snapshotFrom(openRecord(open, true, ["history", 0]));
  let acknowledgedMs: number | null = null;
  let planAgreedMs: number | null = null;
  let resolvedMs: number | null = null;
  let endedMs: number | null = null;
  let customerChased = false;
  for (const e of events) {
    const ms = Date.parse(e.at);
    if (ms >= beforeMs) break;
    if (e.type === "CUSTOMER_REPLY" && resolvedMs === null) customerChased = true;
    c = transition(c, e);
    const rank = RANK[c.state];
    if (rank !== undefined) {
      if (rank >= 1) acknowledgedMs ??= ms;
      if (rank >= 5) planAgreedMs ??= ms;
      if (rank >= 8) resolvedMs ??= ms;
    }
    if (c.state === "withdrawn" || c.state === "rejected") endedMs = ms;
  }
  return {
    snapshot: c,
    openedMs: Date.parse(c.openedAt),
    acknowledgedMs,
    planAgreedMs,
    resolvedMs,
    endedMs,
    escalated: c.context.escalations > 0,
    reopened: c.context.reopens > 0,
    customerChased,
  };
}
