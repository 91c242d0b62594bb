// Pending points: a lot earned with `availableAt` is pending until then — its points are counted
// apart (`state.pending`), are not in the spendable heap, cannot be redeemed, held or used to repay a
// negative balance, and can be reversed in full (a refund inside the return window takes them back
// without a clawback). When the clock reaches `availableAt` (any later entry, an expire sweep, or a
// balance/statement at a later instant) the lot is released: it repays a negative balance first,
// like a new lot does, then joins the spendable lots (or lapses, when its expiry has passed).
// Release is a function of time alone, so it is idempotent and the order of a sweep and later
// entries does not change the result.
import type { State } from "./state.js";
import { keyedPop, keyedPush, keyedTop } from "./heap.js";
import { add, minU, sub } from "./units.js";

type LotS = State["lots"][number];

/** The lot with `availableAt` set after `expiresAt` (the stored key order), or unchanged when absent. */
export function withAvailableAt<L extends object>(lot: L, availableAt: string | undefined): L {
  if (availableAt === undefined) return lot;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(lot)) {
    out[k] = v;
    if (k === "at" && !("expiresAt" in lot)) out["availableAt"] = availableAt;
    if (k === "expiresAt") out["availableAt"] = availableAt;
  }
  return out as L;
}

/**
 * Returns lot `seq` to change and marks it changed (its snapshot object is no longer reused): a lot
 * still shared with the snapshot's carried state (its snapshot object is set) is copied first, so
 * that state, and every other post from the same snapshot, never sees the change.
 */
export function ownLot(state: State, seq: number): LotS {
  const lot = state.lots[seq] as LotS; // seq of a lot: present
  if (state.lotSrc[seq] === undefined) return lot;
  const own = { ...lot };
  state.lots[seq] = own;
  state.lotSrc[seq] = undefined;
  return own;
}

/** Marks lot `seq` pending until `availMs`. */
export function holdPending(state: State, seq: number, availMs: number): void {
  const lot = state.lots[seq] as LotS; // seq of a lot: present
  state.lotPending[seq] = true;
  state.lotInHeap[seq] = false;
  state.pending = add(state.pending, lot.remaining);
  keyedPush(state.pendingHeap, seq, availMs, seq);
}

/** Releases the pending lot whose `availableAt` comes first (the caller checked it is due). */
export function releaseDue(state: State, availMs: number): void {
  const seq = keyedTop(state.pendingHeap) as number; // checked non-empty by the caller
  keyedPop(state.pendingHeap);
  state.lotPending[seq] = false;
  if (availMs > state.nowMs) state.nowMs = availMs;
  const lot = ownLot(state, seq);
  const before = lot.remaining;
  state.pending = sub(state.pending, before);
  if (before === 0) return;
  const repay = minU(before, state.deficit);
  if (repay !== 0) {
    state.deficit = sub(state.deficit, repay);
    lot.remaining = sub(lot.remaining, repay);
    lot.consumed = add(lot.consumed, repay);
  }
  const expMs = state.lotExpMs[seq] as number;
  let change = repay;
  if (lot.remaining > 0) {
    if (expMs <= state.nowMs) {
      state.lapsed.add(seq); // not reached for valid entries (expiresAt is after availableAt)
    } else {
      state.live = add(state.live, lot.remaining);
      state.lotInHeap[seq] = true;
      keyedPush(state.heap, seq, expMs, seq);
      change = add(change, lot.remaining);
    }
  }
  // The available balance rises by what the lot adds (a repaid debt counts too).
  state.onTimeEvent?.({ kind: "release", at: lot.availableAt ?? "", id: lot.lotId, change });
}
