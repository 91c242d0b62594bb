// The ledger engine. A private, mutable working state is built (from nothing for replay, from a
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
import {
  ErrorCode,
  IdempotencyConflictError,
  InsufficientPointsError,
  LoyaltyError,
  LoyaltyValidationError,
  OperationError,
  VersionConflictError,
} from "../../errors/errors.js";
import {
  AccountSchema,
  type Account,
  type Checkpoint,
  type Debit,
  type Entry,
  type EntryInput,
  type Hold,
  type Lot,
} from "../schemas.js";
import { instantMs, parseInstant, preview as previewValue, storedInstant } from "./instant.js";
import type { PostOptions } from "../post.js";
import type { PostManyResult } from "../postMany.js";
import type { LedgerHistoryRecord } from "../history.js";
import type { AvailableLot } from "../availableLots.js";
import type { Statement, StatementLine } from "../statement.js";
import { normalizeEntry, storedCopy, storedEntryChecker, type StoredInstants } from "./entries.js";
import { holdPending, ownLot, releaseDue, withAvailableAt } from "./pending.js";
import { keyedCopy, keyedHeap, keyedPop, keyedPush, keyedTop, keyedTopFirst, type KeyedHeap } from "./heap.js";
import { isStoredForm, storedForm } from "./stored.js";
import { makeParsers } from "../../core/validation.js";
import { idAddAll, idCopy, idGet, idIndex, idRemap, type IdIndex } from "./ids.js";
import { firstDifference, jsonEqual } from "./json.js";
import { add, canonicalPattern, digitsToUnits, fromUnits, minU, neg, sub, toUnits, type Units } from "./units.js";

type Path = readonly (string | number)[];

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

interface HoldS {
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
interface Alloc {
  lotId: number;
  points: Units;
}

/**
 * A debit being worked on. It has exactly the keys of a stored {@link Debit}, in the same order,
 * holding units instead of decimal strings: {@link toAccount} writes the strings into it and
 * freezes it (and its lots) in place, so a replay allocates no second object per debit.
 */
interface DebitS {
  /** The transactionId of the entry that took the points (redeem, capture, negative adjust, or a reverse's shortfall). */
  readonly transactionId: string;
  points: Units;
  /** Replaced (not pushed to) when empty: a one-element literal is ~60 bytes smaller than an empty array grown by push, and most debits take from one lot. */
  lots: Alloc[];
  deficit: Units;
  reversed: Units;
}

/** The lots of a debit that has taken none yet: shared and frozen, replaced (never pushed to) by the first allocation. */
const NO_LOTS: readonly Alloc[] = /* @__PURE__ */ Object.freeze([]);

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
   * By entry position: the lot the entry created, as its seq (≥ 0), or the debit, as −1 − its index
   * in `debits`, if any. Sized up front when the entry count is known (a holey array reads undefined
   * where nothing was created): growing a million-slot array by push costs more than all the writes.
   */
  readonly nodes: (number | undefined)[];
  /**
   * Lots by seq, in creation order (0 to lotCount − 1), grown as they come: sized like `entries` (an
   * entry creates at most one) a replay allocated and hole-filled twice the slots it used.
   */
  readonly lots: LotS[];
  lotCount: number;
  /** By lot seq: epoch ms of its expiry (+Infinity for none). */
  readonly lotExpMs: number[];
  /** By lot seq: whether it is in `heap`. */
  readonly lotInHeap: boolean[];
  /** By lot seq: the unchanged snapshot object the lot came from, reused on output; cleared on change. Empty in a replay. */
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
  /** Debits in creation order (0 to debitCount − 1), grown as they come (as `lots`). */
  readonly debits: DebitS[];
  /** By debit index: the unchanged snapshot object the debit came from, reused on output; cleared on change. Empty in a replay. */
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

// ---------------------------------------------------------------------------------------------
// Settings and snapshots

export function emptyState(settings: Settings, expectedEntries = 0): State {
  const entries = new Array<Entry>(expectedEntries);
  return {
    settings,
    base: 0,
    nowMs: Number.NEGATIVE_INFINITY,
    entries,
    count: 0,
    copyFrom: Number.POSITIVE_INFINITY,
    index: idIndex(entries, expectedEntries),
    nodes: new Array<number | undefined>(expectedEntries),
    lots: [],
    lotCount: 0,
    lotExpMs: [],
    lotInHeap: [],
    lotSrc: [],
    // Grown as lots come (only lots with points left sit in it): three million-slot arrays sized up
    // front cost a replay more to allocate, fill with holes and turn into double arrays than growing.
    heap: keyedHeap(0),
    lapsed: new Set(),
    live: 0,
    holds: new Map(),
    timeouts: keyedHeap(0),
    holdSeq: 0,
    debits: [],
    debitSrc: [],
    debitCount: 0,
    deficit: 0,
    onTimeEvent: undefined,
    pendingHeap: keyedHeap(0),
    lotPending: [],
    pending: 0,
    lotPos: [],
    debitPos: [],
  };
}

function notAnAccount(path: Path, message: string): never {
  throw new LoyaltyValidationError([{ path: ["account", ...path], message }], "account");
}

/** Cheap structural check of a snapshot handed to post/balance/…; parseAccount does the full check. */
export function checkAccount(account: unknown): asserts account is Account {
  checkShape(account);
  verifyDerived(account);
}

/** checkAccount's structural part (the keys the working state reads), without the figures. */
function checkShape(account: unknown): asserts account is Account {
  if (typeof account !== "object" || account === null)
    notAnAccount(
      [],
      `expected an account snapshot (from openAccount, post, replayAccount or parseAccount), got ${previewValue(account)}`,
    );
  const a = account as Record<string, unknown>;
  for (const k of ["entries", "lots", "holds", "debits"])
    if (!Array.isArray(a[k])) notAnAccount([k], `expected an array, got ${previewValue(a[k])}`);
  const entries = a["entries"] as unknown[];
  if (a["checkpoint"] === undefined) notUpgraded(["account"]);
  const version = a["version"];
  if (typeof version !== "number" || !Number.isInteger(version) || version < entries.length)
    notAnAccount(
      ["version"],
      `expected the number of entries in the account's history (at least the ${entries.length} retained), got ${previewValue(version)}`,
    );
  const retainDays = a["retainDays"];
  if (typeof retainDays !== "number" || !Number.isInteger(retainDays) || retainDays < 0 || retainDays > 36_500)
    notAnAccount(["retainDays"], `expected an integer from 0 to 36500, got ${previewValue(retainDays)}`);
  const scale = a["scale"];
  if (typeof scale !== "number" || !Number.isInteger(scale) || scale < 0 || scale > 18)
    notAnAccount(["scale"], `expected an integer from 0 to 18, got ${previewValue(scale)}`);
  if (typeof a["accountId"] !== "string")
    notAnAccount(["accountId"], `expected a string, got ${previewValue(a["accountId"])}`);
}

/**
 * A snapshot handed to post/balance/…: the stored form (`JSON.parse` of what `JSON.stringify` wrote)
 * is rebuilt first; then, like any snapshot the library did not write, its figures are checked. Call
 * parseAccount once after loading JSON to pay that once.
 */
export function readAccount(account: Account): Account {
  if (!isStoredForm(account)) {
    checkAccount(account);
    return account;
  }
  // Rebuilt and shape-checked as parseAccount does (hand-edited JSON may hold anything), then its figures.
  const rebuilt: unknown = storedParsers.parse(account);
  checkAccount(rebuilt);
  return rebuilt;
}

const storedParsers = /* @__PURE__ */ makeParsers(AccountSchema, "account");

/** A 0.1 snapshot (the whole ledger in `entries`, no checkpoint): say how to convert it. */
export function notUpgraded(path: Path): never {
  throw new LoyaltyValidationError(
    [
      {
        path: [...path, "checkpoint"],
        message:
          "expected a bounded account snapshot with a checkpoint; this looks like a loyalty-kit 0.1 snapshot (the whole ledger in entries): convert it once with upgradeAccount(snapshot), which returns { account, history } — store both",
      },
    ],
    "account",
  );
}

/** Stored-form patterns for scales 0–18, built once. */
const CANONICAL_BY_SCALE: readonly RegExp[] = /* @__PURE__ */ Array.from({ length: 19 }, (_, scale) =>
  canonicalPattern(scale),
);

function unitsOf(text: unknown, scale: number, path: Path | (() => Path)): Units {
  // Stored form (exactly `scale` decimals) is read directly; anything else is checked and converted.
  if (text === "0") return 0;
  const canonical = CANONICAL_BY_SCALE[scale];
  if (typeof text === "string" && canonical !== undefined && canonical.test(text))
    return digitsToUnits(scale === 0 ? text : text.replace(".", ""));
  const u = typeof text === "string" ? toUnits(text, scale) : undefined;
  if (u === undefined)
    notAnAccount(
      typeof path === "function" ? path() : path,
      `expected a decimal string with at most ${scale} decimal places, got ${previewValue(text)}`,
    );
  return u;
}

function msOf(text: unknown, path: Path): number {
  const stored = storedInstant(text);
  if (!Number.isNaN(stored)) return stored;
  const ms = typeof text === "string" ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) notAnAccount(path, `expected an ISO-8601 instant, got ${previewValue(text)}`);
  return ms;
}

function settingsOfAccount(account: Account): Settings {
  const scale = account.scale;
  return {
    accountId: account.accountId,
    currency: account.currency,
    scale,
    negativeLimit: unitsOf(account.negativeLimit, scale, ["negativeLimit"]),
    retainDays: account.retainDays,
  };
}

function lastMs(account: Account): number {
  const last = account.entries[account.entries.length - 1];
  return last === undefined ? Number.NEGATIVE_INFINITY : msOf(last.at, ["entries", account.entries.length - 1, "at"]);
}

/**
 * The figures of a frozen snapshot lot, read once: a lot that does not change is shared by every
 * later snapshot (see toAccount), so a post onto a long-lived account would otherwise parse the same
 * decimal strings and instants of every kept lot again. Frozen objects cannot change, so the cache
 * cannot go stale; it holds the lot weakly.
 */
interface LotFigures {
  readonly scale: number;
  readonly expMs: number;
  readonly availableMs: number | undefined;
  readonly points: Units;
  readonly remaining: Units;
  readonly consumed: Units;
  readonly expired: Units;
  readonly reversed: Units;
  readonly clawedBack: Units;
}
const lotFigures = new WeakMap<Lot, LotFigures>();

/** The figures of a frozen snapshot debit, read once (as for lots): points, each allocation's points, deficit, reversed. */
interface DebitFigures {
  readonly scale: number;
  readonly points: Units;
  readonly allocs: readonly Units[];
  readonly deficit: Units;
  readonly reversed: Units;
}
const debitFigures = new WeakMap<Debit, DebitFigures>();

/** The id index of the entries of a snapshot this library wrote (see stateFromAccount), by its entries array. */
const indexOfEntries = new WeakMap<
  readonly Entry[],
  { readonly table: Int32Array; readonly mask: number; readonly size: number }
>();

/** Rebuilds the working state from a snapshot: O(lots + holds + debits), entries are shared. */
function stateFromAccount(account: Account): State {
  const settings = settingsOfAccount(account);
  const { scale } = settings;
  const state = emptyState(settings, account.entries.length + 1);
  state.base = account.version - account.entries.length;
  state.nowMs = lastMs(account);
  const stored = storedEntryChecker(scale);
  const instant: StoredInstants = { ms: 0, until: Number.NaN, units: undefined };
  // The snapshot's arrays are read with indexed loops, not forEach: Node 20's array methods take a
  // slow path on a frozen array (~30 ns an element against ~1.5), as the snapshot's arrays are.
  const entries = account.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry; // i < length: present
    // Frozen entries come from this module; others are copied so later changes by the caller cannot reach the new snapshot.
    if (Object.isFrozen(e)) {
      state.entries[i] = e;
      continue;
    }
    const checked = stored(e, instant);
    state.entries[i] =
      checked === undefined ? normalizeEntry(e, scale, ["account", "entries", i], "account") : storedCopy(checked);
  }
  state.count = account.entries.length;
  // The index of a snapshot this library wrote is built once and copied
  // (one small typed-array copy instead of hashing every kept id on every post).
  const frozenEntries = produced.has(account); // its entries are the library's own frozen ones
  const known = frozenEntries ? indexOfEntries.get(account.entries) : undefined;
  let repeat = -1;
  if (known !== undefined && known.mask === state.index.mask) {
    state.index.table.set(known.table);
    state.index.size = known.size;
  } else {
    repeat = idAddAll(state.index, account.entries); // the same ids as state.entries
    if (frozenEntries && repeat < 0)
      indexOfEntries.set(account.entries, {
        table: state.index.table.slice(),
        mask: state.index.mask,
        size: state.index.size,
      });
  }
  if (repeat >= 0)
    notAnAccount(
      ["entries", repeat, "transactionId"],
      `expected a transactionId not used by an earlier entry, got ${JSON.stringify(state.entries[repeat]?.transactionId)} again`,
    );
  const creator = (id: string, path: Path): number => {
    const pos = idGet(state.index, id);
    if (pos < 0) notAnAccount(path, `expected the transactionId of the entry that created it, got ${previewValue(id)}`);
    return pos;
  };
  const entryAt = (pos: number): Entry => state.entries[pos] as Entry; // pos from the index: present
  for (let i = 0; i < account.lots.length; i++) {
    const l = account.lots[i] as Lot; // i < length: present
    // Paths are built only when a lot's figures are read (a cached lot needs none).
    const lotPos = idGet(state.index, l.lotId);
    const pos = lotPos >= 0 ? lotPos : creator(l.lotId, ["lots", i, "lotId"]);
    const frozen = Object.isFrozen(l);
    let figures = frozen ? lotFigures.get(l) : undefined;
    if (figures === undefined || figures.scale !== scale) {
      const p: Path = ["lots", i];
      figures = {
        scale,
        expMs: l.expiresAt === undefined ? Number.POSITIVE_INFINITY : msOf(l.expiresAt, [...p, "expiresAt"]),
        availableMs: l.availableAt === undefined ? undefined : msOf(l.availableAt, [...p, "availableAt"]),
        points: unitsOf(l.points, scale, [...p, "points"]),
        remaining: unitsOf(l.remaining, scale, [...p, "remaining"]),
        consumed: unitsOf(l.consumed, scale, [...p, "consumed"]),
        expired: unitsOf(l.expired, scale, [...p, "expired"]),
        reversed: unitsOf(l.reversed, scale, [...p, "reversed"]),
        clawedBack: unitsOf(l.clawedBack, scale, [...p, "clawedBack"]),
      };
      if (frozen) lotFigures.set(l, figures);
    }
    const { expMs, points, remaining, consumed, expired, reversed, clawedBack } = figures;
    const { lotId, at, expiresAt } = l;
    const lot: LotS = withAvailableAt(
      expiresAt === undefined
        ? { lotId, at, points, remaining, consumed, expired, reversed, clawedBack }
        : { lotId, at, expiresAt, points, remaining, consumed, expired, reversed, clawedBack },
      l.availableAt,
    );
    const seq = state.lotCount++;
    state.lots[seq] = lot;
    state.lotExpMs[seq] = expMs;
    state.lotInHeap[seq] = false;
    state.lotSrc[seq] = Object.isFrozen(l) ? l : undefined;
    state.lotPos[seq] = pos;
    state.nodes[pos] = seq;
    if (figures.availableMs !== undefined && figures.availableMs > state.nowMs) {
      holdPending(state, seq, figures.availableMs);
    } else if (lot.remaining > 0) {
      if (expMs > state.nowMs) {
        state.live = add(state.live, lot.remaining);
        state.lotInHeap[seq] = true;
        keyedPush(state.heap, seq, expMs, seq);
      } else {
        state.lapsed.add(seq);
      }
    }
  }
  const allocsOf = (list: readonly { lotId: string; points: string }[], p: Path): Alloc[] =>
    list.map((a, j) => {
      const pos = idGet(state.index, a.lotId);
      const seq = pos < 0 ? undefined : state.nodes[pos];
      if (seq === undefined || seq < 0)
        notAnAccount(
          [...p, "lots", j, "lotId"],
          `expected the id of a lot in the account, got ${previewValue(a.lotId)}`,
        );
      return { lotId: seq, points: unitsOf(a.points, scale, () => [...p, "lots", j, "points"]) };
    });
  for (let i = 0; i < account.holds.length; i++) {
    const h = account.holds[i] as Hold; // i < length: present
    const p: Path = ["holds", i];
    const timeoutMs = h.timeoutAt === undefined ? Number.POSITIVE_INFINITY : msOf(h.timeoutAt, [...p, "timeoutAt"]);
    const pos = creator(h.holdId, [...p, "holdId"]);
    const entry = entryAt(pos);
    const points = unitsOf(h.points, scale, [...p, "points"]);
    const hold: HoldS = {
      holdId: h.holdId,
      entry,
      pos,
      at: h.at,
      points,
      timeoutAt: h.timeoutAt,
      timeoutMs,
      seq: i,
      active: timeoutMs > state.nowMs,
      debit: {
        transactionId: h.holdId,
        points,
        lots: allocsOf(h.lots, p),
        deficit: unitsOf(h.deficit, scale, [...p, "deficit"]),
        reversed: 0,
      },
      src: Object.isFrozen(h) && Object.isFrozen(h.lots) ? h : undefined,
    };
    state.holds.set(hold.holdId, hold);
    if (hold.active && Number.isFinite(timeoutMs)) keyedPush(state.timeouts, hold, timeoutMs, hold.seq);
  }
  state.holdSeq = account.holds.length;
  for (let i = 0; i < account.debits.length; i++) {
    const d = account.debits[i] as Debit; // i < length: present
    const pos = idGet(state.index, d.transactionId);
    if (pos < 0) creator(d.transactionId, ["debits", i, "transactionId"]); // throws
    const frozen = Object.isFrozen(d) && Object.isFrozen(d.lots);
    let figures = frozen ? debitFigures.get(d) : undefined;
    if (figures === undefined || figures.scale !== scale) {
      const p: Path = ["debits", i];
      figures = {
        scale,
        points: unitsOf(d.points, scale, () => [...p, "points"]),
        allocs: d.lots.map((a, j) => unitsOf(a.points, scale, () => [...p, "lots", j, "points"])),
        deficit: unitsOf(d.deficit, scale, () => [...p, "deficit"]),
        reversed: unitsOf(d.reversed, scale, () => [...p, "reversed"]),
      };
      if (frozen) debitFigures.set(d, figures);
    }
    const allocs = figures.allocs;
    const debit: DebitS = {
      transactionId: d.transactionId,
      points: figures.points,
      lots: d.lots.map((a, j): Alloc => {
        const at = idGet(state.index, a.lotId);
        const seq = at < 0 ? undefined : state.nodes[at];
        if (seq === undefined || seq < 0)
          notAnAccount(
            ["debits", i, "lots", j, "lotId"],
            `expected the id of a lot in the account, got ${previewValue(a.lotId)}`,
          );
        return { lotId: seq, points: allocs[j] as Units };
      }),
      deficit: figures.deficit,
      reversed: figures.reversed,
    };
    const k = state.debitCount++;
    state.debits[k] = debit;
    state.debitSrc[k] = frozen ? d : undefined;
    state.debitPos[k] = pos;
    state.nodes[pos] = -1 - k;
  }
  state.deficit = unitsOf(account.deficit, scale, ["deficit"]);
  return state;
}

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
    const node = state.nodes[pos];
    if (node === undefined) continue;
    if (node >= 0) {
      if ((state.lots[node] as LotS).remaining === 0) keepLot[node] = 0;
    } else keepDebit[-1 - node] = 0;
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
    const node = state.nodes[positionOf(state, e.reverses)];
    if (node === undefined || node < 0 || (state.lots[node] as LotS).clawedBack === 0) continue;
    const list = claws.get(node);
    if (list === undefined) claws.set(node, [k]);
    else list.push(k);
  }
  const stack: number[] = [];
  const keepLotSeq = (seq: number): void => {
    keepLot[seq] = 1;
    if (claws.has(seq)) stack.push(seq);
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
      lotsOut.push(
        state.lotSrc[k] ??
          (Object.freeze({
            ...l,
            points: f(l.points),
            remaining: f(l.remaining),
            consumed: f(l.consumed),
            expired: f(l.expired),
            reversed: f(l.reversed),
            clawedBack: f(l.clawedBack),
          }) as Lot),
      );
    }
  } else {
    ({ debitsOut, lotsOut } = writeInPlace(state, keep, f, lotIdOf));
  }
  // The working state is discarded after this call (every caller writes it out last), so its
  // entries array is cut to the entries applied and frozen in place rather than copied. Entries a
  // replay took as they came (from copyFrom on) are written in their stored form, only those kept.
  const entries = keep === undefined ? state.entries : state.entries.filter((_, pos) => keep.keepEntry[pos] === 1);
  const copyFrom = state.copyFrom;
  if (copyFrom < state.count) {
    for (let pos = 0, j = 0; pos < state.count; pos++) {
      if (keep !== undefined && keep.keepEntry[pos] === 0) continue;
      if (pos >= copyFrom) entries[j] = storedCopy(entries[j] as Entry); // j < entries.length: present
      j++;
    }
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
const CARRIED: unique symbol = Symbol("loyalty-kit ledger state");

/**
 * What a snapshot carries: `make` gives a fresh working state on each call (see {@link carryState}).
 * The first post onto the snapshot (the usual case: each post onto the previous one's result) works
 * on what `make` gives; a snapshot posted onto again keeps one made state and works on copies of it
 * ({@link cloneState}, cheaper than `make` on an old account: nothing to drop or renumber).
 */
interface Carrier {
  readonly make: () => State;
  used: boolean;
  kept: State | undefined;
}

/** The working state of a snapshot: made from what a snapshot this library wrote carries, else rebuilt from the snapshot. */
function workingState(account: Account): State {
  // Only a snapshot this library wrote: it was frozen with its carrier, which nobody else can add.
  const carrier = produced.has(account) ? (account as { [CARRIED]?: Carrier })[CARRIED] : undefined;
  if (carrier === undefined) return stateFromAccount(account);
  if (!carrier.used) {
    carrier.used = true;
    return carrier.make();
  }
  carrier.kept ??= carrier.make();
  return cloneState(carrier.kept);
}

/** A working copy of a kept state: its own arrays, heaps and holds; lots and debits shared until changed (see {@link touch}). */
function cloneState(t: State): State {
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
    index: idCopy(t.index, entries),
    nodes: t.nodes.slice(),
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
  let newPos: Int32Array | undefined;
  let lotMap: Int32Array | undefined;
  if (keep !== undefined) {
    newPos = new Int32Array(state.count).fill(-1);
    for (let pos = 0, j = 0; pos < state.count; pos++) if (keep.keepEntry[pos] === 1) newPos[pos] = j++;
    lotMap = new Int32Array(state.lotCount).fill(-1);
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
  const nodes = new Array<number | undefined>(count);
  let live: Units = 0;
  let pending: Units = 0;
  let seq = 0;
  for (let k = 0; k < state.lotCount; k++) {
    if (keep !== undefined && keep.keepLot[k] === 0) continue;
    const l = state.lots[k] as LotS; // k < lotCount: present
    const expMs = state.lotExpMs[k] as number;
    lots[seq] = l;
    lotExpMs[seq] = expMs;
    const pos = at(state.lotPos[k] as number);
    lotPos[seq] = pos;
    nodes[pos] = seq;
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
    debits[j] = moved(d.lots) ? { ...copyDebit(d), lots: remap(d.lots) } : d;
    const pos = at(state.debitPos[k] as number);
    debitPos[j] = pos;
    nodes[pos] = -1 - j;
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
      debit: { ...copyDebit(h.debit), lots: remap(h.debit.lots), reversed: 0 },
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
    index: newPos === undefined ? idCopy(state.index, entries) : idRemap(state.index, newPos, entries, count),
    nodes,
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

// ---------------------------------------------------------------------------------------------
// Tampered snapshots

/**
 * The snapshots this copy of the library wrote itself (openAccount, post, postMany, replayAccount,
 * parseAccount): frozen, so their figures are what the entries gave. A snapshot from anywhere else —
 * JSON read back from storage, an edited copy — is checked before its figures are used: every lot
 * against the entry that created it, every debit and hold against its lots, the checkpoint's balance
 * against the lots (see {@link checkFigures}). Call parseAccount once after loading JSON to pay that
 * check once; pass it the stored history to check the snapshot against every entry.
 */
const produced = new WeakSet<object>();

function verifyDerived(account: Account): void {
  if (produced.has(account)) return;
  checkFigures(account, stateFromAccount(account));
}

function edited(path: Path, message: string): never {
  notAnAccount(
    path,
    `${message} (the snapshot was edited outside loyalty-kit); reload it with replayAccount(history), or use the snapshot post returned`,
  );
}

/**
 * Checks that a snapshot's figures add up, in O(lots + holds + debits): the bounded snapshot no longer
 * holds every entry, so this cannot replay them (parseAccount with `{ history }` does). What it
 * catches: a lot whose points differ from its entry's, a lot or debit whose parts do not sum to its
 * points, more points taken from a lot than it lost, a checkpoint that is not the snapshot's.
 */
/** The instant a credit's lot counts from: a late sale's `earnedAt`, else the entry's `at`. */
function lotAt(e: Entry): string {
  return e.kind === "earn" ? (e.earnedAt ?? e.at) : e.at;
}

export function checkFigures(account: Account, state: State): void {
  const { scale } = state.settings;
  const entryOf = (id: string): Entry | undefined => {
    const pos = idGet(state.index, id);
    return pos < 0 ? undefined : state.entries[pos];
  };
  const taken = new Array<Units>(state.lotCount).fill(0);
  const sumAllocs = (allocs: readonly Alloc[]): Units => {
    let t: Units = 0;
    for (const x of allocs) {
      t = add(t, x.points);
      taken[x.lotId] = add(taken[x.lotId] as Units, x.points);
    }
    return t;
  };
  for (let seq = 0; seq < state.lotCount; seq++) {
    const lot = state.lots[seq] as LotS;
    const parts = add(add(lot.remaining, lot.consumed), add(lot.expired, lot.reversed));
    if (parts !== lot.points)
      edited(["lots"], `lot ${JSON.stringify(lot.lotId)}: remaining + consumed + expired + reversed is not its points`);
    const e = entryOf(lot.lotId);
    const credit = e !== undefined && (e.kind === "earn" || (e.kind === "adjust" && !e.points.startsWith("-")));
    if (credit && e !== undefined && "points" in e) {
      if (
        pts(state, e.points ?? "0") !== lot.points ||
        lotAt(e) !== lot.at ||
        e.expiresAt !== lot.expiresAt ||
        (e.kind === "earn" ? e.availableAt : undefined) !== lot.availableAt
      )
        edited(
          ["lots"],
          `lot ${JSON.stringify(lot.lotId)} does not match what replaying the entries gives: its ${e.kind} entry credits ${e.points ?? ""} points at ${e.at}${e.expiresAt === undefined ? "" : ` until ${e.expiresAt}`}, the lot says ${fmt(state, lot.points)}`,
        );
    } else if (lot.expiresAt !== undefined) {
      edited(["lots"], `lot ${JSON.stringify(lot.lotId)} has an expiry but was not created by an earn or adjust`);
    }
  }
  for (let pos = 0; pos < state.count; pos++) {
    const e = state.entries[pos] as Entry;
    const node = state.nodes[pos];
    const credit = e.kind === "earn" || (e.kind === "adjust" && !e.points.startsWith("-"));
    const debit = e.kind === "redeem" || e.kind === "capture" || e.kind === "adjust";
    if (credit ? node === undefined || node < 0 : debit && (node === undefined || node >= 0))
      edited(
        ["entries", pos],
        `the ${e.kind} ${JSON.stringify(e.transactionId)} has no ${credit ? "lot" : "debit"} in the snapshot`,
      );
  }
  for (let k = 0; k < state.debitCount; k++) {
    const d = state.debits[k] as DebitS;
    if (add(add(sumAllocs(d.lots), d.deficit), d.reversed) !== d.points)
      edited(["debits"], `debit ${JSON.stringify(d.transactionId)}: its lots + deficit + reversed is not its points`);
    const e = entryOf(d.transactionId);
    const expected =
      e?.kind === "redeem" ? pts(state, e.points) : e?.kind === "adjust" ? neg(pts(state, e.points)) : undefined;
    if (expected !== undefined && expected !== d.points)
      edited(["debits"], `debit ${JSON.stringify(d.transactionId)} does not match what replaying the entries gives`);
  }
  for (const h of state.holds.values()) {
    const e = h.entry;
    const taken = add(sumAllocs(h.debit.lots), h.debit.deficit);
    if (e.kind !== "hold" || pts(state, e.points) !== h.points || taken > h.points)
      edited(["holds"], `hold ${JSON.stringify(h.holdId)} does not match what replaying the entries gives`);
  }
  for (let seq = 0; seq < state.lotCount; seq++) {
    if ((taken[seq] as Units) > (state.lots[seq] as LotS).consumed)
      edited(
        ["lots"],
        `lot ${JSON.stringify((state.lots[seq] as LotS).lotId)}: debits and holds took more points from it than it says were consumed`,
      );
  }
  const cp = account.checkpoint;
  const last = account.entries[account.entries.length - 1];
  if (cp.version !== account.version)
    edited(["checkpoint", "version"], `expected the account's version ${account.version}, got ${cp.version}`);
  if (last !== undefined && cp.at !== undefined && msOf(cp.at, ["checkpoint", "at"]) !== msOf(last.at, ["entries"]))
    edited(["checkpoint", "at"], `expected the newest entry's instant ${last.at}, got ${cp.at}`);
  if ((last === undefined) !== (cp.at === undefined))
    edited(["checkpoint", "at"], "expected an instant exactly when the account has entries");
  const bal = toUnits(cp.balance, scale);
  if (bal === undefined || bal !== available(state))
    edited(
      ["checkpoint", "balance"],
      `expected the balance the lots give (${fmt(state, available(state))}), got ${previewValue(cp.balance)}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Time and balance

function available(state: State): Units {
  return sub(state.live, state.deficit);
}

/** Moves the state's clock to `ms`: lots past expiry lapse, holds past timeout stop reserving. */
function advance(state: State, ms: number): void {
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

function fmt(state: State, u: Units): string {
  return fromUnits(u, state.settings.scale);
}

/** Throws InsufficientPointsError unless `need` more points can be taken. */
function ensureAvailable(state: State, need: Units): void {
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

// ---------------------------------------------------------------------------------------------
// Lots and debits

/**
 * Marks a lot changed, so it is written out rather than its snapshot object reused, and returns it
 * to change: a lot still shared with the snapshot it came from (see {@link carryState}) is copied
 * first. Every change of a lot goes through here.
 */
function touch(state: State, seq: number): LotS {
  return ownLot(state, seq);
}

/** Returns debit `k` to change, copied first when shared with the snapshot's carried state (as {@link touch} does for lots). */
function ownDebit(state: State, k: number): DebitS | undefined {
  const d = state.debits[k];
  if (d === undefined || state.debitSrc[k] === undefined) return d;
  const own = copyDebit(d);
  state.debits[k] = own;
  state.debitSrc[k] = undefined;
  return own;
}

function copyDebit(d: DebitS): DebitS {
  return {
    transactionId: d.transactionId,
    points: d.points,
    lots: d.lots.length === 0 ? (NO_LOTS as Alloc[]) : d.lots.map((a) => ({ lotId: a.lotId, points: a.points })),
    deficit: d.deficit,
    reversed: d.reversed,
  };
}

/**
 * Creates the lot of `entry` (its id is the entry's transactionId); a negative balance is repaid from it first.
 * `knownExpMs` is the epoch ms of `expiresAt` when the caller parsed it already (NaN otherwise).
 */
function createLot(
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
  state.lotSrc[seq] = undefined;
  state.lotPos[seq] = pos;
  state.nodes[pos] = seq;
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
function takeFrom(state: State, seq: number, amount: Units): void {
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

/** A new debit for the entry being applied. */
function newDebit(state: State, entry: Entry): DebitS {
  const debit: DebitS = {
    transactionId: entry.transactionId,
    points: 0,
    lots: NO_LOTS as Alloc[],
    deficit: 0,
    reversed: 0,
  };
  const k = state.debitCount++;
  state.debits[k] = debit;
  state.debitSrc[k] = undefined;
  state.debitPos[k] = state.count;
  state.nodes[state.count] = -1 - k;
  return debit;
}

/** Consumes `amount` from spendable lots in redeem order; what the lots cannot cover becomes deficit. */
function consume(state: State, amount: Units, debit: DebitS): void {
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

// ---------------------------------------------------------------------------------------------
// Applying entries

/** The position of an applied entry (not the one being applied), or -1. */
function positionOf(state: State, transactionId: string): number {
  const pos = idGet(state.index, transactionId);
  return pos < state.count ? pos : -1;
}

function lookup(state: State, transactionId: string): Entry | undefined {
  const pos = positionOf(state, transactionId);
  return pos < 0 ? undefined : state.entries[pos];
}

function pts(state: State, text: string): Units {
  // Entries reaching apply are in stored form: points have exactly the account's scale, so the
  // units are the digits without the point.
  return digitsToUnits(state.settings.scale === 0 ? text : text.replace(".", ""));
}

function badEntry(path: Path, message: string, what: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

function openHold(state: State, holdId: string, event: "capture" | "release", where: Where): HoldS {
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

/** Where an entry sits, for error paths: built only when an error is thrown. */
interface Where {
  readonly base: Path;
  index: number | undefined;
  readonly what: string;
  /** See {@link PostInternals.droppedCredits}. */
  readonly droppedCredits?: boolean;
}

/** What only the library's own callers of {@link postEntries} may ask for. */
export interface PostInternals {
  /**
   * A reverse (with explicit points and a shortfall policy other than "reject") of a credit that is
   * not in a snapshot which has dropped entries is the reverse of a credit whose lot left it: a lot
   * leaves the snapshot only when it is empty, so all of it is shortfall, settled by the policy —
   * what reversing the empty lot itself does. The caller vouches for the amount (a program refund
   * takes it from the checkout record); otherwise such a reverse is NOT_FOUND.
   */
  readonly droppedCredits?: boolean;
}

/**
 * The conflict for a transactionId posted again with a different payload, naming the first field
 * that differs (as TigerBeetle's `exists_with_different_*` results do).
 */
function idempotencyConflict(stored: Entry, posted: Entry): IdempotencyConflictError {
  const path = firstDifference(stored, posted) ?? [];
  const field = path.length === 0 ? "payload" : path.map(String).join(".");
  const at = (v: unknown): unknown => {
    let x = v;
    for (const k of path) x = typeof x === "object" && x !== null ? (x as Record<string, unknown>)[k] : undefined;
    return x;
  };
  const show = (v: unknown): string => (v === undefined ? "absent" : previewValue(v));
  const was = at(stored);
  const now = at(posted);
  return new IdempotencyConflictError(
    stored.transactionId,
    `transaction ${JSON.stringify(stored.transactionId)} was already posted with a different ${field} (stored ${show(was)}, now ${show(now)}); post a retry with exactly the stored payload, or use a new transactionId for a new operation`,
    { field, path, stored: was ?? null, posted: now ?? null },
  );
}

function pathOf(where: Where): Path {
  return where.index === undefined ? where.base : [...where.base, where.index];
}

/**
 * Applies one entry at `read.ms` (its `at`); `read.until` is the epoch ms of its expiresAt/timeoutAt
 * when already parsed (NaN otherwise), `read.units` the units of its points when already read. (One
 * reused object rather than three arguments: epoch-ms doubles passed as arguments are boxed on
 * every call in replay's hot loop.)
 */
function applyEntry(state: State, e: Entry, read: StoredInstants, where: Where): void {
  const ms = read.ms;
  const untilMs = read.until;
  const units = read.units;
  if (ms < state.nowMs) {
    badEntry(
      [...pathOf(where), "at"],
      `expected an instant at or after the account's last entry (${new Date(state.nowMs).toISOString()}), got ${e.at}`,
      where.what,
    );
  }
  // Most entries move time on without a lot lapsing or a hold timing out: then only the clock moves.
  if (keyedTopFirst(state.heap) <= ms || keyedTopFirst(state.timeouts) <= ms || keyedTopFirst(state.pendingHeap) <= ms)
    advance(state, ms);
  else state.nowMs = ms;
  switch (e.kind) {
    case "earn":
      createLot(state, e, state.count, e.expiresAt, units ?? pts(state, e.points), e.earnedAt ?? e.at, untilMs);
      break;
    case "redeem": {
      const p = units ?? pts(state, e.points);
      ensureAvailable(state, p);
      consume(state, p, newDebit(state, e));
      break;
    }
    case "expire":
      for (const seq of state.lapsed) {
        const lot = touch(state, seq);
        lot.expired = add(lot.expired, lot.remaining);
        lot.remaining = 0;
      }
      state.lapsed.clear();
      break;
    case "adjust": {
      const p = units ?? pts(state, e.points);
      if (p > 0) {
        createLot(state, e, state.count, e.expiresAt, p, e.at, untilMs);
      } else {
        ensureAvailable(state, neg(p));
        consume(state, neg(p), newDebit(state, e));
      }
      break;
    }
    case "reverse":
      applyReverse(state, e, where, units);
      break;
    case "hold": {
      const p = units ?? pts(state, e.points);
      ensureAvailable(state, p);
      const timeoutMs =
        e.timeoutAt === undefined ? Number.POSITIVE_INFINITY : Number.isNaN(untilMs) ? instantMs(e.timeoutAt) : untilMs;
      const debit: DebitS = {
        transactionId: e.transactionId,
        points: 0,
        lots: NO_LOTS as Alloc[],
        deficit: 0,
        reversed: 0,
      };
      consume(state, p, debit);
      // Open holds keep creation order, so a counter above every earlier hold's index keeps seq in that order.
      const hold: HoldS = {
        holdId: e.transactionId,
        entry: e,
        pos: state.count,
        at: e.at,
        points: p,
        timeoutAt: e.timeoutAt,
        timeoutMs,
        seq: state.holdSeq++,
        active: true,
        debit,
        src: undefined,
      };
      state.holds.set(hold.holdId, hold);
      if (Number.isFinite(timeoutMs)) keyedPush(state.timeouts, hold, timeoutMs, hold.seq);
      break;
    }
    case "capture": {
      const hold = openHold(state, e.holdId, "capture", where);
      if (!hold.active) {
        throw new OperationError(
          ErrorCode.HOLD_TIMED_OUT,
          `capture: hold ${JSON.stringify(hold.holdId)} timed out at ${hold.timeoutAt ?? ""} and no longer reserves points; release it, then hold or redeem again`,
          { holdId: hold.holdId, timeoutAt: hold.timeoutAt ?? null },
        );
      }
      const p = e.points === undefined ? hold.points : (units ?? pts(state, e.points));
      if (p > hold.points)
        throw new OperationError(
          ErrorCode.CAPTURE_EXCEEDS_HOLD,
          `capture: points: expected at most the ${fmt(state, hold.points)} points held by ${JSON.stringify(hold.holdId)}, got ${e.points ?? ""}; capture at most the held points (omit points to capture all of them)`,
          { holdId: hold.holdId, held: fmt(state, hold.points), requested: e.points ?? null },
        );
      // Keep the first-consumed (soonest-expiring) part, give the rest back, and book it as a debit.
      restore(state, hold.debit, sub(hold.points, p), hold.entry, hold.pos, e.at);
      state.holds.delete(hold.holdId);
      hold.active = false;
      const debit = newDebit(state, e);
      debit.points = p;
      debit.deficit = hold.debit.deficit;
      debit.lots = hold.debit.lots.map((a) => ({ lotId: a.lotId, points: a.points }));
      break;
    }
    case "release": {
      const hold = openHold(state, e.holdId, "release", where);
      state.holds.delete(hold.holdId);
      if (hold.active) restore(state, hold.debit, hold.points, hold.entry, hold.pos, e.at);
      hold.active = false;
      break;
    }
    default: {
      const never: never = e;
      return never;
    }
  }
  state.entries[state.count++] = e;
}

function applyReverse(
  state: State,
  e: Extract<Entry, { kind: "reverse" }>,
  where: Where,
  units: Units | undefined,
): void {
  const target = lookup(state, e.reverses);
  if (target === undefined && where.droppedCredits === true && state.base > 0 && e.points !== undefined) {
    const policy = e.shortfall ?? "reject";
    if (policy !== "reject") {
      const r = units ?? pts(state, e.points);
      const rest = available(state);
      const take = policy === "deduct-available" ? minU(r, rest > 0 ? rest : 0) : r;
      if (take > 0) consume(state, take, newDebit(state, e));
      return;
    }
  }
  if (target === undefined) {
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `reverse: no entry with transactionId ${JSON.stringify(e.reverses)} in account ${JSON.stringify(state.settings.accountId)}`,
      { transactionId: e.reverses },
    );
  }
  const pos = positionOf(state, target.transactionId);
  const node = state.nodes[pos] ?? Number.NaN;
  const seq = node >= 0 ? node : undefined;
  const lot = seq === undefined ? undefined : state.lots[seq];
  // About to change (or the state is dropped on a throw): written out, not reused from the snapshot.
  const debit = node < 0 ? ownDebit(state, -1 - node) : undefined;
  const isCredit = (target.kind === "earn" || target.kind === "adjust") && lot !== undefined;
  const isDebit =
    (target.kind === "redeem" || target.kind === "capture" || target.kind === "adjust") && debit !== undefined;
  if (!isCredit && !isDebit) {
    badEntry(
      [...pathOf(where), "reverses"],
      `expected the transactionId of an earn, redeem, adjust or capture entry, got ${JSON.stringify(e.reverses)} which is a ${target.kind}${target.kind === "hold" ? " (release it instead)" : ""}`,
      where.what,
    );
  }
  const left =
    isCredit && lot !== undefined
      ? sub(sub(lot.points, lot.reversed), lot.clawedBack)
      : debit !== undefined
        ? sub(debit.points, debit.reversed)
        : 0;
  const r = e.points === undefined ? left : (units ?? pts(state, e.points));
  if (r > left || r === 0) {
    badEntry(
      [...pathOf(where), "points"],
      `expected at most ${fmt(state, left)} points (what is left to reverse of ${JSON.stringify(e.reverses)}), got ${e.points ?? fmt(state, r)}`,
      where.what,
    );
  }
  if (isCredit && seq !== undefined) reverseCredit(state, e, seq, r);
  else if (debit !== undefined) reverseDebit(state, e, debit, r);
}

/** Takes a credit back: first out of its own lot, then the shortfall by the entry's policy. */
function reverseCredit(state: State, e: Extract<Entry, { kind: "reverse" }>, seq: number, r: Units): void {
  const lot = state.lots[seq] as LotS; // seq of a lot: present
  const policy = e.shortfall ?? "reject";
  // The points still in the lot are the credit's own: they are always taken straight back (what
  // unconsumedPoints promises), whatever the balance, live or lapsed. The policy governs only the
  // shortfall — the part already spent or expired.
  const fromLot = minU(r, lot.remaining);
  if (policy === "reject" && fromLot < r) {
    throw new InsufficientPointsError(
      fmt(state, r),
      fmt(state, fromLot),
      `reverse of ${JSON.stringify(e.reverses)}: requested ${fmt(state, r)}, but only ${fmt(state, fromLot)} are still in its lot (the rest was spent or expired); pass shortfall "deduct-available" or "negative-balance" to settle the rest`,
    );
  }
  if (fromLot > 0) {
    takeFrom(state, seq, fromLot);
    const own = touch(state, seq);
    own.reversed = add(own.reversed, fromLot);
  }
  const shortfall = sub(r, fromLot);
  if (shortfall === 0) return;
  const own = touch(state, seq);
  own.clawedBack = add(own.clawedBack, shortfall);
  let take = shortfall;
  if (policy === "deduct-available") {
    const rest = available(state);
    take = minU(shortfall, rest > 0 ? rest : 0);
  }
  if (take > 0) consume(state, take, newDebit(state, e));
}

/** Gives `r` points of a debit back (see {@link restore}) and counts them as reversed. */
function reverseDebit(state: State, e: Extract<Entry, { kind: "reverse" }>, debit: DebitS, r: Units): void {
  debit.reversed = add(debit.reversed, r);
  restore(state, debit, r, e, state.count, e.at);
}

/**
 * Gives up to `amount` points of a debit back: the part that went into a negative balance first,
 * then its lots, most recently consumed first. If that negative balance was since repaid by a later
 * credit, the repaid part comes back as a new lot without expiry, named after `credit`.
 */
function restore(state: State, debit: DebitS, amount: Units, credit: Entry, creditPos: number, at: string): void {
  let rest = amount;
  const fromDeficit = minU(rest, debit.deficit);
  if (fromDeficit > 0) {
    debit.deficit = sub(debit.deficit, fromDeficit);
    rest = sub(rest, fromDeficit);
    const cut = minU(fromDeficit, state.deficit);
    state.deficit = sub(state.deficit, cut);
    if (fromDeficit > cut) {
      // Undoing a clawback (see giveBack) inside the same entry may come here twice: one lot per entry.
      const node = state.nodes[creditPos];
      const own = node !== undefined && node >= 0 ? state.lots[node] : undefined;
      if (node !== undefined && own !== undefined && own.lotId === credit.transactionId) {
        const mine = touch(state, node);
        mine.points = add(mine.points, sub(fromDeficit, cut));
        addBack(state, node, sub(fromDeficit, cut));
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

// ---------------------------------------------------------------------------------------------
// Public operations

export function postEntries(
  account: Account,
  inputs: readonly EntryInput[],
  options: PostOptions,
  many: boolean,
  internals: PostInternals = {},
): PostManyResult {
  const what = many ? "postMany" : "post";
  account = readAccount(account);
  if (typeof options !== "object" || options === null)
    badEntry(["options"], `expected an options object, got ${previewValue(options)}`, what);
  const expectedVersion: unknown = options.expectedVersion;
  if (
    expectedVersion !== undefined &&
    (typeof expectedVersion !== "number" || !Number.isInteger(expectedVersion) || expectedVersion < 0)
  ) {
    badEntry(
      ["expectedVersion"],
      `expected a non-negative integer version, got ${previewValue(expectedVersion)}`,
      what,
    );
  }
  if (many && !Array.isArray(inputs)) badEntry([], `expected an array of entries, got ${previewValue(inputs)}`, what);
  const { scale } = account;
  const normalized = inputs.map((input, i) => normalizeEntry(input, scale, many ? [i] : [], what));
  // Few entries (the usual post): scan the ledger; many: index it once.
  const existing = new Map<string, Entry>();
  const earlier = (id: string): Entry | undefined => {
    const known = existing.get(id);
    if (known !== undefined || normalized.length > 8) return known;
    const list = account.entries;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]?.transactionId === id) return list[i];
    return undefined;
  };
  if (normalized.length > 8) for (const e of account.entries) existing.set(e.transactionId, e);
  const results: { transactionId: string; status: "applied" | "duplicate" }[] = [];
  const fresh: { entry: Entry; index: number }[] = [];
  normalized.forEach((entry, index) => {
    const before = earlier(entry.transactionId);
    if (before === undefined) {
      existing.set(entry.transactionId, entry);
      fresh.push({ entry, index });
      results.push({ transactionId: entry.transactionId, status: "applied" });
    } else if (jsonEqual(before, entry)) {
      results.push({ transactionId: entry.transactionId, status: "duplicate" });
    } else {
      throw idempotencyConflict(before, entry);
    }
  });
  if (fresh.length === 0) return { status: "duplicate", account, results, history: NO_HISTORY };
  if (expectedVersion !== undefined && expectedVersion !== account.version)
    throw new VersionConflictError(expectedVersion, account.version);
  const state = workingState(account);
  const where: Where = { base: [], index: undefined, what, droppedCredits: internals.droppedCredits === true };
  idAddAll(
    state.index,
    fresh.map(({ entry }) => entry),
  ); // fresh: checked against every earlier id above
  for (const { entry, index } of fresh) {
    where.index = many ? index : undefined;
    applyEntry(state, entry, { ms: instantMs(entry.at), until: Number.NaN, units: undefined }, where);
  }
  const history = Object.freeze(
    fresh.map(({ entry }, i) =>
      Object.freeze({ accountId: account.accountId, sequence: account.version + i + 1, entry }),
    ),
  );
  return { status: "applied", account: toAccount(state, true), results, history };
}

const NO_HISTORY: readonly LedgerHistoryRecord[] = /* @__PURE__ */ Object.freeze([]);

interface RunOptions {
  /** Start from this state (a snapshot's) instead of an empty one. */
  readonly initial?: State;
  /** Apply only entries at or before this instant. */
  readonly untilMs?: number;
  /** Called around each entry (for statements). */
  readonly onEntry?: (state: State, entry: Entry, apply: () => void) => void;
  readonly wrapErrors?: boolean;
}

function hasStringId(input: unknown): boolean {
  return (
    typeof input === "object" &&
    input !== null &&
    typeof (input as { transactionId?: unknown }).transactionId === "string"
  );
}

function run(inputs: readonly unknown[], settings: Settings, options: RunOptions = {}): State {
  const state = options.initial ?? emptyState(settings, inputs.length);
  const stored = storedEntryChecker(settings.scale);
  const wrap = options.wrapErrors === true;
  // A history replayed onto a snapshot was accepted once: a reverse of a credit the snapshot dropped is settled as it was.
  const where: Where = {
    base: wrap ? ["entries"] : [],
    index: 0,
    what: wrap ? "account" : "replay",
    droppedCredits: options.initial !== undefined,
  };
  const untilMs = options.untilMs ?? Number.POSITIVE_INFINITY;
  const onEntry = options.onEntry;
  // Entries are kept as they came (the stored-form check does not copy): toAccount copies those it keeps.
  state.copyFrom = Math.min(state.copyFrom, state.count);
  const instant: StoredInstants = { ms: 0, until: Number.NaN, units: undefined };
  // Every id is indexed up front, which also finds the first repeated one. An input without a string
  // transactionId fails validation when its turn comes, so only the inputs before it are indexed.
  let valid = 0;
  while (valid < inputs.length && hasStringId(inputs[valid])) valid++;
  const repeat = idAddAll(
    state.index,
    (valid === inputs.length ? inputs : inputs.slice(0, valid)) as readonly { transactionId: string }[],
  );
  let i = 0;
  try {
    for (; i < inputs.length; i++) {
      const input = inputs[i];
      where.index = i;
      let e = stored(input, instant);
      if (e === undefined) {
        e = normalizeEntry(input, settings.scale, pathOf(where), where.what);
        instant.ms = instantMs(e.at);
        instant.until = Number.NaN;
        instant.units = undefined;
      }
      if (instant.ms > untilMs) break;
      if (i === repeat)
        badEntry(
          [...pathOf(where), "transactionId"],
          `expected a transactionId not used by an earlier entry, got ${JSON.stringify(e.transactionId)} again`,
          where.what,
        );
      if (onEntry === undefined) applyEntry(state, e, instant, where);
      else onEntry(state, e, () => applyEntry(state, e, instant, where)); // called at once, before `instant` is reused
    }
  } catch (err) {
    if (wrap && err instanceof LoyaltyError && !(err instanceof LoyaltyValidationError)) {
      throw new LoyaltyValidationError(
        [{ path: ["entries", i], message: `cannot be replayed: ${err.message}` }],
        "account",
      );
    }
    throw err;
  }
  return state;
}

function mismatch(
  accountId: string,
  field: string,
  expected: string | number | null,
  actual: string | number | null,
  message: string,
): never {
  throw new OperationError(ErrorCode.HISTORY_MISMATCH, message, { accountId, field, expected, actual });
}

/**
 * The entries of a history: plain entries pass through; {@link LedgerHistoryRecord}s (objects with
 * `sequence` and `entry`) must belong to the account and follow on from `version` without a gap.
 */
export function entriesOfHistory(inputs: readonly unknown[], accountId: string, version: number): unknown[] {
  return inputs.map((input, i) => {
    if (typeof input !== "object" || input === null || !("entry" in input) || !("sequence" in input)) return input;
    const r = input as { accountId?: unknown; sequence?: unknown; entry: unknown };
    if (r.accountId !== accountId)
      mismatch(
        accountId,
        "accountId",
        accountId,
        typeof r.accountId === "string" ? r.accountId : null,
        `history[${i}] belongs to account ${previewValue(r.accountId)}, not ${JSON.stringify(accountId)}; pass only this account's history records`,
      );
    if (r.sequence !== version + i + 1)
      mismatch(
        accountId,
        "sequence",
        version + i + 1,
        typeof r.sequence === "number" ? r.sequence : null,
        `history[${i}] has sequence ${previewValue(r.sequence)} where ${version + i + 1} follows (a gap, a repeat or another order); pass the account's history records in sequence order${version === 0 ? "" : `, starting after the snapshot's version ${version}`}`,
      );
    return r.entry;
  });
}

/** Replays a history onto a snapshot (or from nothing), checking the history follows on from it. */
export function replayOnto(inputs: readonly unknown[], settings: Settings, from: Account | undefined): Account {
  if (from === undefined) {
    return toAccount(run(entriesOfHistory(inputs, settings.accountId, 0), settings));
  }
  from = readAccount(from);
  if (from.accountId !== settings.accountId)
    mismatch(
      settings.accountId,
      "accountId",
      settings.accountId,
      from.accountId,
      `replay: the snapshot passed as from is account ${JSON.stringify(from.accountId)}, not ${JSON.stringify(settings.accountId)}`,
    );
  const entries = entriesOfHistory(inputs, from.accountId, from.version);
  const initial = stateFromAccount(from);
  return toAccount(run(entries, initial.settings, { initial }));
}

/** A snapshot read from JSON (already schema-checked): its figures checked, written out as the library's own. */
export function fromSnapshot(account: Account): Account {
  // As readAccount, but the working state is built once: the figures are checked on the state the new snapshot is written from.
  if (isStoredForm(account)) account = storedParsers.parse(account);
  checkShape(account);
  const state = stateFromAccount(account);
  if (!produced.has(account)) checkFigures(account, state);
  // The lots' figures are known here: remembered for the lots written, so the first post onto a
  // snapshot just read (parseAccount of stored JSON) does not parse them again.
  const figures: LotFigures[] = [];
  for (let seq = 0; seq < state.lotCount; seq++) {
    const l = state.lots[seq] as LotS;
    const availableMs = l.availableAt === undefined ? undefined : instantMs(l.availableAt);
    const { points, remaining, consumed, expired, reversed, clawedBack } = l;
    const expMs = state.lotExpMs[seq] as number;
    figures.push({
      scale: state.settings.scale,
      expMs,
      availableMs,
      points,
      remaining,
      consumed,
      expired,
      reversed,
      clawedBack,
    });
  }
  const lots = state.lots;
  // Not carried (see carryState): a snapshot read from storage is usually posted onto once, and the
  // post rebuilds its state as cheaply as carrying would (its lots' figures are remembered below).
  const out = toAccount(state);
  for (let seq = 0; seq < figures.length; seq++) {
    const lot = lots[seq] as unknown as Lot; // written in place by toAccount (frozen), or the snapshot's own lot
    if (Object.isFrozen(lot) && !lotFigures.has(lot)) lotFigures.set(lot, figures[seq] as LotFigures);
  }
  return out;
}

/** Throws HISTORY_REQUIRED when `ms` is before the newest entry and the snapshot dropped older entries. */
function needHistory(account: Account, ms: number, what: string): void {
  if (account.version === account.entries.length) return;
  const newest = account.checkpoint.at ?? "";
  const after = what === "at" ? `at or after ${newest}` : `after ${newest}`;
  throw new OperationError(
    ErrorCode.HISTORY_REQUIRED,
    `${what} ${new Date(ms).toISOString()} is before the snapshot's newest entry (${newest}) and the snapshot keeps only the last ${account.retainDays} days and what is still open; ask for an instant ${after}, or pass the account's history (statement(account, { from, to, history }), or replayAccount(history, settings) for a past balance)`,
    { accountId: account.accountId, retainedFrom: account.entries[0]?.at ?? null },
  );
}

/** The working state at instant `ms`: from the snapshot when `ms` is at or after its last entry, by replaying a prefix otherwise. */
function stateAt(account: Account, ms: number): State {
  if (ms < lastMs(account)) needHistory(account, ms, "at");
  const state =
    ms >= lastMs(account) ? workingState(account) : run(account.entries, settingsOfAccount(account), { untilMs: ms });
  advance(state, ms);
  return state;
}

export function balanceOf(account: Account, at: string | Date): string {
  account = readAccount(account);
  const ms = parseInstant(at, "at");
  const { scale } = account;
  if (ms < lastMs(account) || releasesBy(account, ms)) {
    const past = stateAt(account, ms);
    return fmt(past, available(past));
  }
  // One pass over the lots, O(lots): stored-form strings take a fast path, anything else is checked.
  const zero = fromUnits(0, scale);
  const canonical = canonicalPattern(scale);
  let total: Units = 0;
  const lots = account.lots;
  for (let i = 0; i < lots.length; i++) {
    const l = lots[i] as Lot; // i < length: present
    const remaining = l.remaining;
    if (remaining === zero) continue;
    if (l.availableAt !== undefined && msOf(l.availableAt, ["lots", i, "availableAt"]) > ms) continue; // pending at `at`
    const exp = l.expiresAt;
    if (exp !== undefined) {
      const expMs = storedInstant(exp);
      if ((Number.isNaN(expMs) ? msOf(exp, ["lots", i, "expiresAt"]) : expMs) <= ms) continue;
    }
    total = add(
      total,
      canonical.test(remaining)
        ? digitsToUnits(scale === 0 ? remaining : remaining.replace(".", ""))
        : unitsOf(remaining, scale, ["lots", i, "remaining"]),
    );
  }
  total = sub(total, unitsOf(account.deficit, scale, ["deficit"]));
  // Holds that time out by `at` give their points back: what went into a negative balance in full,
  // lot points only to lots still unexpired at `at`.
  let expiry: Map<string, number> | undefined;
  // A hold giving points back into a clawed-back lot cancels the clawback (see giveBack): worked out in full.
  const due = (h: Hold, i: number): boolean =>
    h.timeoutAt !== undefined && msOf(h.timeoutAt, ["holds", i, "timeoutAt"]) <= ms;
  if (
    account.holds.some(
      (h, i) => due(h, i) && h.lots.some((a) => account.lots.some((l) => l.lotId === a.lotId && l.clawedBack !== zero)),
    )
  ) {
    const later = stateAt(account, ms);
    return fmt(later, available(later));
  }
  account.holds.forEach((h, i) => {
    if (!due(h, i)) return;
    total = add(total, unitsOf(h.deficit, scale, ["holds", i, "deficit"]));
    expiry ??= new Map(
      account.lots.map((l) => [
        l.lotId,
        l.expiresAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(l.expiresAt),
      ]),
    );
    for (const a of h.lots)
      if ((expiry.get(a.lotId) ?? Number.NEGATIVE_INFINITY) > ms)
        total = add(total, unitsOf(a.points, scale, ["holds", i, "lots"]));
  });
  return fromUnits(total, scale);
}

/** True when a lot pending in the snapshot is released by `ms` (its release may repay a debt: worked out in full). */
function releasesBy(account: Account, ms: number): boolean {
  const last = lastMs(account);
  const lots = account.lots;
  for (let i = 0; i < lots.length; i++) {
    // An indexed loop, not lots.some: array methods are slow on a frozen array (see stateFromAccount).
    const availableAt = (lots[i] as Lot).availableAt; // i < length: present
    if (availableAt === undefined) continue;
    const rel = msOf(availableAt, ["lots", i, "availableAt"]);
    if (rel > last && rel <= ms) return true;
  }
  return false;
}

/** The points pending (earned with a later `availableAt`) at `at`. */
export function pendingOf(account: Account, at: string | Date): string {
  account = readAccount(account);
  const state = stateAt(account, parseInstant(at, "at"));
  return fmt(state, state.pending);
}

export function availableLotsOf(account: Account, at: string | Date): AvailableLot[] {
  account = readAccount(account);
  const state = stateAt(account, parseInstant(at, "at"));
  const expMs = (seq: number): number => state.lotExpMs[seq] as number; // seqs in the heap are lots: present
  return state.heap.items
    .slice(0, state.heap.size)
    .filter((seq): seq is number => seq !== undefined && (state.lots[seq] as LotS).remaining > 0)
    .sort((a, b) => (expMs(a) < expMs(b) || (expMs(a) === expMs(b) && a < b) ? -1 : 1))
    .map((seq) => {
      const l = state.lots[seq] as LotS;
      return {
        lotId: l.lotId,
        at: l.at,
        ...(l.expiresAt === undefined ? {} : { expiresAt: l.expiresAt }),
        remaining: fmt(state, l.remaining),
      };
    });
}

export function statementOf(
  account: Account,
  fromInput: string | Date,
  toInput: string | Date,
  history: readonly unknown[] | undefined,
): Statement {
  account = readAccount(account);
  const fromMs = parseInstant(fromInput, "from");
  const toMs = parseInstant(toInput, "to");
  if (toMs < fromMs)
    badEntry(
      ["to"],
      `expected an instant at or after from (${new Date(fromMs).toISOString()}), got ${new Date(toMs).toISOString()}`,
      "statement",
    );
  const lines: StatementLine[] = [];
  let opening: Units | undefined;
  const openAt = (s: State): void => {
    if (opening !== undefined) return;
    s.onTimeEvent = undefined;
    advance(s, fromMs);
    opening = available(s);
    s.onTimeEvent = (ev) =>
      lines.push({
        at: ev.at,
        kind: ev.kind,
        transactionId: ev.id,
        change: fmt(s, ev.change),
        balance: fmt(s, available(s)),
      });
  };
  let source: readonly unknown[] = account.entries;
  let initial: State | undefined;
  if (history !== undefined) {
    if (!Array.isArray(history))
      badEntry(["history"], `expected an array of history records, got ${previewValue(history)}`, "statement");
    source = entriesOfHistory(history, account.accountId, 0);
    const lastOf = source[source.length - 1] as { transactionId?: unknown } | undefined;
    const newest = account.entries[account.entries.length - 1];
    if (source.length !== account.version || lastOf?.transactionId !== newest?.transactionId)
      mismatch(
        account.accountId,
        "version",
        account.version,
        source.length,
        `statement: the history has ${source.length} entries ending with ${previewValue(lastOf?.transactionId)}, the snapshot ${account.version} ending with ${previewValue(newest?.transactionId)}; pass the account's complete history`,
      );
  } else if (account.version !== account.entries.length) {
    // The opening balance is the one before any entry at `from`: the snapshot gives it only after its newest entry.
    if (fromMs <= lastMs(account)) needHistory(account, fromMs, "statement from");
    source = [];
    initial = stateFromAccount(account);
  }
  const state = run(source, settingsOfAccount(account), {
    ...(initial === undefined ? {} : { initial }),
    untilMs: toMs,
    onEntry: (s, e, apply) => {
      const ms = instantMs(e.at);
      if (ms >= fromMs) openAt(s);
      if (opening === undefined) {
        apply();
        return;
      }
      advance(s, ms);
      const before = available(s);
      apply();
      const after = available(s);
      lines.push({
        at: e.at,
        kind: e.kind,
        transactionId: e.transactionId,
        change: fmt(s, sub(after, before)),
        balance: fmt(s, after),
      });
    },
  });
  openAt(state);
  advance(state, toMs);
  return {
    accountId: account.accountId,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    opening: fmt(state, opening ?? 0),
    lines,
    closing: fmt(state, available(state)),
  };
}

export function lotOf(account: Account, transactionId: string): Lot {
  account = readAccount(account);
  const lot = account.lots.find((l) => l.lotId === transactionId);
  if (lot === undefined)
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `no lot with id ${JSON.stringify(transactionId)} (the transactionId of an earn or positive adjust) in account ${JSON.stringify(account.accountId)}`,
      { transactionId },
    );
  return lot;
}

export function reversibleOf(account: Account, transactionId: string): string {
  account = readAccount(account);
  const { scale } = account;
  const entry = account.entries.find((e) => e.transactionId === transactionId);
  if (entry === undefined)
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `no entry with transactionId ${JSON.stringify(transactionId)} in account ${JSON.stringify(account.accountId)}`,
      { transactionId },
    );
  const lot = account.lots.find((l) => l.lotId === transactionId);
  if (lot !== undefined && (entry.kind === "earn" || entry.kind === "adjust")) {
    return fromUnits(
      sub(
        sub(unitsOf(lot.points, scale, ["points"]), unitsOf(lot.reversed, scale, ["reversed"])),
        unitsOf(lot.clawedBack, scale, ["clawedBack"]),
      ),
      scale,
    );
  }
  const debit = account.debits.find((d) => d.transactionId === transactionId);
  if (debit !== undefined && (entry.kind === "redeem" || entry.kind === "capture" || entry.kind === "adjust")) {
    return fromUnits(
      sub(unitsOf(debit.points, scale, ["points"]), unitsOf(debit.reversed, scale, ["reversed"])),
      scale,
    );
  }
  return fromUnits(0, scale);
}
