// Shared by the SQLite till tests: a seeded lossy network between one offline till and the central
// sync handler (drops, duplicates and reorders messages in both directions), an in-memory central
// store for the server-less test, and the scenario both tests run.
import Database from "better-sqlite3";
import { IdempotencyConflictError, LoyaltyError, loyaltyError } from "../../src/errors/errors.js";
import { balance } from "../../src/ledger/balance.js";
import { post } from "../../src/ledger/post.js";
import type { EntryInput } from "../../src/ledger/schemas.js";
import type { ProgramAccount } from "../../src/programs/account.js";
import type { BasketInput } from "../../src/programs/basket.js";
import { checkout } from "../../src/programs/checkout.js";
import { openProgramAccount } from "../../src/programs/openProgramAccount.js";
import { parseProgram } from "../../src/programs/parseProgram.js";
import type { StoreRedeemInput } from "../../src/postgres/index.js";
import type { TillCheckoutOptions as StoreCheckoutOptions } from "../../src/sqlite/index.js";
import {
  type CentralStoreLike,
  createSqliteTill,
  createSyncHandler,
  type SqliteTill,
  type SyncBatch,
  type SyncReply,
} from "../../src/sqlite/index.js";

/**
 * The test program (the same as test/stores/_pg.ts's, without importing pg): 1 point per 1.00 paid
 * (floor), points worth 0.01 up to half a basket, no expiry.
 */
export const program = parseProgram({
  kind: "bonus",
  id: "store-test",
  name: "Store test",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
  redeem: { pointValue: "0.01", maxShare: "50" },
  clawback: "negative-balance",
});

/** mulberry32: a small seeded PRNG (public domain), so a failing run can be replayed by its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const basket = (id: string, at: string, amount: string): BasketInput => ({
  id,
  at,
  lines: [{ id: "1", sku: "TEE", quantity: 1, unitPrice: { amount, currency: "EUR" } }],
});

/** A central store in memory: the pure functions over a Map, exactly once per transactionId (the PostgreSQL store's contract). */
export function memoryCentral(): CentralStoreLike & { applied: string[] } {
  const accounts = new Map<string, ProgramAccount>();
  const requests = new Map<string, string>(); // transactionId → request
  const applied: string[] = []; // every application, in order: a duplicate would show twice
  const once = async (id: string, request: string, step: () => void) => {
    const seen = requests.get(id);
    if (seen !== undefined) {
      if (seen !== request) throw new IdempotencyConflictError(id, "different request");
      return { status: "duplicate" };
    }
    step();
    requests.set(id, request);
    applied.push(id);
    return { status: "applied" };
  };
  return {
    applied,
    checkout: (key, b, options) =>
      once(options.transactionId, JSON.stringify([key, b, options]), () => {
        const account = accounts.get(key) ?? openProgramAccount(program, { customerId: key, consent: true });
        accounts.set(key, checkout(program, account, b, options).account);
      }),
    refund: async () => {
      throw new Error("not used");
    },
    redeem: (key, input) =>
      once(input.transactionId, JSON.stringify([key, input]), () => {
        const account = accounts.get(key);
        if (account === undefined) throw loyaltyError("NOT_FOUND", `no account ${key}`, { accountKey: key });
        const r = post(account.points, { ...input, kind: "redeem" } as EntryInput);
        accounts.set(key, { ...account, version: account.version + 1, points: r.account });
      }),
    account: async (key) => accounts.get(key) ?? null,
  };
}

export function newTill(tillId = "till-1"): { till: SqliteTill; db: Database.Database } {
  const db = new Database(":memory:");
  const till = createSqliteTill(db, { program, tillId });
  till.migrate();
  return { till, db };
}

/**
 * Runs `rounds` steps of a lossy network: each step the till may send its batch; then in-flight
 * messages are delivered in random order, each dropped with probability `drop` or delivered and
 * kept for a later second delivery with probability `dup`. Then sends reliably until the queue is
 * empty. Returns what the network did.
 */
export async function lossySync(
  till: SqliteTill,
  handle: (b: SyncBatch) => Promise<SyncReply>,
  o: { seed: number; rounds: number; drop: number; dup: number; refresh: readonly string[] },
): Promise<{ dropped: number; duplicated: number; delivered: number; reliableRounds: number }> {
  const random = rng(o.seed);
  type Msg = { to: "central"; batch: SyncBatch } | { to: "till"; reply: SyncReply };
  const net: Msg[] = [];
  const stats = { dropped: 0, duplicated: 0, delivered: 0, reliableRounds: 0 };
  for (let i = 0; i < o.rounds; i++) {
    if (random() < 0.6)
      net.push({ to: "central", batch: till.batch({ limit: 1 + Math.floor(random() * 6), refresh: o.refresh }) });
    while (net.length > 0 && random() < 0.7) {
      const m = net.splice(Math.floor(random() * net.length), 1)[0] as Msg;
      if (random() < o.drop) {
        stats.dropped++;
        continue;
      }
      if (random() < o.dup) {
        stats.duplicated++;
        net.push(m);
      }
      stats.delivered++;
      if (m.to === "central") net.push({ to: "till", reply: await handle(m.batch) });
      else till.receive(m.reply);
    }
  }
  // Stale messages still in flight arrive after everything else (the worst order).
  for (const m of net.reverse()) {
    if (m.to === "central") till.receive(await handle(m.batch));
    else till.receive(m.reply);
  }
  while (till.pending().length > 0 && stats.reliableRounds < 50) {
    stats.reliableRounds++;
    till.receive(await handle(till.batch({ refresh: o.refresh })));
  }
  till.receive(await handle(till.batch({ refresh: o.refresh })));
  return stats;
}

const CUSTOMERS = ["c1", "c2", "c3", "c4", "c5"];

export interface ScenarioResult {
  readonly sales: readonly string[];
  readonly network: Awaited<ReturnType<typeof lossySync>>;
  readonly till: SqliteTill;
  /** Balances at the end: the till's copy and the central store's, per customer. */
  readonly balances: Record<string, { till: string; central: string }>;
}

/**
 * The offline-till story. The central store knows c1 (100 points, earned 09:00) and c2 (50 points);
 * the till learns both, then goes offline. At 09:30 another till redeems 60 of c1's points at the
 * central store. Offline from 10:00, the till sells `sales` random baskets to c1…c5 (one a minute),
 * and redeems 80 of c1's points at 10:05 (its copy says 100 + 20 = 120) and 30 of c2's at 10:06.
 * Then it syncs over the lossy network.
 */
export async function runScenario(
  central: CentralStoreLike,
  o: { seed: number; sales: number; drop: number; dup: number; rounds: number },
): Promise<ScenarioResult> {
  const handler = createSyncHandler(central);
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 7, 10, minute)).toISOString();
  // The test program earns 1 point per 1.00 paid: 100.00 → 100 points, 50.00 → 50 points.
  await central.checkout("c1", basket("central-b1", "2026-03-07T09:00:00.000Z", "100.00"), {
    transactionId: "central-1",
    consent: true,
  });
  await central.checkout("c2", basket("central-b2", "2026-03-07T09:00:00.000Z", "50.00"), {
    transactionId: "central-2",
    consent: true,
  });
  const { till } = newTill();
  till.receive(await handler.handle(till.batch({ refresh: ["c1", "c2"] })));
  await central.redeem("c1", { transactionId: "other-till-r1", at: "2026-03-07T09:30:00.000Z", points: "60" });

  const random = rng(o.seed);
  const sales: string[] = [];
  for (let i = 0; i < o.sales; i++) {
    // c1's only sales before its redemption are minutes 0 and 1, 10.00 each: +20 points.
    const customer = i < 2 ? "c1" : i < 5 ? "c2" : (CUSTOMERS[Math.floor(random() * CUSTOMERS.length)] as string);
    const minute = i < 5 ? i : i + 2;
    const amount =
      i < 2 ? "10.00" : `${1 + Math.floor(random() * 30)}.${String(Math.floor(random() * 100)).padStart(2, "0")}`;
    till.checkout(customer, basket(`b${i}`, at(minute), amount), { transactionId: `sale-${i}`, consent: true });
    sales.push(`sale-${i}`);
    if (i === 4) {
      till.redeem("c1", { transactionId: "r-c1", at: at(5), points: "80" });
      till.redeem("c2", { transactionId: "r-c2", at: at(6), points: "30" });
    }
  }
  const network = await lossySync(till, handler.handle, { ...o, refresh: CUSTOMERS });
  const balances: Record<string, { till: string; central: string }> = {};
  const end = { at: "2026-03-07T23:00:00.000Z" };
  for (const c of CUSTOMERS) {
    const account = await central.account(c);
    balances[c] = { till: till.balance(c, end), central: account === null ? "none" : balance(account.points, end) };
  }
  return { sales, network, till, balances };
}

export const isLoyalty = (e: unknown): e is LoyaltyError => e instanceof LoyaltyError;
export type { StoreCheckoutOptions, StoreRedeemInput };
