// Reading an account without changing it: balance, pending points, available lots, statements,
// a lot, what is left to reverse of an entry.
import { ErrorCode, OperationError } from "../../errors/errors.js";
import type { Account, Lot } from "../schemas.js";
import { instantMs, parseInstant, preview as previewValue } from "./instant.js";
import type { AvailableLot } from "../availableLots.js";
import type { Statement, StatementLine } from "../statement.js";
import { fromUnits, sub, type Units } from "./units.js";
import { type LotS, type State, available, badEntry, fmt } from "./state.js";
import { lastMs, readAccount, readState, settingsOfAccount, stateFromAccount, unitsOf } from "./snapshot.js";
import { advance } from "./lots.js";
import { entriesOfHistory, mismatch, run } from "./apply.js";

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

/** The working state at instant `ms`, to read: from the snapshot when `ms` is at or after its last entry (see readState), by replaying a prefix otherwise. */
function stateAt(account: Account, ms: number): State {
  if (ms >= lastMs(account)) return readState(account, ms);
  needHistory(account, ms, "at");
  const state = run(account.entries, settingsOfAccount(account), { untilMs: ms });
  advance(state, ms);
  return state;
}

/**
 * The available balance at `at`, from the working state at that instant: the one balance function
 * (`available`) on the state the snapshot carries or rebuilds, moved on to `at`.
 */
export function balanceOf(account: Account, at: string | Date): string {
  account = readAccount(account);
  const state = stateAt(account, parseInstant(at, "at"));
  return fmt(state, available(state));
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
