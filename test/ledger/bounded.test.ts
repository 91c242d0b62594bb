// Issue 17: bounded snapshots plus an append-only history. A customer who earns every week for two
// years keeps a snapshot whose size depends on what is open, not on their age; the history each
// operation returns rebuilds it exactly, and a history that is not the snapshot's is refused.
import { describe, expect, it } from "vitest";
import {
  availableLots,
  balance,
  DEFAULT_RETAIN_DAYS,
  type EntryInput,
  type LedgerHistoryRecord,
  type LoyaltyValidationError,
  type OperationError,
  openAccount,
  parseAccount,
  post,
  postMany,
  replayAccount,
  statement,
  sweepExpired,
  upgradeAccount,
} from "../../src/index.js";
import { LedgerHistoryRecordSchema } from "../../src/schemas/index.js";
import { inMemoryJson, thrown } from "./_helpers.js";

const T0 = Date.parse("2024-01-01T10:00:00.000Z");
const DAY = 86_400_000;
const at = (d: number): string => new Date(T0 + d * DAY).toISOString();

/** Two years of a weekly customer: earn 10 every week (valid one year), redeem 30 every fourth week. */
function weekly(weeks: number, retainDays?: number) {
  let account = openAccount({ accountId: "c-1", ...(retainDays === undefined ? {} : { retainDays }) });
  const history: LedgerHistoryRecord[] = [];
  for (let w = 0; w < weeks; w++) {
    const entries: EntryInput[] = [
      { kind: "earn", transactionId: `e${w}`, at: at(7 * w), points: "10", expiresAt: at(7 * w + 365) },
    ];
    if (w % 4 === 3) entries.push({ kind: "redeem", transactionId: `r${w}`, at: at(7 * w), points: "30" });
    const r = postMany(account, entries);
    account = r.account;
    history.push(...r.history);
  }
  return { account, history };
}

describe("bounded ledger snapshot", () => {
  const { account, history } = weekly(104);
  const full = weekly(104, 36_500).account; // a window longer than the history: nothing is dropped

  it("keeps only the window and what is open, and counts the whole history in version", () => {
    expect(DEFAULT_RETAIN_DAYS).toBe(90);
    expect(account.version).toBe(104 + 26);
    expect(history.map((h) => h.sequence)).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
    expect(full.entries.length).toBe(130);
    // Kept: every entry of the last 90 days (13 weeks: earns e91–e103, redeems r91, r95, r99, r103), the
    // older earns whose lots still hold points (e78–e90: 10 a week earned, 7.5 a week redeemed), and the
    // lots the kept redeems took their points from (e66–e77), so those redeems can still be reversed.
    const from = T0 + (7 * 103 - 90) * DAY;
    const recentIds = new Set(full.entries.filter((e) => Date.parse(e.at) >= from).map((e) => e.transactionId));
    const keptLots = new Set(full.lots.filter((l) => l.remaining !== "0").map((l) => l.lotId));
    for (const d of full.debits) if (recentIds.has(d.transactionId)) for (const a of d.lots) keptLots.add(a.lotId);
    expect(
      [...keptLots].filter((id) => !recentIds.has(id)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    ).toEqual(Array.from({ length: 25 }, (_, i) => `e${66 + i}`));
    expect(account.entries.map((e) => e.transactionId)).toEqual(
      full.entries
        .filter((e) => recentIds.has(e.transactionId) || keptLots.has(e.transactionId))
        .map((e) => e.transactionId),
    );
    expect(account.lots).toEqual(full.lots.filter((l) => keptLots.has(l.lotId) || recentIds.has(l.lotId)));
    expect(account.debits).toEqual(full.debits.filter((d) => recentIds.has(d.transactionId)));
    expect(full.entries.length - account.entries.length).toBe(130 - 17 - 25);
    expect(account.checkpoint).toEqual({ version: 130, at: at(7 * 103), balance: "260" });
    expect(balance(account, { at: at(7 * 103) })).toBe(balance(full, { at: at(7 * 103) }));
    // Every history record is valid against the published schema.
    for (const h of history) expect(LedgerHistoryRecordSchema.safeParse(h).success).toBe(true);
  });

  it("agrees with the unbounded account on balances, lots and later operations", () => {
    for (const d of [7 * 103, 7 * 103 + 30, 7 * 103 + 400])
      expect([balance(account, { at: at(d) }), availableLots(account, { at: at(d) })]).toEqual([
        balance(full, { at: at(d) }),
        availableLots(full, { at: at(d) }),
      ]);
    const next: EntryInput = { kind: "redeem", transactionId: "r-last", at: at(7 * 103 + 1), points: "200" };
    expect(balance(post(account, next).account, { at: at(7 * 103 + 2) })).toBe(
      balance(post(full, next).account, { at: at(7 * 103 + 2) }),
    );
  });

  it("rebuilds the snapshot from its history, whole or from an earlier snapshot", () => {
    expect(replayAccount(history, account, { checkpoint: account.checkpoint })).toEqual(account);
    const half = replayAccount(history.slice(0, 60), account);
    expect(replayAccount(history.slice(60), account, { from: half, checkpoint: account.checkpoint })).toEqual(account);
    expect(parseAccount(JSON.parse(JSON.stringify(account)), { history })).toEqual(account);
  });

  it("refuses a history with a gap, another account's records or the wrong figures (HISTORY_MISMATCH)", () => {
    const gap = thrown(() => replayAccount([...history.slice(0, 10), ...history.slice(11)], account)) as OperationError;
    expect(gap.code).toBe("HISTORY_MISMATCH");
    expect(gap.message).toMatch(/history\[10\] has sequence 12 where 11 follows/);
    const other = thrown(() => replayAccount([{ ...(history[0] as LedgerHistoryRecord), accountId: "c-2" }], account));
    expect((other as OperationError).code).toBe("HISTORY_MISMATCH");
    const short = thrown(() =>
      replayAccount(history.slice(0, -1), account, { checkpoint: account.checkpoint }),
    ) as OperationError;
    expect(short.code).toBe("HISTORY_MISMATCH");
    expect(short.details).toMatchObject({ field: "version", expected: 130, actual: 129 });
    const wrongBalance = thrown(() =>
      replayAccount(history, account, { checkpoint: { ...account.checkpoint, balance: "261" } }),
    ) as OperationError;
    expect(wrongBalance.details).toMatchObject({ field: "balance", expected: "261", actual: "260" });
    const notAfter = thrown(() =>
      replayAccount(history.slice(59), account, { from: replayAccount(history.slice(0, 60), account) }),
    );
    expect((notAfter as OperationError).code).toBe("HISTORY_MISMATCH");
  });

  it("gives statements from the history, and says when it needs it (HISTORY_REQUIRED)", () => {
    const period = { from: at(300), to: at(7 * 103 + 10) };
    expect(statement(account, { ...period, history })).toEqual(statement(full, period));
    const e = thrown(() => statement(account, period)) as OperationError;
    expect(e.code).toBe("HISTORY_REQUIRED");
    expect(e.message).toMatch(/pass the account's history/);
    expect((thrown(() => balance(account, { at: at(300) })) as OperationError).code).toBe("HISTORY_REQUIRED");
    // From the newest entry on, the snapshot is enough.
    const recent = { from: at(7 * 103 + 1), to: at(7 * 103 + 400) };
    expect(statement(account, recent)).toEqual(statement(full, recent));
    const wrong = thrown(() => statement(account, { ...period, history: history.slice(0, -1) })) as OperationError;
    expect(wrong.code).toBe("HISTORY_MISMATCH");
  });

  it("recognises retries inside the window; older ones are out of time order, and the store's key covers the rest", () => {
    const recent = account.entries[account.entries.length - 1] as EntryInput;
    expect(post(account, recent).status).toBe("duplicate");
    expect(post(account, recent).history).toEqual([]);
    const old: EntryInput = { kind: "earn", transactionId: "e3", at: at(21), points: "10", expiresAt: at(21 + 365) };
    const e = thrown(() => post(account, old)) as LoyaltyValidationError;
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toMatch(/expected an instant at or after the account's last entry/);
  });

  it("checks a stored snapshot's figures, and against the history an edit that keeps them consistent", () => {
    const json = inMemoryJson(account) as unknown as {
      lots: { points: string; remaining: string }[];
      entries: { points?: string }[];
      checkpoint: { balance: string };
    };
    const lot = json.lots[json.lots.length - 1] as { points: string; remaining: string };
    lot.points = "1000010";
    lot.remaining = "1000010";
    expect(() => parseAccount(json)).toThrow(/does not match what replaying the entries gives/);
    // Entry, lot and checkpoint edited together: the figures add up, only the history shows it.
    (json.entries[json.entries.length - 2] as { points: string }).points = "1000010";
    json.checkpoint.balance = String(260 + 1_000_000);
    expect(parseAccount(json).checkpoint.balance).toBe("1000260");
    const e = thrown(() => parseAccount(json, { history })) as OperationError;
    expect(e.code).toBe("HISTORY_MISMATCH");
  });

  it("records sweeps and holds in the history, and keeps an old open hold with its lots", () => {
    let a = openAccount({ accountId: "h", retainDays: 10 });
    const rows: LedgerHistoryRecord[] = [];
    for (const r of [post(a, { kind: "earn", transactionId: "e1", at: at(0), points: "50", expiresAt: at(40) })]) {
      a = r.account;
      rows.push(...r.history);
    }
    let r = post(a, { kind: "hold", transactionId: "h1", at: at(1), points: "20" });
    a = r.account;
    rows.push(...r.history);
    r = post(a, { kind: "earn", transactionId: "e2", at: at(30), points: "5" });
    a = r.account;
    rows.push(...r.history);
    expect(a.entries.map((x) => x.transactionId)).toEqual(["e1", "h1", "e2"]);
    r = sweepExpired(a, { at: at(41), transactionId: "sweep-41" });
    a = r.account;
    rows.push(...r.history);
    expect(r.history.map((h) => [h.sequence, h.entry.kind])).toEqual([[4, "expire"]]);
    r = post(a, { kind: "capture", transactionId: "c1", at: at(42), holdId: "h1" });
    a = r.account;
    rows.push(...r.history);
    // The capture's debit is inside the window, so the lot it took from stays too.
    expect(a.lots.map((l) => l.lotId)).toEqual(["e1", "e2"]);
    expect(replayAccount(rows, a, { checkpoint: a.checkpoint })).toEqual(a);
    r = post(a, { kind: "earn", transactionId: "e3", at: at(60), points: "1" });
    a = r.account;
    // 18 days later the capture left the window: its debit and the emptied lot go.
    expect(a.entries.map((x) => x.transactionId)).toEqual(["e2", "e3"]);
    expect(a.debits).toEqual([]);
    expect(balance(a, { at: at(60) })).toBe("6");
  });
});

describe("upgradeAccount (from 0.1)", () => {
  const v01 = () => {
    const { account } = weekly(30, 36_500);
    const { retainDays: _r, checkpoint: _c, ...rest } = inMemoryJson(account);
    return rest;
  };

  it("returns the bounded snapshot and every entry as history", () => {
    const { account, history } = upgradeAccount(v01());
    // 30 weekly earns and 7 redeems (weeks 3, 7, …, 27).
    expect(history.length).toBe(37);
    expect(account.version).toBe(37);
    expect(account.entries.length).toBeLessThan(37);
    expect(replayAccount(history, account)).toEqual(account);
    expect(upgradeAccount(v01(), { retainDays: 36_500 }).account.entries.length).toBe(37);
  });

  it("refuses an edited 0.1 snapshot, a bounded one, and says so", () => {
    const edited = v01() as { lots: { remaining: string; points: string }[] };
    (edited.lots[29] as { remaining: string }).remaining = "999";
    expect(() => upgradeAccount(edited)).toThrow(/lots: does not match what replaying the entries gives/);
    expect(() => upgradeAccount(weekly(2).account)).toThrow(/already bounded: read it with parseAccount/);
  });
});

describe("history record JSON Schema", () => {
  it("describes { accountId, sequence, entry } with the entry's kinds and no extra keys", async () => {
    const { ledgerHistoryRecordJsonSchema } = await import("../../src/index.js");
    const schema = ledgerHistoryRecordJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { sequence: { minimum?: number }; entry: { oneOf?: unknown[] } };
    };
    expect(schema.required).toEqual(["accountId", "sequence", "entry"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.sequence.minimum).toBe(1);
    expect(schema.properties.entry.oneOf?.length).toBe(8); // earn, redeem, expire, adjust, reverse, hold, capture, release
  });
});

describe("a reverse of a credit the snapshot dropped, posted directly", () => {
  it("is NOT_FOUND: only a program refund from the checkout record vouches for the amount", () => {
    // 10 points earned on 1 January 2024 and spent the next day; an earn 100 days later leaves the
    // emptied lot (and its entry) outside the 90-day window.
    let a = openAccount({ accountId: "d", retainDays: 90 });
    a = post(a, { kind: "earn", transactionId: "e1", at: "2024-01-01T10:00:00Z", points: "10" }).account;
    a = post(a, { kind: "redeem", transactionId: "x1", at: "2024-01-02T10:00:00Z", points: "10" }).account;
    a = post(a, { kind: "earn", transactionId: "e2", at: "2024-04-10T10:00:00Z", points: "4" }).account;
    expect(a.entries.some((e) => e.transactionId === "e1")).toBe(false);
    const err = thrown(() =>
      post(a, {
        kind: "reverse",
        transactionId: "r1",
        at: "2024-04-11T10:00:00Z",
        reverses: "e1",
        points: "10",
        shortfall: "deduct-available",
      }),
    ) as OperationError;
    expect(err.code).toBe("NOT_FOUND");
  });
});
