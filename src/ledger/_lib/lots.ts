// The steps every entry is made of: moving the clock (lots lapse, holds time out, pending lots are
// released), creating a lot, taking points from lots into a debit, and giving points back.
import { InsufficientPointsError } from "../../errors/errors.js";
import type { Entry } from "../schemas.js";
import { instantMs } from "./instant.js";
import { holdPending, releaseDue, withAvailableAt } from "./pending.js";
import { keyedPop, keyedPush, keyedTop, keyedTopFirst } from "./heap.js";
import { add, minU, neg, sub, type Units } from "./units.js";
import {
  type Alloc,
  type DebitS,
  type LotS,
  NO_LOTS,
  type State,
  available,
  fmt,
  lookup,
  ownDebit,
  touch,
} from "./state.js";

/** Moves the state's clock to `ms`: lots past expiry lapse, holds past timeout stop reserving. */
export function advance(state: State, ms: number): void {
  const { heap, timeouts } = state;
  for (;;) {
    const pendMs = keyedTopFirst(state.pendingHeap);
    if (pendMs <= ms && pendMs <= keyedTopFirst(heap) && pendMs <= keyedTopFirst(timeouts)) {
      releaseDue(state, pendMs);
      continue;
    }
    const seq = keyedTop(heap);
    const lotMs = keyedTopFirst(heap);
    const hold = keyedTop(timeouts);
    const lotDue = seq !== undefined && lotMs <= ms;
    const holdDue = hold !== undefined && hold.timeoutMs <= ms;
    if (lotDue && (!holdDue || lotMs <= hold.timeoutMs)) {
      keyedPop(heap);
      state.nowMs = Math.max(state.nowMs, lotMs);
      state.lotInHeap[seq] = false;
      const lot = state.lots[seq] as LotS; // seqs in the heap are lots: present
      if (lot.remaining > 0) {
        state.live = sub(state.live, lot.remaining);
        state.lapsed.add(seq);
        // lot.expiresAt is defined: a lot without expiry has expMs = +Infinity and is never due.
        state.onTimeEvent?.({ kind: "lapse", at: lot.expiresAt ?? "", id: lot.lotId, change: neg(lot.remaining) });
      }
    } else if (holdDue) {
      keyedPop(timeouts);
      // Time moves to the timeout first, so points given back to lots that expired meanwhile lapse.
      state.nowMs = Math.max(state.nowMs, hold.timeoutMs);
      if (hold.active && state.holds.get(hold.holdId) === hold) {
        const before = available(state);
        hold.active = false;
        hold.src = undefined;
        // hold.timeoutAt is defined: a hold without timeout has timeoutMs = +Infinity and is never due.
        const at = hold.timeoutAt ?? "";
        restore(state, hold.debit, hold.points, hold.entry, hold.pos, at);
        state.onTimeEvent?.({ kind: "timeout", at, id: hold.holdId, change: sub(available(state), before) });
      }
    } else {
      break;
    }
  }
  if (ms > state.nowMs) state.nowMs = ms;
}

/** Whether moving the state's clock to `ms` would change more than the clock: a lot lapses, a hold times out or a pending lot is released by then. */
export function dueBy(state: State, ms: number): boolean {
  return (
    keyedTopFirst(state.heap) <= ms || keyedTopFirst(state.timeouts) <= ms || keyedTopFirst(state.pendingHeap) <= ms
  );
}

/** Throws InsufficientPointsError unless `need` more points can be taken. */
export function ensureAvailable(state: State, need: Units): void {
  const balanceNow = available(state);
  const limit = state.settings.negativeLimit;
  const spendable = add(balanceNow, limit);
  if (spendable >= need) return;
  const shown = fmt(state, spendable < 0 ? 0 : spendable);
  const message =
    limit === 0
      ? `insufficient points: requested ${fmt(state, need)}, available ${shown}`
      : `insufficient points: requested ${fmt(state, need)}, available ${shown} (balance ${fmt(state, balanceNow)}, negative limit ${fmt(state, limit)})`;
  throw new InsufficientPointsError(fmt(state, need), shown, message);
}

/**
 * Creates the lot of `entry` (its id is the entry's transactionId); a negative balance is repaid from it first.
 * `knownExpMs` is the epoch ms of `expiresAt` when the caller parsed it already (NaN otherwise).
 */
export function createLot(
  state: State,
  entry: Entry,
  pos: number,
  expiresAt: string | undefined,
  points: Units,
  at: string = entry.at,
  knownExpMs = Number.NaN,
): void {
  const availableAt = entry.kind === "earn" ? entry.availableAt : undefined;
  const availMs = availableAt === undefined ? Number.NEGATIVE_INFINITY : instantMs(availableAt);
  const isPending = availMs > state.nowMs;
  // Pending points repay a negative balance only when released (repaying is spending).
  const repay = isPending ? 0 : minU(points, state.deficit);
  state.deficit = sub(state.deficit, repay);
  const lotId = entry.transactionId;
  const remaining = repay === 0 ? points : sub(points, repay);
  const lot: LotS = withAvailableAt(
    expiresAt === undefined
      ? { lotId, at, points, remaining, consumed: repay, expired: 0, reversed: 0, clawedBack: 0 }
      : { lotId, at, expiresAt, points, remaining, consumed: repay, expired: 0, reversed: 0, clawedBack: 0 },
    availableAt,
  );
  const expMs =
    expiresAt === undefined ? Number.POSITIVE_INFINITY : Number.isNaN(knownExpMs) ? instantMs(expiresAt) : knownExpMs;
  const seq = state.lotCount++;
  state.lots[seq] = lot;
  state.lotExpMs[seq] = expMs;
  state.lotPos[seq] = pos;
  state.lotOfEntry[pos] = seq;
  if (isPending) {
    state.lotInHeap[seq] = false;
    holdPending(state, seq, availMs);
  } else if (remaining > 0 && expMs <= state.nowMs) {
    // A late sale's lot (earnedAt before the booking) can be past its expiry already: it lapses at once.
    state.lotInHeap[seq] = false;
    state.lapsed.add(seq);
  } else {
    state.lotInHeap[seq] = remaining > 0;
    if (remaining > 0) {
      state.live = add(state.live, remaining);
      keyedPush(state.heap, seq, expMs, seq);
    }
  }
}

/** Puts `amount` points back into a lot. */
function addBack(state: State, seq: number, amount: Units): void {
  const lot = touch(state, seq);
  const expMs = state.lotExpMs[seq] as number;
  lot.remaining = add(lot.remaining, amount);
  if (state.lotPending[seq] === true) {
    state.pending = add(state.pending, amount);
  } else if (expMs <= state.nowMs) {
    state.lapsed.add(seq);
  } else {
    state.live = add(state.live, amount);
    if (state.lotInHeap[seq] !== true) {
      state.lotInHeap[seq] = true;
      keyedPush(state.heap, seq, expMs, seq);
    }
  }
}

/** Takes `amount` out of one lot's remaining points (the lot stays in the heap; empty lots are skipped lazily). */
export function takeFrom(state: State, seq: number, amount: Units): void {
  const lot = touch(state, seq);
  lot.remaining = sub(lot.remaining, amount);
  if (state.lotPending[seq] === true) {
    state.pending = sub(state.pending, amount);
  } else if ((state.lotExpMs[seq] as number) <= state.nowMs) {
    if (lot.remaining === 0) state.lapsed.delete(seq);
  } else {
    state.live = sub(state.live, amount);
  }
}

/** A debit that has taken nothing yet, for the entry `transactionId` (a hold's is not listed among the account's debits). */
export function emptyDebit(transactionId: string): DebitS {
  return { transactionId, points: 0, lots: NO_LOTS as Alloc[], deficit: 0, reversed: 0 };
}

/** A new debit for the entry being applied. */
export function newDebit(state: State, entry: Entry): DebitS {
  const debit = emptyDebit(entry.transactionId);
  const k = state.debitCount++;
  state.debits[k] = debit;
  state.debitPos[k] = state.count;
  state.debitOfEntry[state.count] = k;
  return debit;
}

/** Consumes `amount` from spendable lots in redeem order; what the lots cannot cover becomes deficit. */
export function consume(state: State, amount: Units, debit: DebitS): void {
  debit.points = add(debit.points, amount);
  let need = amount;
  const heap = state.heap;
  while (need > 0) {
    const seq = keyedTop(heap);
    if (seq === undefined) break;
    if ((state.lots[seq] as LotS).remaining === 0) {
      // seqs in the heap are lots: present
      keyedPop(heap);
      state.lotInHeap[seq] = false;
      continue;
    }
    const lot = touch(state, seq);
    const take = minU(need, lot.remaining);
    lot.remaining = sub(lot.remaining, take);
    lot.consumed = add(lot.consumed, take);
    state.live = sub(state.live, take);
    need = sub(need, take);
    const last = debit.lots[debit.lots.length - 1];
    if (last !== undefined && last.lotId === seq) last.points = add(last.points, take);
    else if (last === undefined) debit.lots = [{ lotId: seq, points: take }];
    else debit.lots.push({ lotId: seq, points: take });
    if (lot.remaining === 0) {
      keyedPop(heap);
      state.lotInHeap[seq] = false;
    }
  }
  if (need > 0) {
    state.deficit = add(state.deficit, need);
    debit.deficit = add(debit.deficit, need);
  }
}

/**
 * Gives up to `amount` points of a debit back: the part that went into a negative balance first,
 * then its lots, most recently consumed first. If that negative balance was since repaid by a later
 * credit, the repaid part comes back as a new lot without expiry, named after `credit`.
 */
export function restore(
  state: State,
  debit: DebitS,
  amount: Units,
  credit: Entry,
  creditPos: number,
  at: string,
): void {
  let rest = amount;
  const fromDeficit = minU(rest, debit.deficit);
  if (fromDeficit > 0) {
    debit.deficit = sub(debit.deficit, fromDeficit);
    rest = sub(rest, fromDeficit);
    const cut = minU(fromDeficit, state.deficit);
    state.deficit = sub(state.deficit, cut);
    if (fromDeficit > cut) {
      // Undoing a clawback (see giveBack) inside the same entry may come here twice: one lot per entry.
      const seq = state.lotOfEntry[creditPos];
      const own = seq === undefined ? undefined : state.lots[seq];
      if (seq !== undefined && own !== undefined && own.lotId === credit.transactionId) {
        const mine = touch(state, seq);
        mine.points = add(mine.points, sub(fromDeficit, cut));
        addBack(state, seq, sub(fromDeficit, cut));
      } else createLot(state, credit, creditPos, undefined, sub(fromDeficit, cut), at);
    }
  }
  while (rest > 0) {
    const alloc = debit.lots[debit.lots.length - 1];
    if (alloc === undefined) break;
    const give = minU(rest, alloc.points);
    alloc.points = sub(alloc.points, give);
    rest = sub(rest, give);
    if (alloc.points === 0) debit.lots.pop();
    const seq = alloc.lotId;
    const lot = touch(state, seq);
    lot.consumed = sub(lot.consumed, give);
    giveBack(state, seq, give, credit, creditPos, at);
  }
}

/**
 * Puts `amount` points that a debit had taken back into lot `seq`. If the lot's credit was reversed
 * while they were spent (its `clawedBack` part), they belong to a credit that is already taken back:
 * they are not spendable again but cancel that clawback — counted as reversed out of the lot, and the
 * clawback's settlement is undone by as much: first what was forgiven (nothing to give back), then
 * what was taken from other lots or pushed below zero (given back, most recent clawback first). So a
 * refund of the purchase that spent the points, after a refund of the one that earned them, ends
 * where the other order ends. The rest goes back into the lot.
 */
function giveBack(state: State, seq: number, amount: Units, credit: Entry, creditPos: number, at: string): void {
  const lot = touch(state, seq);
  const cancel = minU(amount, lot.clawedBack);
  if (cancel > 0) {
    // The clawbacks of this lot still settled elsewhere: debits of reverse entries of its credit.
    const claws: DebitS[] = [];
    let settled: Units = 0;
    for (let k = 0; k < state.debitCount; k++) {
      const d = state.debits[k] as DebitS;
      const e = lookup(state, d.transactionId);
      if (e?.kind !== "reverse" || e.reverses !== lot.lotId || d.points === d.reversed) continue;
      claws.push(ownDebit(state, k) as DebitS); // k < debitCount: present
      settled = add(settled, sub(d.points, d.reversed));
    }
    // The snapshot keeps these while the lot is kept (see retained), so clawedBack − settled is what was forgiven.
    const forgiven = lot.clawedBack > settled ? sub(lot.clawedBack, settled) : 0;
    lot.clawedBack = sub(lot.clawedBack, cancel);
    lot.reversed = add(lot.reversed, cancel);
    let undo = cancel > forgiven ? sub(cancel, forgiven) : 0;
    for (let i = claws.length - 1; i >= 0 && undo > 0; i--) {
      const d = claws[i] as DebitS;
      const give = minU(undo, sub(d.points, d.reversed));
      d.reversed = add(d.reversed, give);
      undo = sub(undo, give);
      restore(state, d, give, credit, creditPos, at);
    }
  }
  if (amount > cancel) addBack(state, seq, sub(amount, cancel));
}
