// Finding the open hold a capture or release names, and the error when it is closed already.
import { ErrorCode, OperationError } from "../../errors/errors.js";
import type { Entry } from "../schemas.js";
import { type HoldS, type State, type Where, badEntry, lookup, pathOf } from "./state.js";

export function openHold(state: State, holdId: string, event: "capture" | "release", where: Where): HoldS {
  const hold = state.holds.get(holdId);
  if (hold !== undefined) return hold;
  const entry = lookup(state, holdId);
  if (entry === undefined)
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `${event}: no hold with transactionId ${JSON.stringify(holdId)} in account ${JSON.stringify(state.settings.accountId)}`,
      { holdId },
    );
  if (entry.kind !== "hold")
    badEntry(
      [...pathOf(where), "holdId"],
      `expected the transactionId of a hold, got ${JSON.stringify(holdId)} which is a ${entry.kind}`,
      where.what,
    );
  const closedBy = closingEntry(state, holdId);
  const how = closedBy?.kind === "capture" ? "captured" : "released";
  throw new OperationError(
    closedBy?.kind === "capture" ? ErrorCode.HOLD_ALREADY_CAPTURED : ErrorCode.HOLD_ALREADY_RELEASED,
    `${event}: hold ${JSON.stringify(holdId)} was already ${how}${closedBy === undefined ? "" : ` by ${JSON.stringify(closedBy.transactionId)}`}; a hold is captured or released once — post a new hold to reserve points again`,
    { holdId, event, ...(closedBy === undefined ? {} : { closedBy: closedBy.transactionId }) },
  );
}

/** The capture or release that closed a hold (error path only: a scan from the newest entry). */
function closingEntry(state: State, holdId: string): Entry | undefined {
  for (let i = state.count - 1; i >= 0; i--) {
    const e = state.entries[i];
    if (e !== undefined && (e.kind === "capture" || e.kind === "release") && e.holdId === holdId) return e;
  }
  return undefined;
}
