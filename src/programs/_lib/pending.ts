// Pending points of a program: points earned on a purchase wait out the return window
// (`earn.pendingDays`, whole 24-hour days from the sale instant) before they can be spent. Their
// validity (`earn.validityMonths`) counts from the release, so a customer gets the whole validity
// to spend them — LoyaltyLion likewise leaves pending points untouched when a balance expires.
import type { Program } from "../program.js";

const DAY_MS = 86_400_000;

/** Epoch ms when points earned at `atMs` become available (`atMs` itself when the program has no window). */
export function releaseMs(program: Program, atMs: number): number {
  const days = program.kind === "bonus" || program.kind === "catalog" ? program.earn?.pendingDays : undefined;
  return days === undefined ? atMs : atMs + days * DAY_MS;
}

/** The `availableAt` field of an earn entry for a sale at `atMs`: empty when the program has no window. */
export function availableAtOf(program: Program, atMs: number): { availableAt?: string } {
  const rel = releaseMs(program, atMs);
  return rel === atMs ? {} : { availableAt: new Date(rel).toISOString() };
}

/** The quote's line for pending points: when they become available. */
export function pendingExplanation(
  program: Program,
  atMs: number,
  days: number,
): { rule: string; applied: boolean; reason: string } {
  const until = new Date(releaseMs(program, atMs)).toISOString();
  return {
    rule: "pending",
    applied: true,
    reason: `points from this purchase are pending for the ${days}-day return window: available from ${until}; a refund before then takes them back`,
  };
}
