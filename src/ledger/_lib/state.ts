// The ledger engine's working state: a private, mutable copy of an account's lots, debits, holds
// and entries that the other modules build (snapshot.ts), change (lots.ts, holds.ts, apply.ts),
// read (queries.ts) and write out (toAccount.ts). Also the small helpers they all share: the
// available balance, entries by position, error paths, and copying a lot or debit before changing it.
//
// The engine as a whole: a private, mutable working state is built (from nothing for replay, from a
// snapshot for post), entries are applied to it, and a fresh frozen snapshot is written out: its
// working lots and debits already have the stored keys, so they are frozen in place as the last step
// and the state is dropped. Nothing escapes before that and input snapshots are only read, so a throw
// applies nothing.
//
// Bookkeeping that keeps replay O(entries):
// - points are integer units (10^-scale points), safe-integer numbers or BigInt beyond (units.ts):
//   exact integer arithmetic, checked on every sum and difference;
// - lots with points left and not yet past expiry sit in a min-heap ordered by (expiry, creation),
//   which is exactly redeem order, so consuming is O(log lots) per lot touched;
// - when time moves past a lot's expiry it leaves the heap for the `lapsed` set, so the running
//   running total `live` (spendable lot points) stays exact without rescanning;
// - a hold takes its points out of the lots at once (like a redeem, into a pending debit), so a
//   held point can never be spent twice or expire under the hold; capture keeps them, release and
//   timeout give them back. Holds with a timeout sit in a second heap, processed as time passes.
import { LoyaltyValidationError } from "../../errors/errors.js";
import type { Debit, Entry, Hold, Lot } from "../schemas.js";
import { ownLot } from "./pending.js";
import { keyedHeap, type KeyedHeap } from "./heap.js";
import { idGet, idIndex, type IdIndex } from "./ids.js";
import { digitsToUnits, fromUnits, sub, type Units } from "./units.js";

export type Path = readonly (string | number)[];

export interface Settings {
  readonly accountId: string;
  readonly currency: string | undefined;
  readonly scale: number;
  readonly negativeLimit: Units;
  /** The idempotency window in days: entries this recent (from the newest entry) stay in the snapshot. */
  readonly retainDays: number;
}

/**
 * A lot being worked on. It has exactly the keys of a stored {@link Lot}, in the same order
 * (`expiresAt` only when it has one), holding units instead of decimal strings: {@link toAccount}
 * writes the strings into it and freezes it in place, so a replay allocates one object per lot, not
 * two. What only the engine needs (expiry in epoch ms, heap membership, the snapshot object it came
 * from) sits beside it in {@link State}, by its `seq` (creation index), and the engine refers to
 * lots by seq throughout.
 */
export interface LotS {
  /** The transactionId of the entry that created the lot (earn, positive adjust, or a credit paying points back). */
  readonly lotId: string;
  readonly at: string;
  readonly expiresAt?: string;
  /** When pending points become available (pending until then: not spendable, not in `live`). */
  readonly availableAt?: string;
  points: Units;
  remaining: Units;
  consumed: Units;
  expired: Units;
  reversed: Units;
  clawedBack: Units;
}

export interface HoldS {
  readonly holdId: string;
  /** The hold entry, and its position. */
  readonly entry: Entry;
  readonly pos: number;
  readonly at: string;
  readonly points: Units;
  readonly timeoutAt: string | undefined;
  readonly timeoutMs: number;
  /** Creation order: breaks ties between holds timing out at the same instant. */
  readonly seq: number;
  active: boolean;
  /** Where the held points were taken from (not listed among the account's debits). */
  readonly debit: DebitS;
  src: Hold | undefined;
}

/**
 * Points taken from one lot. Like {@link DebitS} it has the keys of its stored form, `{ lotId,
 * points }`, but holds the lot's seq under `lotId` while it is worked on (giving points back must
 * reach the lot without a lookup); {@link toAccount} writes the lot's id over it.
 */
export interface Alloc {
  lotId: number;
  points: Units;
}

/**
 * A debit being worked on. It has exactly the keys of a stored {@link Debit}, in the same order,
 * holding units instead of decimal strings: {@link toAccount} writes the strings into it and
 * freezes it (and its lots) in place, so a replay allocates no second object per debit.
 */
export interface DebitS {
  /** The transactionId of the entry that took the points (redeem, capture, negative adjust, or a reverse's shortfall). */
  readonly transactionId: string;
  points: Units;
  /** Replaced (not pushed to) when empty: a one-element literal is ~60 bytes smaller than an empty array grown by push, and most debits take from one lot. */
  lots: Alloc[];
  deficit: Units;
  reversed: Units;
}

/** The lots of a debit that has taken none yet: shared and frozen, replaced (never pushed to) by the first allocation. */
export const NO_LOTS: readonly Alloc[] = /* @__PURE__ */ Object.freeze([]);

/** A change of the available balance that no entry caused: a lot lapsing or a hold timing out. */
export interface TimeEvent {
  readonly kind: "lapse" | "timeout" | "release";
  readonly at: string;
  readonly id: string;
  readonly change: Units;
}

export interface State {
  readonly settings: Settings;
  /** Entries of the full history before the first one in `entries` (the snapshot dropped them): version = base + count. */
  base: number;
  nowMs: number;
  /** The applied entries (positions 0 to count − 1); sized up front when the count is known. */
  readonly entries: Entry[];
  count: number;
  /**
   * Entries from this position on are the inputs of {@link run} as the stored-form check accepted
   * them, not copied (+Infinity when there are none): {@link toAccount} writes the stored form of
   * those the snapshot keeps, so a replay copies only what it keeps.
   */
  copyFrom: number;
  /** transactionId → position in `entries` (an entry being applied has its position before it is pushed). */
  readonly index: IdIndex;
  /**
   * By entry position: the seq of the lot the entry created, if any. An entry creates a lot or a
   * debit, never both (a credit, or points given back under a credit's name, make lots at the
   * credit's position; a redeem, capture, negative adjust or clawback makes a debit at its own), so
   * at most one of `lotOfEntry` and `debitOfEntry` is set at a position. Both are sized up front when
   * the entry count is known (a holey array reads undefined where nothing was created): growing a
   * million-slot array by push costs more than all the writes.
   */
  readonly lotOfEntry: (number | undefined)[];
  /** By entry position: the index in `debits` of the debit the entry created, if any (see `lotOfEntry`). */
  readonly debitOfEntry: (number | undefined)[];
  /**
   * Lots by seq, in creation order (0 to lotCount − 1). A replay sizes this and the other by-seq
   * arrays up front from the entries' kinds (see {@link emptyState}); they grow past that when an
   * entry creates a lot it was not counted for.
   */
  readonly lots: LotS[];
  lotCount: number;
  /** By lot seq: epoch ms of its expiry (+Infinity for none). */
  readonly lotExpMs: number[];
  /** By lot seq: whether it is in `heap`. */
  readonly lotInHeap: boolean[];
  /**
   * By lot seq: the unchanged snapshot object the lot came from, reused on output; cleared on change.
   * Never longer than `lotCount`, so a lot created since reads undefined past its end: it is not
   * written for a new lot (a replay leaves it empty).
   */
  readonly lotSrc: (Lot | undefined)[];
  /** Seqs of the lots with points left and not past expiry (or not yet found empty), keyed by (expiry, seq). */
  readonly heap: KeyedHeap<number>;
  /** Seqs of the lots past expiry with points left, until an expire entry sweeps them. */
  readonly lapsed: Set<number>;
  live: Units;
  readonly holds: Map<string, HoldS>;
  /** Open holds with a timeout, keyed by (timeoutMs, seq). */
  readonly timeouts: KeyedHeap<HoldS>;
  holdSeq: number;
  /** Debits in creation order (0 to debitCount − 1), sized as `lots` is. */
  readonly debits: DebitS[];
  /** By debit index: the unchanged snapshot object the debit came from, reused on output; cleared on change. Never longer than `debitCount`, as `lotSrc`. */
  readonly debitSrc: (Debit | undefined)[];
  debitCount: number;
  deficit: Units;
  onTimeEvent: ((e: TimeEvent) => void) | undefined;
  /** Seqs of pending lots (availableAt after the clock), keyed by (availableAt ms, seq); see pending.ts. */
  readonly pendingHeap: KeyedHeap<number>;
  /** By lot seq: true while the lot is pending. */
  readonly lotPending: boolean[];
  /** Points in pending lots. */
  pending: Units;
  /** By lot seq: the position of the entry that created it (its lotId's), so a snapshot's state can be carried forward without looking ids up. */
  readonly lotPos: number[];
  /** By debit index: the position of the entry that took the points (its transactionId's). */
  readonly debitPos: number[];
}

/**
 * A state with nothing applied, its by-position arrays sized for `expectedEntries` entries and its
 * by-seq and by-debit arrays for `expectedLots` lots and `expectedDebits` debits (estimates: the
 * arrays grow past them). A replay counts these before it starts: grown one element at a time, the
 * six arrays of a 1M-entry replay were reallocated some 25 times each, and the dropped copies (about
 * twice what the arrays end up holding, each in fresh memory) cost it 7–8 % of its time.
 */
export function emptyState(settings: Settings, expectedEntries = 0, expectedLots = 0, expectedDebits = 0): State {
  const entries = new Array<Entry>(expectedEntries);
  return {
    settings,
    base: 0,
    nowMs: Number.NEGATIVE_INFINITY,
    entries,
    count: 0,
    copyFrom: Number.POSITIVE_INFINITY,
    index: idIndex(entries, expectedEntries),
    lotOfEntry: new Array<number | undefined>(expectedEntries),
    debitOfEntry: new Array<number | undefined>(expectedEntries),
    lots: new Array<LotS>(expectedLots),
    lotCount: 0,
    lotExpMs: new Array<number>(expectedLots),
    lotInHeap: new Array<boolean>(expectedLots),
    lotSrc: [],
    // Grown as lots come (only lots with points left sit in it): three million-slot arrays sized up
    // front cost a replay more to allocate, fill with holes and turn into double arrays than growing.
    heap: keyedHeap(0),
    lapsed: new Set(),
    live: 0,
    holds: new Map(),
    timeouts: keyedHeap(0),
    holdSeq: 0,
    debits: new Array<DebitS>(expectedDebits),
    debitSrc: [],
    debitCount: 0,
    deficit: 0,
    onTimeEvent: undefined,
    pendingHeap: keyedHeap(0),
    lotPending: [],
    pending: 0,
    lotPos: new Array<number>(expectedLots),
    debitPos: new Array<number>(expectedDebits),
  };
}

export function available(state: State): Units {
  return sub(state.live, state.deficit);
}

export function fmt(state: State, u: Units): string {
  return fromUnits(u, state.settings.scale);
}

export function pts(state: State, text: string): Units {
  // Entries reaching apply are in stored form: points have exactly the account's scale, so the
  // units are the digits without the point.
  return digitsToUnits(state.settings.scale === 0 ? text : text.replace(".", ""));
}

/**
 * Marks a lot changed, so it is written out rather than its snapshot object reused, and returns it
 * to change: a lot still shared with the snapshot it came from (see {@link carryState}) is copied
 * first. Every change of a lot goes through here.
 */
export function touch(state: State, seq: number): LotS {
  return ownLot(state, seq);
}

/** Returns debit `k` to change, copied first when shared with the snapshot's carried state (as {@link touch} does for lots). */
export function ownDebit(state: State, k: number): DebitS | undefined {
  const d = state.debits[k];
  if (d === undefined || state.debitSrc[k] === undefined) return d;
  const own = copyDebit(d);
  state.debits[k] = own;
  state.debitSrc[k] = undefined;
  return own;
}

/**
 * A copy of a debit, with its own allocations: `lots` when given (renumbered ones), else copies of the
 * debit's. Built key by key, not as `{ ...d, lots }`: a spread followed by a key it already has sends
 * V8 down a slow path.
 */
export function copyDebit(
  d: DebitS,
  lots: Alloc[] = d.lots.length === 0
    ? (NO_LOTS as Alloc[])
    : d.lots.map((a) => ({ lotId: a.lotId, points: a.points })),
): DebitS {
  return { transactionId: d.transactionId, points: d.points, lots, deficit: d.deficit, reversed: d.reversed };
}

/** The position of an applied entry (not the one being applied), or -1. */
export function positionOf(state: State, transactionId: string): number {
  const pos = idGet(state.index, transactionId);
  return pos < state.count ? pos : -1;
}

export function lookup(state: State, transactionId: string): Entry | undefined {
  const pos = positionOf(state, transactionId);
  return pos < 0 ? undefined : state.entries[pos];
}

export function badEntry(path: Path, message: string, what: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

/** Where an entry sits, for error paths: built only when an error is thrown. */
export interface Where {
  readonly base: Path;
  index: number | undefined;
  readonly what: string;
  /** See PostInternals.droppedCredits (apply.ts). */
  readonly droppedCredits?: boolean;
}

export function pathOf(where: Where): Path {
  return where.index === undefined ? where.base : [...where.base, where.index];
}
