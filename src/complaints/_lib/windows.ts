import type { Complaint } from "../schema.js";

const DAY_MS = 86_400_000;

/** The instant a delivered complaint may be auto-closed: `autoCloseAfterDays` after the later of delivery and the last customer reply. */
export function autoCloseDueAt(complaint: Complaint): number | null {
  const { deliveredAt, lastCustomerReplyAt } = complaint.context;
  if (deliveredAt === null) return null;
  const quietSince = Math.max(
    Date.parse(deliveredAt),
    lastCustomerReplyAt === null ? 0 : Date.parse(lastCustomerReplyAt),
  );
  return quietSince + complaint.autoCloseAfterDays * DAY_MS;
}

/** The instant the reopen window ends (exclusive): `reopenWindowDays` after resolution. */
export function reopenWindowEndsAt(complaint: Complaint): number | null {
  const { resolvedAt } = complaint.context;
  return resolvedAt === null ? null : Date.parse(resolvedAt) + complaint.reopenWindowDays * DAY_MS;
}
