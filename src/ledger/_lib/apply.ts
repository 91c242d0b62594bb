// Applying entries to the working state: one entry (applyEntry, applyReverse), a post of new
// entries onto a snapshot (postEntries), and a replay of a history (run, replayOnto).
import {
  ErrorCode,
  IdempotencyConflictError,
  InsufficientPointsError,
  LoyaltyError,
  LoyaltyValidationError,
  OperationError,
  VersionConflictError,
} from "../../errors/errors.js";
import type { Account, Entry, EntryInput } from "../schemas.js";
import { instantMs, preview as previewValue } from "./instant.js";
import type { PostOptions } from "../post.js";
import type { PostManyResult } from "../postMany.js";
import type { LedgerHistoryRecord } from "../history.js";
import { normalizeEntry, storedEntryChecker, type StoredInstants } from "./entries.js";
import { keyedPush, keyedTopFirst } from "./heap.js";
import { idAddAll } from "./ids.js";
import { firstDifference, jsonEqual } from "./json.js";
import { add, minU, neg, sub, type Units } from "./units.js";
import {
  type DebitS,
  type HoldS,
  type LotS,
  type Settings,
  type State,
  type Where,
  available,
  badEntry,
  emptyState,
  fmt,
  lookup,
  ownDebit,
  pathOf,
  positionOf,
  pts,
  touch,
} from "./state.js";
import { toAccount } from "./toAccount.js";
import { readAccount, stateFromAccount, workingState } from "./snapshot.js";
import { advance, consume, createLot, emptyDebit, ensureAvailable, newDebit, restore, takeFrom } from "./lots.js";
import { openHold } from "./holds.js";

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
      const debit = emptyDebit(e.transactionId);
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
  const seq = state.lotOfEntry[pos];
  const lot = seq === undefined ? undefined : state.lots[seq];
  const k = state.debitOfEntry[pos];
  // About to change (or the state is dropped on a throw): written out, not reused from the snapshot.
  const debit = k === undefined ? undefined : ownDebit(state, k);
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

/**
 * How many inputs from the start have a string transactionId (they are indexed up front, see run),
 * and how many lots and debits those can create at most, by kind: an earn or adjust creates one lot,
 * a redeem, capture, reverse or adjust one debit. Points given back under a credit's name can create
 * a lot the count misses: it sizes the state's arrays, which grow past it.
 */
function countInputs(inputs: readonly unknown[]): { valid: number; lots: number; debits: number } {
  let valid = 0;
  let lots = 0;
  let debits = 0;
  for (; valid < inputs.length; valid++) {
    const input = inputs[valid] as { transactionId?: unknown; kind?: unknown } | null;
    if (typeof input !== "object" || input === null || typeof input.transactionId !== "string") break;
    const kind = input.kind;
    if (kind === "earn") lots++;
    else if (kind === "redeem" || kind === "capture" || kind === "reverse") debits++;
    else if (kind === "adjust") {
      lots++;
      debits++;
    }
  }
  return { valid, lots, debits };
}

export function run(inputs: readonly unknown[], settings: Settings, options: RunOptions = {}): State {
  const counted = countInputs(inputs);
  const state = options.initial ?? emptyState(settings, inputs.length, counted.lots, counted.debits);
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
  const valid = counted.valid;
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

export function mismatch(
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
