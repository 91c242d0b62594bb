// Model-based test of the points ledger: random sequences of every operation (earn, redeem, adjust,
// hold, capture, release, reverse with each shortfall policy, expiry sweep, postMany batches),
// including duplicates, idempotency conflicts, stale versions and bad input, run against a
// deliberately simple reference model: plain arrays, lots re-sorted on every redeem, availability
// recomputed by scanning, no heaps, no running totals, no snapshots.
import fc from "fast-check";
import { describe, it } from "vitest";
import {
  balance,
  IdempotencyConflictError,
  InsufficientPointsError,
  LoyaltyValidationError,
  OperationError,
  openAccount,
  parseAccount,
  post,
  postMany,
  replayAccount,
  statement,
  VersionConflictError,
  type Account,
  type EntryInput,
} from "../../src/index.js";

// ------------------------------------------------------------------------------------------------
// Reference model

interface MLot {
  id: string;
  exp: number;
  points: bigint;
  remaining: bigint;
  consumed: bigint;
  expired: bigint;
  reversed: bigint;
  clawed: bigint;
}
interface MAlloc {
  lotId: string;
  pts: bigint;
}
interface MDebit {
  id: string;
  points: bigint;
  allocs: MAlloc[];
  deficit: bigint;
  reversed: bigint;
}
interface MHold {
  id: string;
  points: bigint;
  timeout: number;
  allocs: MAlloc[];
  deficit: bigint;
  open: boolean;
  active: boolean;
  /** Set when a capture closed the hold (a release leaves it unset). */
  capturedBy?: boolean;
}
interface MState {
  now: number;
  limit: bigint;
  lots: MLot[];
  debits: MDebit[];
  holds: MHold[];
  deficit: bigint;
  repaid: bigint;
  /** A negative-balance clawback may take the balance below the limit; the invariant allows that. */
  overLimit: boolean;
  /** Every applied entry as posted, and its kind (sign for adjust). */
  applied: { input: EntryInput; kind: string }[];
}

type Expected =
  | "insufficient"
  | "validation"
  | "notfound"
  | "captured"
  | "released"
  | "timedout"
  | "exceeds"
  | "conflict"
  | "version";
class ModelError extends Error {
  constructor(readonly kind: Expected) {
    super(kind);
  }
}

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function avail(m: MState, t: number): bigint {
  let sum = 0n;
  for (const l of m.lots) if (l.exp > t) sum += l.remaining;
  return sum - m.deficit;
}

function lot(m: MState, id: string): MLot {
  const l = m.lots.find((x) => x.id === id);
  if (l === undefined) throw new Error(`model: no lot ${id}`);
  return l;
}

function createLot(m: MState, id: string, exp: number, points: bigint): void {
  const repay = points < m.deficit ? points : m.deficit;
  m.deficit -= repay;
  m.repaid += repay;
  m.lots.push({ id, exp, points, remaining: points - repay, consumed: repay, expired: 0n, reversed: 0n, clawed: 0n });
}

function consume(m: MState, amount: bigint): { allocs: MAlloc[]; deficit: bigint } {
  // Redeem order: soonest expiry first, then oldest (array order); no expiry (Infinity) last.
  const order = m.lots
    .filter((l) => l.exp > m.now && l.remaining > 0n)
    .sort((a, b) => (a.exp === b.exp ? m.lots.indexOf(a) - m.lots.indexOf(b) : a.exp < b.exp ? -1 : 1));
  const allocs: MAlloc[] = [];
  let need = amount;
  for (const l of order) {
    if (need === 0n) break;
    const take = need < l.remaining ? need : l.remaining;
    l.remaining -= take;
    l.consumed += take;
    need -= take;
    allocs.push({ lotId: l.id, pts: take });
  }
  m.deficit += need;
  return { allocs, deficit: need };
}

function restore(m: MState, rec: { allocs: MAlloc[]; deficit: bigint }, amount: bigint, creditId: string): void {
  let rest = amount;
  const fromDeficit = rest < rec.deficit ? rest : rec.deficit;
  rec.deficit -= fromDeficit;
  rest -= fromDeficit;
  const cut = fromDeficit < m.deficit ? fromDeficit : m.deficit;
  m.deficit -= cut;
  if (fromDeficit > cut) {
    // One lot per entry: a second give-back within the same entry (undoing a clawback) joins it.
    const own = m.lots.find((x) => x.id === creditId);
    if (own === undefined) createLot(m, creditId, Number.POSITIVE_INFINITY, fromDeficit - cut);
    else {
      own.points += fromDeficit - cut;
      own.remaining += fromDeficit - cut;
    }
  }
  while (rest > 0n && rec.allocs.length > 0) {
    const a = rec.allocs[rec.allocs.length - 1] as MAlloc;
    const give = rest < a.pts ? rest : a.pts;
    a.pts -= give;
    rest -= give;
    if (a.pts === 0n) rec.allocs.pop();
    const l = lot(m, a.lotId);
    l.consumed -= give;
    // Issue 16 (refund order): points coming back to a lot whose credit was clawed back cancel the
    // clawback — forgiven part first, then the clawback debits (newest first) are given back.
    const cancel = give < l.clawed ? give : l.clawed;
    if (cancel > 0n) {
      const claws = m.debits.filter((d) => {
        const input = m.applied.find((x) => x.input.transactionId === d.id)?.input;
        return input?.kind === "reverse" && input.reverses === l.id && d.points > d.reversed;
      });
      const settled = claws.reduce((t, d) => t + d.points - d.reversed, 0n);
      const forgiven = l.clawed > settled ? l.clawed - settled : 0n;
      l.clawed -= cancel;
      l.reversed += cancel;
      let undo = cancel > forgiven ? cancel - forgiven : 0n;
      for (let i = claws.length - 1; i >= 0 && undo > 0n; i--) {
        const d = claws[i] as MDebit;
        const g = undo < d.points - d.reversed ? undo : d.points - d.reversed;
        d.reversed += g;
        undo -= g;
        restore(m, d, g, creditId);
      }
    }
    l.remaining += give - cancel;
  }
}

/** Moves the model's clock: holds whose timeout has come give their points back, in timeout order. */
function advance(m: MState, t: number): void {
  const due = m.holds
    .filter((h) => h.open && h.active && h.timeout <= t)
    .sort((a, b) => a.timeout - b.timeout || m.holds.indexOf(a) - m.holds.indexOf(b));
  for (const h of due) {
    m.now = Math.max(m.now, h.timeout);
    h.active = false;
    restore(m, h, h.points, h.id);
  }
  m.now = Math.max(m.now, t);
}

/**
 * A copy of the model to change without touching the original. Lots, debits, holds and their
 * allocations are copied (the model mutates them); the applied entries are shared, as they are
 * deep-frozen and only ever appended to. Two to three copies are taken per step, and
 * structuredClone of the whole model (entries included) was the test's largest cost.
 */
function cloneModel(m: MState): MState {
  const copyAllocs = (list: readonly MAlloc[]): MAlloc[] => list.map((a) => ({ ...a }));
  return {
    ...m,
    lots: m.lots.map((l) => ({ ...l })),
    debits: m.debits.map((d) => ({ ...d, allocs: copyAllocs(d.allocs) })),
    holds: m.holds.map((h) => ({ ...h, allocs: copyAllocs(h.allocs) })),
    applied: [...m.applied],
  };
}

function ensure(m: MState, need: bigint): void {
  if (avail(m, m.now) - need < -m.limit) throw new ModelError("insufficient");
}

function kindOf(m: MState, id: string): string | undefined {
  return m.applied.find((a) => a.input.transactionId === id)?.kind;
}

/** Applies one (valid-shaped, in-order, fresh-id) entry to the model, or throws the expected error. */
function applyModel(m: MState, e: EntryInput): void {
  const at = Date.parse(e.at as string);
  advance(m, at);
  switch (e.kind) {
    case "earn":
      createLot(
        m,
        e.transactionId,
        e.expiresAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(e.expiresAt as string),
        BigInt(e.points),
      );
      break;
    case "redeem": {
      const p = BigInt(e.points);
      ensure(m, p);
      m.debits.push({ id: e.transactionId, points: p, ...consume(m, p), reversed: 0n });
      break;
    }
    case "adjust": {
      const p = BigInt(e.points);
      if (p > 0n) createLot(m, e.transactionId, Number.POSITIVE_INFINITY, p);
      else {
        ensure(m, -p);
        m.debits.push({ id: e.transactionId, points: -p, ...consume(m, -p), reversed: 0n });
      }
      break;
    }
    case "expire":
      for (const l of m.lots) {
        if (l.exp <= m.now && l.remaining > 0n) {
          l.expired += l.remaining;
          l.remaining = 0n;
        }
      }
      break;
    case "hold": {
      const p = BigInt(e.points);
      ensure(m, p);
      m.holds.push({
        id: e.transactionId,
        points: p,
        timeout: e.timeoutAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(e.timeoutAt as string),
        ...consume(m, p),
        open: true,
        active: true,
      });
      break;
    }
    case "capture":
    case "release": {
      const h = m.holds.find((x) => x.id === e.holdId);
      if (h === undefined) throw new ModelError(kindOf(m, e.holdId) === undefined ? "notfound" : "validation");
      if (!h.open) throw new ModelError(h.capturedBy ? "captured" : "released");
      if (e.kind === "release") {
        if (h.active) restore(m, h, h.points, h.id);
        h.open = false;
        h.active = false;
        break;
      }
      if (!h.active) throw new ModelError("timedout");
      const p = e.points === undefined ? h.points : BigInt(e.points);
      if (p > h.points) throw new ModelError("exceeds");
      restore(m, h, h.points - p, h.id);
      h.open = false;
      h.capturedBy = true;
      h.active = false;
      m.debits.push({
        id: e.transactionId,
        points: p,
        allocs: h.allocs.map((a) => ({ ...a })),
        deficit: h.deficit,
        reversed: 0n,
      });
      break;
    }
    case "reverse": {
      const kind = kindOf(m, e.reverses);
      if (kind === undefined) throw new ModelError("notfound");
      const credit = kind === "earn" || kind === "adjust+";
      const debit = kind === "redeem" || kind === "capture" || kind === "adjust-";
      if (!credit && !debit) throw new ModelError("validation");
      if (credit) {
        const l = lot(m, e.reverses);
        const left = l.points - l.reversed - l.clawed;
        const r = e.points === undefined ? left : BigInt(e.points);
        if (r > left || r === 0n) throw new ModelError("validation");
        const policy = e.shortfall ?? "reject";
        // Issue 16: the points still in the lot are always taken back; the policy is for the shortfall only.
        const fromLot = r < l.remaining ? r : l.remaining;
        if (policy === "reject" && fromLot < r) throw new ModelError("insufficient");
        l.remaining -= fromLot;
        l.reversed += fromLot;
        if (avail(m, m.now) < -m.limit) m.overLimit = true;
        const shortfall = r - fromLot;
        if (shortfall > 0n) {
          l.clawed += shortfall;
          let take = shortfall;
          if (policy === "deduct-available") {
            const rest = avail(m, m.now);
            const cap = rest > 0n ? rest : 0n;
            if (cap < take) take = cap;
          }
          if (take > 0n) m.debits.push({ id: e.transactionId, points: take, ...consume(m, take), reversed: 0n });
          if (avail(m, m.now) < -m.limit) m.overLimit = true;
        }
      } else {
        const d = m.debits.find((x) => x.id === e.reverses);
        if (d === undefined) throw new Error("model: no debit");
        const left = d.points - d.reversed;
        const r = e.points === undefined ? left : BigInt(e.points);
        if (r > left || r === 0n) throw new ModelError("validation");
        d.reversed += r;
        restore(m, d, r, e.transactionId);
      }
      break;
    }
  }
  const kind = e.kind === "adjust" ? (BigInt(e.points) > 0n ? "adjust+" : "adjust-") : e.kind;
  m.applied.push({ input: e, kind });
}

// ------------------------------------------------------------------------------------------------
// Comparing the real account with the model, and the invariants

function fail(message: string, real: unknown, model: unknown): never {
  throw new Error(
    `${message}\n real:  ${JSON.stringify(real, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}\n model: ${JSON.stringify(model, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}`,
  );
}

function same(what: string, real: unknown, model: unknown): void {
  if (JSON.stringify(real) !== JSON.stringify(model)) fail(what, real, model);
}

/**
 * JSON of an account, kept per account object: the replay check writes it once and the next
 * step reuses it as its "before" text (an account the library returned is frozen; the test still
 * compares it with a fresh JSON text after every operation to prove the operation left it alone).
 */
const accountJsonCache = new WeakMap<Account, string>();
function accountJson(account: Account): string {
  let json = accountJsonCache.get(account);
  if (json === undefined) {
    json = JSON.stringify(account);
    accountJsonCache.set(account, json);
  }
  return json;
}

const s = (u: bigint): string => u.toString();
const allocs = (list: readonly MAlloc[]): { lotId: string; points: string }[] =>
  list.map((a) => ({ lotId: a.lotId, points: s(a.pts) }));

function checkAgainstModel(account: Account, m: MState): void {
  same("version", account.version, m.applied.length);
  same(
    "entries",
    account.entries.map((e) => e.transactionId),
    m.applied.map((a) => a.input.transactionId),
  );
  same(
    "lots",
    account.lots.map((l) => [l.lotId, l.points, l.remaining, l.consumed, l.expired, l.reversed, l.clawedBack]),
    m.lots.map((l) => [l.id, s(l.points), s(l.remaining), s(l.consumed), s(l.expired), s(l.reversed), s(l.clawed)]),
  );
  same("deficit", account.deficit, s(m.deficit));
  same(
    "debits",
    account.debits.map((d) => [d.transactionId, d.points, d.lots, d.deficit, d.reversed]),
    m.debits.map((d) => [d.id, s(d.points), allocs(d.allocs), s(d.deficit), s(d.reversed)]),
  );
  same(
    "open holds",
    account.holds.map((h) => [h.holdId, h.points, h.lots, h.deficit]),
    m.holds.filter((h) => h.open).map((h) => [h.id, s(h.points), allocs(h.allocs), s(h.deficit)]),
  );
  same("balance now", balance(account, { at: iso(m.now) }), s(avail(m, m.now)));
  // Later instants: lapses and hold timeouts happen without entries.
  for (const later of [m.now + 90 * MIN, m.now + 3 * 1440 * MIN]) {
    const future = cloneModel(m);
    advance(future, later);
    same(`balance at +${(later - m.now) / MIN} min`, balance(account, { at: iso(later) }), s(avail(future, later)));
  }
}

function checkInvariants(account: Account, m: MState): void {
  const limit = BigInt(account.negativeLimit);
  const bal = BigInt(balance(account, { at: iso(m.now) }));
  if (!m.overLimit && bal < -limit) fail("balance below the negative limit", bal, limit);
  // Per lot: points = remaining + consumed + expired + reversed, nothing negative.
  const taken = new Map<string, bigint>();
  for (const l of account.lots) {
    const [points, remaining, consumed, expired, reversed] = [
      l.points,
      l.remaining,
      l.consumed,
      l.expired,
      l.reversed,
    ].map(BigInt) as [bigint, bigint, bigint, bigint, bigint];
    if (remaining < 0n || consumed < 0n || expired < 0n || reversed < 0n) fail("negative lot figure", l, null);
    if (points !== remaining + consumed + expired + reversed) fail("lot does not add up", l, null);
    taken.set(l.lotId, 0n);
  }
  // No lot consumed twice: what debits and holds say they took from a lot is exactly its consumed
  // figure, minus what it paid towards a negative balance when it was credited.
  let allocated = 0n;
  for (const rec of [...account.debits.map((d) => d.lots), ...account.holds.map((h) => h.lots)]) {
    for (const a of rec) {
      const before = taken.get(a.lotId);
      if (before === undefined) fail("allocation to an unknown lot", a, null);
      taken.set(a.lotId, before + BigInt(a.points));
      allocated += BigInt(a.points);
    }
  }
  for (const l of account.lots)
    if ((taken.get(l.lotId) ?? 0n) > BigInt(l.consumed))
      fail("lot consumed more than its consumed figure", l, taken.get(l.lotId));
  const sum = (xs: readonly string[]): bigint => xs.reduce((a, x) => a + BigInt(x), 0n);
  const consumed = sum(account.lots.map((l) => l.consumed));
  if (consumed !== allocated + m.repaid) fail("consumed ≠ allocated + repaid", s(consumed), s(allocated + m.repaid));
  // earned = redeemed + expired + reversed + held + remaining in lots (+ what repaid negative balances).
  const earned = sum(account.lots.map((l) => l.points));
  const redeemed = sum(account.debits.flatMap((d) => d.lots.map((a) => a.points)));
  const held = sum(account.holds.flatMap((h) => h.lots.map((a) => a.points)));
  const expired = sum(account.lots.map((l) => l.expired));
  const reversed = sum(account.lots.map((l) => l.reversed));
  const remaining = sum(account.lots.map((l) => l.remaining));
  if (earned !== redeemed + held + expired + reversed + remaining + m.repaid)
    fail("earned ≠ redeemed + held + expired + reversed + remaining + repaid", s(earned), null);
  // The ledger is the truth: replay rebuilds the snapshot; JSON round-trips through parseAccount.
  const replayed = replayAccount(account.entries, account);
  if (JSON.stringify(replayed) !== accountJson(account)) fail("replay", replayed, account);
}

// ------------------------------------------------------------------------------------------------
// Commands

interface Real {
  account: Account;
}
interface Model {
  s: MState;
  n: number;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

function errorKind(e: unknown): Expected | "other" {
  if (e instanceof InsufficientPointsError) return "insufficient";
  if (e instanceof LoyaltyValidationError) return "validation";
  if (e instanceof OperationError && e.code === "NOT_FOUND") return "notfound";
  if (e instanceof OperationError && e.code === "HOLD_ALREADY_CAPTURED") return "captured";
  if (e instanceof OperationError && e.code === "HOLD_ALREADY_RELEASED") return "released";
  if (e instanceof OperationError && e.code === "HOLD_TIMED_OUT") return "timedout";
  if (e instanceof OperationError && e.code === "CAPTURE_EXCEEDS_HOLD") return "exceeds";
  if (e instanceof IdempotencyConflictError) return "conflict";
  if (e instanceof VersionConflictError) return "version";
  return "other";
}

/** Runs one operation on both sides: same outcome, the account untouched on failure. */
function step(
  model: Model,
  real: Real,
  entries: EntryInput[],
  expectModel: (m: MState) => void,
  act: (a: Account) => { status: string; account: Account },
  expectedError?: Expected,
): void {
  const next = cloneModel(model.s);
  let expected: Expected | undefined = expectedError;
  if (expected === undefined) {
    try {
      expectModel(next);
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      expected = e.kind;
    }
  }
  const before = accountJson(real.account);
  let result: { status: string; account: Account } | undefined;
  let thrown: unknown;
  try {
    result = act(real.account);
  } catch (e) {
    thrown = e;
  }
  if (expected !== undefined) {
    if (thrown === undefined) fail(`expected ${expected} for ${JSON.stringify(entries)}`, result?.status, expected);
    if (errorKind(thrown) !== expected)
      fail(`wrong error for ${JSON.stringify(entries)}: ${String(thrown)}`, errorKind(thrown), expected);
    if (JSON.stringify(real.account) !== before)
      fail("a failed operation changed its input", JSON.parse(before), real.account);
    return;
  }
  if (thrown !== undefined)
    fail(`unexpected ${String(thrown)} for ${JSON.stringify(entries)}`, errorKind(thrown), "success");
  if (result === undefined || result.status !== "applied") fail("expected applied", result?.status, "applied");
  if (JSON.stringify(real.account) !== before) fail("post changed its input", JSON.parse(before), real.account);
  model.s = next;
  real.account = result.account;
  checkAgainstModel(real.account, model.s);
  checkInvariants(real.account, model.s);
}

/**
 * Points per command step: 1 in the main run; a huge factor in the run that checks amounts beyond
 * 2^53 stay exact (the engine keeps small amounts as safe-integer numbers and must switch to exact
 * arithmetic past Number.MAX_SAFE_INTEGER, and back).
 */
let unit = 1n;
const amount = (points: number): string => String(BigInt(points) * unit);

const dtArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 180 }), fc.integer({ min: 181, max: 5 * 1440 }));
const pickArb = fc.nat({ max: 1000 });

abstract class Cmd implements fc.Command<Model, Real> {
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  abstract run(m: Model, r: Real): void;
  abstract toString(): string;
  protected id(m: Model): string {
    m.n += 1;
    return `t${m.n}`;
  }
  protected at(m: Model, dt: number): string {
    return iso((Number.isFinite(m.s.now) ? m.s.now : T0) + dt * MIN);
  }
  protected postOne(m: Model, r: Real, entry: EntryInput): void {
    deepFreeze(entry);
    step(
      m,
      r,
      [entry],
      (s) => applyModel(s, entry),
      (a) => post(a, entry),
    );
  }
  /** Mostly an entry of the given kinds (newest most likely), sometimes any entry, rarely an unknown id. */
  protected pickId(m: Model, pick: number, kinds: readonly string[]): string {
    if (pick % 11 === 10) return "unknown-id";
    const any = pick % 7 === 6;
    const ids = m.s.applied.filter((a) => any || kinds.includes(a.kind)).map((a) => a.input.transactionId);
    if (ids.length === 0) return "unknown-id";
    // Bias towards recent entries: open holds and unreversed debits are usually recent.
    const k = pick % 3 === 0 ? ids.length - 1 : pick % ids.length;
    return ids[k] as string;
  }
}

class Earn extends Cmd {
  constructor(
    readonly points: number,
    readonly expiryMin: number | undefined,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    const at = this.at(m, this.dt);
    const e: EntryInput = { kind: "earn", transactionId: this.id(m), at, points: amount(this.points) };
    if (this.expiryMin !== undefined) e.expiresAt = iso(Date.parse(at) + this.expiryMin * MIN);
    this.postOne(m, r, e);
  }
  toString(): string {
    return `earn(${this.points}, exp +${this.expiryMin ?? "∞"}m, dt ${this.dt})`;
  }
}

class Redeem extends Cmd {
  constructor(
    readonly points: number,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    this.postOne(m, r, {
      kind: "redeem",
      transactionId: this.id(m),
      at: this.at(m, this.dt),
      points: amount(this.points),
      meta: { till: this.points % 3 },
    });
  }
  toString(): string {
    return `redeem(${this.points}, dt ${this.dt})`;
  }
}

class Adjust extends Cmd {
  constructor(
    readonly points: number,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    this.postOne(m, r, {
      kind: "adjust",
      transactionId: this.id(m),
      at: this.at(m, this.dt),
      points: amount(this.points),
      reason: "correction",
    });
  }
  toString(): string {
    return `adjust(${this.points}, dt ${this.dt})`;
  }
}

class Hold extends Cmd {
  constructor(
    readonly points: number,
    readonly timeoutMin: number | undefined,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    const at = this.at(m, this.dt);
    const e: EntryInput = { kind: "hold", transactionId: this.id(m), at, points: amount(this.points) };
    if (this.timeoutMin !== undefined) e.timeoutAt = iso(Date.parse(at) + this.timeoutMin * MIN);
    this.postOne(m, r, e);
  }
  toString(): string {
    return `hold(${this.points}, timeout +${this.timeoutMin ?? "∞"}m, dt ${this.dt})`;
  }
}

class Capture extends Cmd {
  constructor(
    readonly pick: number,
    readonly points: number | undefined,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    const holdId = this.pickId(m, this.pick, ["hold"]);
    const e: EntryInput = { kind: "capture", transactionId: this.id(m), at: this.at(m, this.dt), holdId };
    if (this.points !== undefined) e.points = amount(this.points);
    this.postOne(m, r, e);
  }
  toString(): string {
    return `capture(#${this.pick}, ${this.points ?? "all"}, dt ${this.dt})`;
  }
}

class Release extends Cmd {
  constructor(
    readonly pick: number,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    const holdId = this.pickId(m, this.pick, ["hold"]);
    this.postOne(m, r, { kind: "release", transactionId: this.id(m), at: this.at(m, this.dt), holdId });
  }
  toString(): string {
    return `release(#${this.pick}, dt ${this.dt})`;
  }
}

class Reverse extends Cmd {
  constructor(
    readonly pick: number,
    readonly points: number | undefined,
    readonly policy: "reject" | "deduct-available" | "negative-balance" | undefined,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    const reverses = this.pickId(m, this.pick, ["earn", "redeem", "capture", "adjust+", "adjust-"]);
    const e: EntryInput = { kind: "reverse", transactionId: this.id(m), at: this.at(m, this.dt), reverses };
    if (this.points !== undefined) e.points = amount(this.points);
    if (this.policy !== undefined) e.shortfall = this.policy;
    this.postOne(m, r, e);
  }
  toString(): string {
    return `reverse(#${this.pick}, ${this.points ?? "all"}, ${this.policy ?? "default"}, dt ${this.dt})`;
  }
}

class Expire extends Cmd {
  constructor(readonly dt: number) {
    super();
  }
  run(m: Model, r: Real): void {
    this.postOne(m, r, { kind: "expire", transactionId: this.id(m), at: this.at(m, this.dt) });
  }
  toString(): string {
    return `expire(dt ${this.dt})`;
  }
}

class Duplicate extends Cmd {
  constructor(readonly pick: number) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    return m.s.applied.length > 0;
  }
  run(m: Model, r: Real): void {
    const original = m.s.applied[this.pick % m.s.applied.length]?.input as EntryInput;
    // The same payload again, as a fresh object: a duplicate, and the very same account back.
    const again = deepFreeze(structuredClone(original));
    const before = r.account;
    const result = post(before, again, { expectedVersion: Math.max(0, before.version - 1) });
    if (result.status !== "duplicate" || result.account !== before)
      fail("retry was not a duplicate", result.status, "duplicate");
  }
  toString(): string {
    return `duplicate(#${this.pick})`;
  }
}

class Conflict extends Cmd {
  constructor(readonly pick: number) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    return m.s.applied.length > 0;
  }
  run(m: Model, r: Real): void {
    const original = m.s.applied[this.pick % m.s.applied.length]?.input as EntryInput;
    const changed = deepFreeze({ ...structuredClone(original), meta: { changed: this.pick } } as EntryInput);
    step(
      m,
      r,
      [changed],
      () => undefined,
      (a) => post(a, changed),
      "conflict",
    );
  }
  toString(): string {
    return `conflict(#${this.pick})`;
  }
}

class Stale extends Cmd {
  constructor(readonly ahead: boolean) {
    super();
  }
  run(m: Model, r: Real): void {
    const e = deepFreeze<EntryInput>({ kind: "earn", transactionId: this.id(m), at: this.at(m, 1), points: "1" });
    const expectedVersion = this.ahead || r.account.version === 0 ? r.account.version + 1 : r.account.version - 1;
    step(
      m,
      r,
      [e],
      () => undefined,
      (a) => post(a, e, { expectedVersion }),
      "version",
    );
    // And with the right version it applies.
    step(
      m,
      r,
      [e],
      (s) => applyModel(s, e),
      (a) => post(a, e, { expectedVersion: a.version }),
    );
  }
  toString(): string {
    return `stale(${this.ahead ? "ahead" : "behind"})`;
  }
}

const BAD: ((at: string, earlier: string, id: string) => unknown)[] = [
  (at, _e, id) => ({ kind: "redeem", transactionId: id, at, points: "-5" }),
  (at, _e, id) => ({ kind: "earn", transactionId: id, at, points: "2.5" }),
  (at, _e, id) => ({ kind: "earn", transactionId: id, at, points: "1", bonus: 1 }),
  (at, _e, id) => ({ kind: "gift", transactionId: id, at }),
  (at, _e, id) => ({ kind: "earn", transactionId: id, at, points: Number.NaN }),
  (at, _e, id) => ({ kind: "hold", transactionId: id, at, points: "1", timeoutAt: at }),
  (at, _e, id) =>
    JSON.parse(`{"kind":"earn","transactionId":"${id}","at":"${at}","points":"1","__proto__":{}}`) as unknown,
  (_a, earlier, id) => ({ kind: "earn", transactionId: id, at: earlier, points: "1" }),
  (at, _e, id) => ({ kind: "adjust", transactionId: id, at, points: "3", reason: "" }),
  (at, _e, id) => ({ kind: "earn", transactionId: id, at: at.slice(0, 10), points: "1" }),
];

class Bad extends Cmd {
  constructor(readonly which: number) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    // "earlier than the last entry" needs a last entry a minute or more in the past.
    return this.which % BAD.length !== 7 || m.s.applied.length > 0;
  }
  run(m: Model, r: Real): void {
    const make = BAD[this.which % BAD.length] as (at: string, earlier: string, id: string) => unknown;
    const entry = deepFreeze(
      make(this.at(m, 1), iso((Number.isFinite(m.s.now) ? m.s.now : T0) - MIN), this.id(m)),
    ) as EntryInput;
    step(
      m,
      r,
      [entry],
      () => undefined,
      (a) => post(a, entry),
      "validation",
    );
  }
  toString(): string {
    return `bad(#${this.which % BAD.length})`;
  }
}

class Batch extends Cmd {
  constructor(
    readonly earn: number,
    readonly redeem: number,
    readonly dt: number,
  ) {
    super();
  }
  run(m: Model, r: Real): void {
    const at = this.at(m, this.dt);
    const entries = deepFreeze<EntryInput[]>([
      { kind: "redeem", transactionId: this.id(m), at, points: amount(this.redeem) },
      { kind: "earn", transactionId: this.id(m), at, points: amount(this.earn), meta: { spend: `${this.earn}.00` } },
    ]);
    step(
      m,
      r,
      entries,
      (s) => {
        for (const e of entries) applyModel(s, e);
      },
      (a) => postMany(a, entries, { expectedVersion: a.version }),
    );
    // Retrying the batch is a duplicate as a whole.
    if (model_applied(m, entries)) {
      const again = postMany(r.account, entries, { expectedVersion: 0 });
      if (again.status !== "duplicate" || again.account !== r.account)
        fail("batch retry was not a duplicate", again.status, "duplicate");
    }
  }
  toString(): string {
    return `batch(redeem ${this.redeem}, earn ${this.earn}, dt ${this.dt})`;
  }
}

function model_applied(m: Model, entries: readonly EntryInput[]): boolean {
  return entries.every((e) => m.s.applied.some((a) => a.input.transactionId === e.transactionId));
}

const earnCmd = fc
  .tuple(fc.integer({ min: 1, max: 100 }), fc.option(fc.integer({ min: 1, max: 10 * 1440 }), { nil: undefined }), dtArb)
  .map(([p, x, dt]) => new Earn(p, x, dt));
const redeemCmd = fc.tuple(fc.integer({ min: 1, max: 150 }), dtArb).map(([p, dt]) => new Redeem(p, dt));
const holdCmd = fc
  .tuple(fc.integer({ min: 1, max: 80 }), fc.option(fc.integer({ min: 1, max: 3 * 1440 }), { nil: undefined }), dtArb)
  .map(([p, t, dt]) => new Hold(p, t, dt));
const captureCmd = fc
  .tuple(pickArb, fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }), dtArb)
  .map(([k, p, dt]) => new Capture(k, p, dt));
const reverseCmd = fc
  .tuple(
    pickArb,
    fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    fc.option(fc.constantFrom("reject" as const, "deduct-available" as const, "negative-balance" as const), {
      nil: undefined,
    }),
    dtArb,
  )
  .map(([k, p, pol, dt]) => new Reverse(k, p, pol, dt));
// Repeated arbitraries weight the mix: enough earns that spends, holds and reverses often succeed.
const commands = [
  earnCmd,
  earnCmd,
  earnCmd,
  redeemCmd,
  redeemCmd,
  holdCmd,
  holdCmd,
  captureCmd,
  captureCmd,
  fc.tuple(pickArb, dtArb).map(([k, dt]) => new Release(k, dt)),
  reverseCmd,
  reverseCmd,
  reverseCmd,
  fc
    .tuple(
      fc.integer({ min: -80, max: 80 }).filter((x) => x !== 0),
      dtArb,
    )
    .map(([p, dt]) => new Adjust(p, dt)),
  dtArb.map((dt) => new Expire(dt)),
  pickArb.map((k) => new Duplicate(k)),
  pickArb.map((k) => new Conflict(k)),
  fc.boolean().map((b) => new Stale(b)),
  fc.nat().map((k) => new Bad(k)),
  fc
    .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 100 }), dtArb)
    .map(([e, x, dt]) => new Batch(e, x, dt)),
];

/** One random operation sequence against the model, with every amount multiplied by `unit`. */
function runAgainstModel(limitPoints: bigint, cmds: Iterable<fc.Command<Model, Real>>): void {
  const limit = limitPoints * unit;
  const account = openAccount({ accountId: "model", negativeLimit: s(limit) });
  const model: Model = {
    s: {
      now: Number.NEGATIVE_INFINITY,
      limit,
      lots: [],
      debits: [],
      holds: [],
      deficit: 0n,
      repaid: 0n,
      overLimit: false,
      applied: [],
    },
    n: 0,
  };
  const real: Real = { account };
  fc.modelRun(() => ({ model, real }), cmds);
  // The snapshot survives JSON: parseAccount reads back exactly the same account.
  same("JSON round trip", parseAccount(JSON.parse(JSON.stringify(real.account))), real.account);
  // Statements add up: opening + Σ change = closing = the balance at `to`, for the whole history
  // and for a window starting in the middle of it.
  const last = real.account.entries[real.account.entries.length - 1];
  if (last !== undefined) {
    const to = iso(Date.parse(last.at) + 3 * 1440 * MIN);
    const middle = real.account.entries[Math.floor(real.account.entries.length / 2)]?.at ?? last.at;
    for (const from of [iso(T0 - MIN), middle]) {
      const st = statement(real.account, { from, to });
      const total = st.lines.reduce((sum, l) => sum + BigInt(l.change), BigInt(st.opening));
      if (total !== BigInt(st.closing) || st.closing !== balance(real.account, { at: to }))
        fail("statement does not add up", st, balance(real.account, { at: to }));
      if (st.opening !== balance(real.account, { at: iso(Date.parse(from) - 1) }) && from !== middle)
        fail("opening is not the balance before from", st.opening, null);
      const lineBalances = st.lines.map((l) => l.balance);
      let running = BigInt(st.opening);
      st.lines.forEach((l, i) => {
        running += BigInt(l.change);
        if (String(running) !== lineBalances[i]) fail("running balance", st.lines, i);
      });
    }
  }
}

describe("ledger against a reference model", () => {
  it("agrees with the model and keeps every invariant over random operation sequences", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0n, 50n),
        fc.commands(commands, { maxCommands: 60, size: "medium" }),
        runAgainstModel,
      ),
    );
  });

  it("stays exact when amounts and balances pass 2^53 (Number.MAX_SAFE_INTEGER) and come back", () => {
    // Step 2^47 + 1: a single amount of up to 150 steps is ~2^54, so sums and differences cross
    // 2^53 in both directions; 10^18 + 3: every amount is far beyond it. The model is all BigInt.
    fc.assert(
      fc.property(
        fc.constantFrom(2n ** 47n + 1n, 10n ** 18n + 3n),
        fc.constantFrom(0n, 50n),
        fc.commands(commands, { maxCommands: 60, size: "medium" }),
        (step, limit, cmds) => {
          unit = step;
          try {
            runAgainstModel(limit, cmds);
          } finally {
            unit = 1n;
          }
        },
      ),
      { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 },
    );
  });
});
