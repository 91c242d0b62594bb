// Writing the working state out as a fresh frozen snapshot: what the bounded snapshot keeps
// (retained), the snapshot itself (toAccount), and the working state it carries to the next post.
import type { Account, Checkpoint, Debit, Entry, Hold, Lot } from "../schemas.js";
import { instantMs } from "./instant.js";
import { storedCopy } from "./entries.js";
import { keyedCopy, keyedHeap, keyedPush } from "./heap.js";
import { storedForm } from "./stored.js";
import { withAvailableAt } from "./pending.js";
import { idCarry } from "./ids.js";
import { add, fromUnits, type Units } from "./units.js";
import {
  type Alloc,
  type DebitS,
  type HoldS,
  type LotS,
  type State,
  available,
  copyDebit,
  positionOf,
} from "./state.js";

const DAY_MS = 86_400_000;

/**
 * What the snapshot keeps (the bounded model): every entry from `cut` on (the idempotency window:
 * `retainDays` back from the newest entry; entries are in time order), and older entries only when
 * the future needs them — a lot with points left (or one a kept debit or open hold took points from),
 * an open hold, a clawback debit still holding points for a kept lot (giveBack undoes it). Other
 * debits older than the window are dropped: their points stay consumed in their lots.
 * Returns undefined when nothing is dropped (all entries are inside the window).
 */
function retained(
  state: State,
): { cut: number; keepEntry: Uint8Array; keepLot: Uint8Array; keepDebit: Uint8Array } | undefined {
  const { count, entries } = state;
  const last = entries[count - 1];
  if (last === undefined) return undefined;
  const from = instantMs(last.at) - state.settings.retainDays * DAY_MS;
  const first = entries[0] as Entry; // count > 0
  if (instantMs(first.at) >= from) return undefined;
  let lo = 0;
  let hi = count - 1; // entries[hi] is inside the window
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (instantMs((entries[mid] as Entry).at) >= from) hi = mid;
    else lo = mid + 1;
  }
  const cut = lo;
  const keepEntry = new Uint8Array(count);
  keepEntry.fill(1, cut);
  const keepLot = new Uint8Array(state.lotCount);
  const keepDebit = new Uint8Array(state.debitCount);
  // Lots and debits of entries inside the window, or whose creator is not known by position, are kept.
  keepLot.fill(1);
  keepDebit.fill(1);
  for (let pos = 0; pos < cut; pos++) {
    const seq = state.lotOfEntry[pos];
    if (seq !== undefined && (state.lots[seq] as LotS).remaining === 0) keepLot[seq] = 0;
    const k = state.debitOfEntry[pos];
    if (k !== undefined) keepDebit[k] = 0;
  }
  // A clawback debit (of a reverse entry of a lot's credit) still holding points is what giveBack
  // undoes when points come back to that lot: it is kept while its lot is kept (points can only come
  // back to a kept lot), else giveBack would count its part as forgiven. Keeping it keeps the lots it
  // took from, which may have clawbacks of their own: worked through a stack.
  const claws = new Map<number, number[]>();
  for (let k = 0; k < state.debitCount; k++) {
    if (keepDebit[k] === 1) continue;
    const d = state.debits[k] as DebitS;
    if (d.points === d.reversed) continue;
    const e = state.entries[state.debitPos[k] as number]; // the entry that took the points, by position (no id to hash)
    if (e?.kind !== "reverse") continue;
    const seq = state.lotOfEntry[positionOf(state, e.reverses)];
    if (seq === undefined || (state.lots[seq] as LotS).clawedBack === 0) continue;
    const list = claws.get(seq);
    if (list === undefined) claws.set(seq, [k]);
    else list.push(k);
  }
  const stack: number[] = [];
  const keepLotSeq = (seq: number): void => {
    keepLot[seq] = 1;
    if (claws.size > 0 && claws.has(seq)) stack.push(seq); // most snapshots hold no clawback: no lookup per allocation
  };
  const keepAllocs = (allocs: readonly Alloc[]): void => {
    for (const a of allocs) keepLotSeq(a.lotId);
  };
  for (const seq of claws.keys()) if (keepLot[seq] === 1) stack.push(seq);
  for (let k = 0; k < state.debitCount; k++) if (keepDebit[k] === 1) keepAllocs((state.debits[k] as DebitS).lots);
  for (const h of state.holds.values()) {
    keepAllocs(h.debit.lots);
    keepEntry[h.pos] = 1;
  }
  for (let seq = stack.pop(); seq !== undefined; seq = stack.pop()) {
    const list = claws.get(seq);
    if (list === undefined) continue;
    claws.delete(seq);
    for (const k of list) {
      keepDebit[k] = 1;
      keepAllocs((state.debits[k] as DebitS).lots);
    }
  }
  // The entries that created what is kept (the position of its id: a credit lot and a debit may share one).
  for (let seq = 0; seq < state.lotCount; seq++) if (keepLot[seq] === 1) keepEntry[state.lotPos[seq] as number] = 1; // seq < lotCount: present
  for (let k = 0; k < state.debitCount; k++) if (keepDebit[k] === 1) keepEntry[state.debitPos[k] as number] = 1;
  return { cut, keepEntry, keepLot, keepDebit };
}

/**
 * Writes the working state out as a fresh frozen snapshot, reusing unchanged frozen parts and
 * leaving out what the future does not need (see {@link retained}). Working lots and debits become
 * their stored form in place, so the state must not be used afterwards.
 */
export function toAccount(state: State, carry = false): Account {
  const { scale, negativeLimit, accountId, currency, retainDays } = state.settings;
  // Most amounts in a ledger are small: their strings are built once per call and shared (strings
  // are immutable, so sharing is invisible), instead of a number-to-string conversion per field.
  const small: (string | undefined)[] = [];
  const f = (u: Units): string => {
    if (typeof u === "number" && u >= 0 && u < 4096) return (small[u] ??= fromUnits(u, scale));
    return fromUnits(u, scale);
  };
  state.lots.length = state.lotCount;
  state.debits.length = state.debitCount;
  state.entries.length = state.count;
  const keep = retained(state);
  const balanceText = f(available(state));
  const lastEntry = state.entries[state.count - 1];
  const version = state.base + state.count;
  const lots = state.lots;
  const lotIdOf = (seq: number): string => (lots[seq] as LotS).lotId; // allocs hold seqs of lots: present
  const allocsOut = (allocs: readonly Alloc[]): Debit["lots"] =>
    Object.freeze(allocs.map((a) => Object.freeze({ lotId: lotIdOf(a.lotId), points: f(a.points) }))) as Debit["lots"];
  const holds = [...state.holds.values()].map((h): Hold => {
    if (h.src !== undefined) return h.src;
    const hold: Hold = {
      holdId: h.holdId,
      at: h.at,
      points: f(h.points),
      lots: allocsOut(h.debit.lots),
      deficit: f(h.debit.deficit),
    };
    if (h.timeoutAt !== undefined) hold.timeoutAt = h.timeoutAt;
    return Object.freeze(hold);
  });
  const debits = state.debits;
  let debitsOut: Debit[];
  let lotsOut: Lot[];
  if (carry) {
    // The working lots and debits are carried to the new snapshot's state (see carryState): each
    // changed one is written out as a new frozen object, an unchanged one is its snapshot object.
    debitsOut = [];
    for (let k = 0; k < state.debitCount; k++) {
      if (keep !== undefined && keep.keepDebit[k] === 0) continue;
      const d = debits[k] as DebitS; // k < debitCount: present
      debitsOut.push(
        state.debitSrc[k] ??
          (Object.freeze({
            transactionId: d.transactionId,
            points: f(d.points),
            lots: allocsOut(d.lots),
            deficit: f(d.deficit),
            reversed: f(d.reversed),
          }) as Debit),
      );
    }
    lotsOut = [];
    for (let k = 0; k < state.lotCount; k++) {
      if (keep !== undefined && keep.keepLot[k] === 0) continue;
      const l = lots[k] as LotS; // k < lotCount: present
      lotsOut.push(state.lotSrc[k] ?? storedLot(l, f));
    }
  } else {
    ({ debitsOut, lotsOut } = writeInPlace(state, keep, f, lotIdOf));
  }
  // The working state is discarded after this call (every caller writes it out last), so its
  // entries array becomes the snapshot's, frozen in place rather than copied: the kept entries are
  // moved down over the dropped ones (in one pass, without a filtered copy: 14 MB of garbage for a
  // 1M-entry replay) and it is cut to them. Entries a replay took as they came (from copyFrom on)
  // are written in their stored form, only those kept.
  const entries = state.entries;
  const { count, copyFrom } = state;
  if (keep !== undefined || copyFrom < count) {
    let j = 0;
    for (let pos = 0; pos < count; pos++) {
      if (keep !== undefined && keep.keepEntry[pos] === 0) continue;
      const e = entries[pos] as Entry; // pos < count: present
      entries[j++] = pos >= copyFrom ? storedCopy(e) : e;
    }
    entries.length = j;
  }
  const checkpoint: Checkpoint =
    lastEntry === undefined
      ? Object.freeze({ version, balance: balanceText })
      : Object.freeze({ version, at: lastEntry.at, balance: balanceText });
  const account: Account = {
    accountId,
    ...(currency === undefined ? {} : { currency }),
    scale,
    negativeLimit: f(negativeLimit),
    retainDays,
    version,
    entries: Object.freeze(entries) as Entry[],
    lots: Object.freeze(lotsOut) as Lot[],
    holds: Object.freeze(holds) as Hold[],
    debits: Object.freeze(debitsOut) as Debit[],
    deficit: f(state.deficit),
    checkpoint,
  };
  // JSON.stringify writes the stored form (stored.ts); not enumerable, so the snapshot's keys stay its data.
  Object.defineProperty(account, "toJSON", { value: storedForm });
  if (carry) {
    const carrier: Carrier = {
      make: () => carryState(state, keep, lotsOut, debitsOut, holds, account),
      used: false,
      kept: undefined,
    };
    Object.defineProperty(account, CARRIED, { value: carrier });
  }
  Object.freeze(account);
  produced.add(account);
  return account;
}

type Keep = NonNullable<ReturnType<typeof retained>>;

/**
 * A new frozen stored lot with a working lot's figures, its keys in the stored order (as
 * stateFromAccount and createLot build a lot). Built key by key: a spread of the working lot followed
 * by its figure keys again (`{ ...l, points: … }`) redefines keys the copy already has, which sends V8
 * down a slow path, about 1 µs a lot.
 */
function storedLot(l: LotS, f: (u: Units) => string): Lot {
  const { lotId, at, expiresAt } = l;
  const points = f(l.points);
  const remaining = f(l.remaining);
  const consumed = f(l.consumed);
  const expired = f(l.expired);
  const reversed = f(l.reversed);
  const clawedBack = f(l.clawedBack);
  const lot: Lot = withAvailableAt(
    expiresAt === undefined
      ? { lotId, at, points, remaining, consumed, expired, reversed, clawedBack }
      : { lotId, at, expiresAt, points, remaining, consumed, expired, reversed, clawedBack },
    l.availableAt,
  );
  return Object.freeze(lot);
}

/**
 * Writes the working debits and lots out in place (the state is not carried): decimal strings
 * written over the units, then frozen; an unchanged snapshot object is put back. A replay allocates
 * no second object per lot or debit this way.
 */
function writeInPlace(
  state: State,
  keep: Keep | undefined,
  f: (u: Units) => string,
  lotIdOf: (seq: number) => string,
): { debitsOut: Debit[]; lotsOut: Lot[] } {
  const debits = state.debits;
  const lots = state.lots;
  const debitsOut: Debit[] = keep === undefined ? (debits as unknown as Debit[]) : [];
  for (let k = 0; k < debits.length; k++) {
    if (keep !== undefined && keep.keepDebit[k] === 0) continue;
    const src = state.debitSrc[k];
    if (src !== undefined) {
      if (keep === undefined) debits[k] = src as unknown as DebitS;
      else debitsOut.push(src);
      continue;
    }
    const out = debits[k] as unknown as {
      points: string | Units;
      lots: { lotId: string | number; points: string | Units }[];
      deficit: string | Units;
      reversed: string | Units;
    };
    for (const a of out.lots) {
      a.lotId = lotIdOf(a.lotId as number);
      a.points = f(a.points as Units);
      Object.freeze(a);
    }
    out.points = f(out.points as Units);
    out.deficit = f(out.deficit as Units);
    out.reversed = f(out.reversed as Units);
    Object.freeze(out.lots);
    Object.freeze(out);
    if (keep !== undefined) debitsOut.push(out as unknown as Debit);
  }
  // Lots likewise, after the debits have read their ids; an unchanged snapshot lot is put back.
  const lotsOut: Lot[] = keep === undefined ? (lots as unknown as Lot[]) : [];
  for (let k = 0; k < lots.length; k++) {
    if (keep !== undefined && keep.keepLot[k] === 0) continue;
    const src = state.lotSrc[k];
    if (src !== undefined) {
      if (keep === undefined) lots[k] = src as unknown as LotS;
      else lotsOut.push(src);
      continue;
    }
    const out = lots[k] as unknown as Record<
      "points" | "remaining" | "consumed" | "expired" | "reversed" | "clawedBack",
      string | Units
    >; // k < lotCount: present
    out.points = f(out.points as Units);
    out.remaining = f(out.remaining as Units);
    out.consumed = f(out.consumed as Units);
    out.expired = f(out.expired as Units);
    out.reversed = f(out.reversed as Units);
    out.clawedBack = f(out.clawedBack as Units);
    Object.freeze(out);
    if (keep !== undefined) lotsOut.push(out as unknown as Lot);
  }
  return { debitsOut, lotsOut };
}

/**
 * The snapshots this copy of the library wrote itself (openAccount, post, postMany, replayAccount,
 * parseAccount): frozen, so their figures are what the entries gave. A snapshot from anywhere else —
 * JSON read back from storage, an edited copy — is checked before its figures are used: every lot
 * against the entry that created it, every debit and hold against its lots, the checkpoint's balance
 * against the lots (see {@link checkFigures}). Call parseAccount once after loading JSON to pay that
 * check once; pass it the stored history to check the snapshot against every entry.
 */
export const produced = new WeakSet<object>();

// ---------------------------------------------------------------------------------------------
// Carried states

/**
 * The working state of each snapshot a post wrote (or openAccount), carried beside the
 * frozen snapshot so the next post onto it starts from it instead of rebuilding it from the
 * snapshot's lots, debits and entries (parsing their figures, hashing their ids, refilling the
 * heaps). What is carried is the working state that wrote the snapshot (never changed after
 * toAccount), and {@link carryState} makes a fresh state from it on each post: new arrays, heaps and
 * holds; the lots and debits shared, each changed only through a copy (see {@link touch}). So posting
 * twice onto the same snapshot (two branches of history) gives the same result both times. It sits
 * in a non-enumerable property set before the snapshot is frozen, so it goes when the snapshot goes
 * (a WeakMap by snapshot spent more in the collector, on its churn, than it saved).
 */
export const CARRIED: unique symbol = Symbol("loyalty-kit ledger state");

/**
 * What a snapshot carries: `make` gives a fresh working state on each call (see {@link carryState}).
 * The first post onto the snapshot (the usual case: each post onto the previous one's result) works
 * on what `make` gives, or takes over `kept` when a reader made it first (a balance before the post);
 * a snapshot posted onto again keeps one made state and works on copies of it ({@link cloneState},
 * cheaper than `make` on an old account: nothing to drop or renumber). `kept` is never changed:
 * readers read it as it is, or a copy of it.
 */
export interface Carrier {
  readonly make: () => State;
  used: boolean;
  kept: State | undefined;
}

/** A working copy of a kept state: its own arrays, heaps and holds; lots and debits shared until changed (see {@link touch}). */
export function cloneState(t: State): State {
  const entries = t.entries.slice();
  const holds = new Map<string, HoldS>();
  const timeouts = keyedHeap<HoldS>(0);
  for (const h of t.holds.values()) {
    const hold: HoldS = { ...h, debit: copyDebit(h.debit) };
    holds.set(hold.holdId, hold);
    if (hold.active && Number.isFinite(hold.timeoutMs)) keyedPush(timeouts, hold, hold.timeoutMs, hold.seq);
  }
  return {
    settings: t.settings,
    base: t.base,
    nowMs: t.nowMs,
    entries,
    count: t.count,
    copyFrom: t.copyFrom,
    index: idCarry(t.index, entries),
    lotOfEntry: t.lotOfEntry.slice(),
    debitOfEntry: t.debitOfEntry.slice(),
    lots: t.lots.slice(),
    lotCount: t.lotCount,
    lotExpMs: t.lotExpMs.slice(),
    lotInHeap: t.lotInHeap.slice(),
    lotSrc: t.lotSrc.slice(),
    heap: keyedCopy(t.heap),
    lapsed: new Set(t.lapsed),
    live: t.live,
    holds,
    timeouts,
    holdSeq: t.holdSeq,
    debits: t.debits.slice(),
    debitSrc: t.debitSrc.slice(),
    debitCount: t.debitCount,
    deficit: t.deficit,
    onTimeEvent: undefined,
    pendingHeap: keyedCopy(t.pendingHeap),
    lotPending: t.lotPending.slice(),
    pending: t.pending,
    lotPos: t.lotPos.slice(),
    debitPos: t.debitPos.slice(),
  };
}

/**
 * The state {@link stateFromAccount} would rebuild from `account`, made from the working state that
 * wrote it (after {@link toAccount} wrote it out with `carry`): what the snapshot dropped is left
 * out and the rest renumbered, in O(kept) without reading a figure or hashing an id. Only reads
 * `state`, so each call gives an independent state. Its lots and debits are the working ones (never
 * changed again: every change goes through a copy), each marked with its snapshot object, as
 * stateFromAccount marks them; its holds are copies.
 */
function carryState(
  state: State,
  keep: Keep | undefined,
  lotsOut: readonly Lot[],
  debitsOut: readonly Debit[],
  holdsOut: readonly Hold[],
  account: Account,
): State {
  // Copies of the snapshot's frozen arrays by spreading, not slice(): Node 20's slice (and filter)
  // takes a slow path on a frozen array, ~37 ns an element against ~1 (2.2 µs against 0.05 µs for
  // 58 entries), which made a post's cost grow with what the snapshot keeps.
  const entries = [...account.entries]; // the working state appends to it
  const count = entries.length;
  const nowMs = state.nowMs;
  // Plain arrays, not Int32Arrays: Node 20 puts a typed array over 64 bytes (16 positions) in a
  // separate backing store, ~0.7 µs to allocate against ~0.1 µs for an array of 60 numbers, so
  // these two made each post onto an account keeping more than 16 entries or lots cost more. Every
  // slot is written (-1: dropped) rather than filled first: fill on a new array costs 2-3 times the
  // writes.
  let newPos: number[] | undefined;
  let lotMap: number[] | undefined;
  if (keep !== undefined) {
    newPos = new Array<number>(state.count);
    for (let pos = 0, j = 0; pos < state.count; pos++) newPos[pos] = keep.keepEntry[pos] === 1 ? j++ : -1;
    lotMap = new Array<number>(state.lotCount);
  }
  const at = (pos: number): number => (newPos === undefined ? pos : (newPos[pos] as number)); // kept: mapped
  // Sized up front: the kept lots and debits are those written out.
  const lotCount = lotsOut.length;
  const lots = new Array<LotS>(lotCount);
  const lotExpMs = new Array<number>(lotCount);
  const lotInHeap = new Array<boolean>(lotCount);
  const lotPending: boolean[] = [];
  const lotPos = new Array<number>(lotCount);
  const heap = keyedHeap<number>(0);
  const pendingHeap = keyedHeap<number>(0);
  const lapsed = new Set<number>();
  const lotOfEntry = new Array<number | undefined>(count);
  const debitOfEntry = new Array<number | undefined>(count);
  let live: Units = 0;
  let pending: Units = 0;
  let seq = 0;
  for (let k = 0; k < state.lotCount; k++) {
    if (keep !== undefined && keep.keepLot[k] === 0) {
      if (lotMap !== undefined) lotMap[k] = -1;
      continue;
    }
    const l = state.lots[k] as LotS; // k < lotCount: present
    const expMs = state.lotExpMs[k] as number;
    lots[seq] = l;
    lotExpMs[seq] = expMs;
    const pos = at(state.lotPos[k] as number);
    lotPos[seq] = pos;
    lotOfEntry[pos] = seq;
    if (lotMap !== undefined) lotMap[k] = seq;
    // Placed as stateFromAccount places a snapshot lot: pending, spendable (in the heap) or lapsed.
    let inHeap = false;
    if (state.lotPending[k] === true) {
      lotPending[seq] = true;
      pending = add(pending, l.remaining);
      keyedPush(pendingHeap, seq, instantMs(l.availableAt ?? ""), seq);
    } else if (l.remaining > 0) {
      if (expMs > nowMs) {
        live = add(live, l.remaining);
        inHeap = true;
        keyedPush(heap, seq, expMs, seq);
      } else lapsed.add(seq);
    }
    lotInHeap[seq] = inHeap;
    seq++;
  }
  const remap = (allocs: readonly Alloc[]): Alloc[] =>
    allocs.map((a) => ({ lotId: lotMap === undefined ? a.lotId : (lotMap[a.lotId] as number), points: a.points }));
  const moved = (allocs: readonly Alloc[]): boolean =>
    lotMap !== undefined && allocs.some((a) => lotMap[a.lotId] !== a.lotId);
  const debitCount = debitsOut.length;
  const debits = new Array<DebitS>(debitCount);
  const debitPos = new Array<number>(debitCount);
  let j = 0;
  for (let k = 0; k < state.debitCount; k++) {
    if (keep !== undefined && keep.keepDebit[k] === 0) continue;
    const d = state.debits[k] as DebitS; // k < debitCount: present
    debits[j] = moved(d.lots) ? copyDebit(d, remap(d.lots)) : d;
    const pos = at(state.debitPos[k] as number);
    debitPos[j] = pos;
    debitOfEntry[pos] = j;
    j++;
  }
  const holds = new Map<string, HoldS>();
  const timeouts = keyedHeap<HoldS>(0);
  let i = 0;
  for (const h of state.holds.values()) {
    const hold: HoldS = {
      ...h,
      pos: at(h.pos),
      seq: i,
      active: h.timeoutMs > nowMs,
      debit: copyDebit(h.debit, remap(h.debit.lots)), // a hold's debit is never reversed (it is not among the account's debits)
      src: holdsOut[i],
    };
    holds.set(hold.holdId, hold);
    if (hold.active && Number.isFinite(hold.timeoutMs)) keyedPush(timeouts, hold, hold.timeoutMs, i);
    i++;
  }
  return {
    settings: state.settings,
    base: account.version - count,
    nowMs,
    entries,
    count,
    copyFrom: Number.POSITIVE_INFINITY,
    index: idCarry(state.index, entries, newPos),
    lotOfEntry,
    debitOfEntry,
    lots,
    lotCount,
    lotExpMs,
    lotInHeap,
    lotSrc: [...lotsOut],
    heap,
    lapsed,
    live,
    holds,
    timeouts,
    holdSeq: i,
    debits,
    debitSrc: [...debitsOut],
    debitCount,
    deficit: state.deficit,
    onTimeEvent: undefined,
    pendingHeap,
    lotPending,
    pending,
    lotPos,
    debitPos,
  };
}
