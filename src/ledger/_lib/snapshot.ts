// Reading a snapshot: the cheap structural check and the figures check of a snapshot the library
// did not write, and the working state rebuilt from a snapshot (or taken from what it carries).
import { LoyaltyValidationError } from "../../errors/errors.js";
import { AccountSchema, type Account, type Debit, type Entry, type Hold, type Lot } from "../schemas.js";
import { instantMs, preview as previewValue, storedInstant } from "./instant.js";
import { normalizeEntry, storedCopy, storedEntryChecker, type StoredInstants } from "./entries.js";
import { holdPending, withAvailableAt } from "./pending.js";
import { keyedPush } from "./heap.js";
import { isStoredForm } from "./stored.js";
import { makeParsers } from "../../core/validation.js";
import { idAddAll, idGet } from "./ids.js";
import { add, canonicalPattern, digitsToUnits, neg, toUnits, type Units } from "./units.js";
import {
  type Alloc,
  type DebitS,
  type HoldS,
  type LotS,
  type Path,
  type Settings,
  type State,
  available,
  emptyState,
  fmt,
  pts,
} from "./state.js";
import { CARRIED, type Carrier, cloneState, produced, toAccount } from "./toAccount.js";
import { advance, dueBy } from "./lots.js";

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

export function unitsOf(text: unknown, scale: number, path: Path | (() => Path)): Units {
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

export function settingsOfAccount(account: Account): Settings {
  const scale = account.scale;
  return {
    accountId: account.accountId,
    currency: account.currency,
    scale,
    negativeLimit: unitsOf(account.negativeLimit, scale, ["negativeLimit"]),
    retainDays: account.retainDays,
  };
}

export function lastMs(account: Account): number {
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
export function stateFromAccount(account: Account): State {
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
    state.lotOfEntry[pos] = seq;
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
      const seq = pos < 0 ? undefined : state.lotOfEntry[pos];
      if (seq === undefined)
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
        const seq = at < 0 ? undefined : state.lotOfEntry[at];
        if (seq === undefined)
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
    // A position holds a lot or a debit, not both (see State.lotOfEntry): a debit named like a lot
    // (only an edited snapshot has one) takes the position, and checkFigures finds the lot's credit
    // without its lot.
    state.debitOfEntry[pos] = k;
    state.lotOfEntry[pos] = undefined;
  }
  state.deficit = unitsOf(account.deficit, scale, ["deficit"]);
  return state;
}

/** What a snapshot this library wrote carries (see {@link Carrier}), if anything. */
function carrierOf(account: Account): Carrier | undefined {
  // Only a snapshot this library wrote: it was frozen with its carrier, which nobody else can add.
  return produced.has(account) ? (account as { [CARRIED]?: Carrier })[CARRIED] : undefined;
}

/** The working state of a snapshot to change: made from what a snapshot this library wrote carries, else rebuilt from the snapshot. */
export function workingState(account: Account): State {
  const carrier = carrierOf(account);
  if (carrier === undefined) return stateFromAccount(account);
  if (!carrier.used) {
    // The first post takes over the state a reader made (see readState), unchanged, or makes one.
    carrier.used = true;
    const made = carrier.kept ?? carrier.make();
    carrier.kept = undefined;
    return made;
  }
  carrier.kept ??= carrier.make();
  return cloneState(carrier.kept);
}

/**
 * The working state of a snapshot at `ms` (at or after its newest entry), to read, never to change.
 * A snapshot this library wrote: the state its carrier keeps (made once) is read as it is when
 * nothing falls due by `ms` (no lot lapses, no hold times out, no pending lot is released: moving its
 * clock would change nothing read), else a copy of it is moved on. Reading does not use the state up:
 * a balance before a post onto the same snapshot (a till reads the balance, then posts) leaves it for
 * the post to take over. Any other snapshot: its state rebuilt and moved on.
 */
export function readState(account: Account, ms: number): State {
  const carrier = carrierOf(account);
  let state: State;
  if (carrier === undefined) state = stateFromAccount(account);
  else {
    carrier.kept ??= carrier.make();
    if (!dueBy(carrier.kept, ms)) return carrier.kept;
    state = cloneState(carrier.kept);
  }
  advance(state, ms);
  return state;
}

// ---------------------------------------------------------------------------------------------
// Tampered snapshots

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
    const credit = e.kind === "earn" || (e.kind === "adjust" && !e.points.startsWith("-"));
    const debit = e.kind === "redeem" || e.kind === "capture" || e.kind === "adjust";
    if (credit ? state.lotOfEntry[pos] === undefined : debit && state.debitOfEntry[pos] === undefined)
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
