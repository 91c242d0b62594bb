// Simulated tills for the concurrency and fault tests (and bench/pg.mjs's twin): each till sells to
// random customers, sometimes pays with points, retries as if a reply was lost, refunds, redeems and
// holds; then `verify` checks the tables against an independent recomputation.
import { LoyaltyError } from "../../src/errors/errors.js";
import type { PgPoolLike, PostgresStore } from "../../src/postgres/index.js";

export interface TillsOptions {
  readonly tills: number;
  readonly salesPerTill: number;
  readonly customers: number;
  readonly seed: number;
  /** Retry an operation whose answer was not a LoyaltyError refusal (faults) up to this many times. */
  readonly persist?: number;
}

export interface TillsReport {
  /** Every checkout transactionId the tills sold, with its points earned as first answered. */
  readonly sales: Map<string, { customer: string; pointsEarned: string }>;
  readonly counts: Record<string, number>;
  readonly problems: string[];
}

/** mulberry32: a small seeded PRNG (public domain), so a failing run can be replayed by its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every operation happens at one instant: the library refuses a purchase earlier than the account's
// last one, and 8 racing tills cannot promise time order per customer (late sales are the bounded
// model's work). Equal instants are allowed.
export const AT = "2026-03-07T10:00:00.000Z";

export async function runTills(store: PostgresStore, o: TillsOptions): Promise<TillsReport> {
  const sales = new Map<string, { customer: string; pointsEarned: string }>();
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  const count = (k: string) => {
    counts[k] = (counts[k] ?? 0) + 1;
  };

  /** Calls `op` until it answers or refuses with a typed LoyaltyError other than RETRIES_EXHAUSTED. */
  async function persist<T>(what: string, op: () => Promise<T>): Promise<T | LoyaltyError> {
    for (let n = 0; ; n++) {
      try {
        return await op();
      } catch (e) {
        if (e instanceof LoyaltyError && e.code !== "RETRIES_EXHAUSTED") return e;
        count(e instanceof LoyaltyError ? "caller retry: RETRIES_EXHAUSTED" : "caller retry: driver error");
        if (n >= (o.persist ?? 0)) {
          problems.push(`${what}: ${String(e)}`);
          throw e;
        }
      }
    }
  }

  async function till(t: number): Promise<void> {
    const random = rng(o.seed * 1000 + t);
    const pick = (n: number) => Math.floor(random() * n);
    const mine: { id: string; customer: string; lines: number }[] = [];
    for (let i = 0; i < o.salesPerTill; i++) {
      const customer = `c${pick(o.customers)}`;
      const id = `till${t}-${i}`;
      const lines = Array.from({ length: 1 + pick(3) }, (_, l) => ({
        id: String(l + 1),
        sku: `SKU${pick(20)}`,
        quantity: 1 + pick(3),
        unitPrice: { amount: `${1 + pick(40)}.${String(pick(100)).padStart(2, "0")}`, currency: "EUR" },
      }));
      const basket = { id, at: AT, lines };
      const redeem = random() < 0.2 ? String(5 + pick(30)) : undefined;
      const options = { transactionId: id, consent: true, ...(redeem === undefined ? {} : { redeemPoints: redeem }) };
      const concurrentRetry = random() < 0.02;
      let rounds = 0;
      const sell = () => store.checkout(customer, basket, options);
      let first = await (concurrentRetry
        ? persist(id, async () => {
            // A retry sent while the first attempt is still running (the reply was slow, not lost).
            const firstRound = rounds++ === 0;
            const both = await Promise.allSettled([sell(), sell()]);
            const reasons = both.flatMap((b) => (b.status === "rejected" ? [b.reason as unknown] : []));
            const refusal = (e: unknown) => e instanceof LoyaltyError && e.code !== "RETRIES_EXHAUSTED";
            // An unknown outcome (a fault) is retried with the same request, both sends again: only a
            // retry's answer says whether the sale was stored.
            const fault = reasons.find((e) => !refusal(e));
            if (fault !== undefined) throw fault;
            count("concurrent double send");
            const ok = both.flatMap((b) => (b.status === "fulfilled" ? [b.value] : []));
            const applied = ok.filter((r) => r.status === "applied").length;
            // Exactly one applies, unless an earlier round's send stored the sale (then both say duplicate)
            // or one send was refused (below).
            if (applied > 1 || (firstRound && reasons.length === 0 && applied !== 1))
              problems.push(`${id}: ${applied} of 2 concurrent sends applied`);
            // One send answered, the other refused: the refusal was decided on the account as it was
            // before the other send's write (another till had spent the points, a later sale earned
            // them back) and stored nothing, so the answer that stored the sale stands.
            if (ok[0] === undefined) throw reasons[0];
            if (reasons.length > 0) count("concurrent send refused beside an answer");
            return ok[0];
          })
        : persist(id, sell));
      if (first instanceof LoyaltyError && first.code === "INSUFFICIENT_POINTS" && redeem !== undefined) {
        // Not enough points (another till spent them): the refusal stored nothing, so the same id sells without points.
        count("checkout redemption refused");
        first = await persist(id, () => store.checkout(customer, basket, { transactionId: id, consent: true }));
      }
      if (first instanceof LoyaltyError) {
        problems.push(`${id}: refused ${first.code}: ${first.message}`);
        continue;
      }
      count(`checkout ${first.status}`);
      sales.set(id, { customer, pointsEarned: first.pointsEarned });
      mine.push({ id, customer, lines: lines.length });
      const again = redeem !== undefined && first.pointsRedeemed === "0" ? undefined : options;
      if (again !== undefined && random() < 0.05) {
        const retry = await persist(id, () => store.checkout(customer, basket, again));
        if (retry instanceof LoyaltyError || retry.status !== "duplicate" || retry.pointsEarned !== first.pointsEarned)
          problems.push(`${id}: retry answered ${retry instanceof LoyaltyError ? retry.code : retry.status}`);
        count("lost-reply retry");
      }
      const r = random();
      if (r < 0.05 && mine.length > 0) {
        const sale = mine[pick(mine.length)] as (typeof mine)[0];
        const refundId = `${id}/refund`;
        const lineChoice = random() < 0.5 ? { lines: [{ id: String(1 + pick(sale.lines)), quantity: 1 }] } : {};
        const back = await persist(refundId, () =>
          store.refund(sale.customer, sale.id, { at: AT, transactionId: refundId, ...lineChoice }),
        );
        count(back instanceof LoyaltyError ? `refund refused ${back.code}` : `refund ${back.status}`);
      } else if (r < 0.1) {
        const d = await persist(`${id}/redeem`, () =>
          store.redeem(customer, { transactionId: `${id}/redeem`, at: AT, points: String(1 + pick(20)) }),
        );
        count(d instanceof LoyaltyError ? `redeem refused ${d.code}` : `redeem ${d.status}`);
      } else if (r < 0.13) {
        const holdId = `${id}/hold`;
        const h = await persist(holdId, () =>
          store.hold(customer, { transactionId: holdId, at: AT, points: String(1 + pick(20)) }),
        );
        count(h instanceof LoyaltyError ? `hold refused ${h.code}` : `hold ${h.status}`);
        if (!(h instanceof LoyaltyError)) {
          const close =
            random() < 0.5
              ? await persist(`${id}/capture`, () =>
                  store.capture(customer, { transactionId: `${id}/capture`, at: AT, holdId, points: "1" }),
                )
              : await persist(`${id}/release`, () =>
                  store.release(customer, { transactionId: `${id}/release`, at: AT, holdId }),
                );
          count(
            close instanceof LoyaltyError ? `hold close refused ${close.code}` : `${close.entry.kind} ${close.status}`,
          );
        }
      }
    }
  }

  await Promise.all(Array.from({ length: o.tills }, (_, t) => till(t)));
  return { sales, counts, problems };
}

interface Row {
  seq: string;
  account_key: string;
  transaction_id: string;
  kind: string;
  record: { entries?: Entry[]; entry?: Entry };
}
interface Entry {
  kind: string;
  transactionId: string;
  points?: string;
  reverses?: string;
  holdId?: string;
}

/**
 * Checks the tables after a run: every sale stored exactly once; each account's snapshot holds
 * exactly the checkouts and refunds of its history rows; the balance equals a recomputation from the
 * history rows alone (a signed sum of their ledger entries); no redemption took a balance below zero.
 */
export async function verify(
  pool: PgPoolLike,
  store: PostgresStore,
  report: TillsReport,
): Promise<{ problems: string[]; accounts: number; rows: number }> {
  const problems = [...report.problems];
  const client = await pool.connect();
  let rows: Row[];
  try {
    rows = (
      await client.query(
        `SELECT h.seq::text AS seq, h.account_key, h.transaction_id, h.kind, h.record FROM ${store.tables.history} h ORDER BY h.seq`,
      )
    ).rows as unknown as Row[];
  } finally {
    client.release();
  }
  // One pass over the history rows: by transactionId and by account.
  const byTx = new Map<string, Row[]>();
  const perAccount = new Map<string, Row[]>();
  for (const r of rows) {
    const t = byTx.get(r.transaction_id);
    if (t === undefined) byTx.set(r.transaction_id, [r]);
    else t.push(r);
    const a = perAccount.get(r.account_key);
    if (a === undefined) perAccount.set(r.account_key, [r]);
    else a.push(r);
  }
  for (const [id, sale] of report.sales) {
    const stored = byTx.get(id) ?? [];
    if (stored.length !== 1) problems.push(`sale ${id} stored ${stored.length} times`);
    else if (stored[0]?.account_key !== sale.customer) problems.push(`sale ${id} stored on the wrong account`);
  }
  for (const r of rows)
    if (r.kind === "checkout" && !report.sales.has(r.transaction_id)) problems.push(`unknown sale ${r.transaction_id}`);

  for (const [key, list] of perAccount) {
    let points = 0;
    const kinds = new Map<string, string>();
    const holds = new Map<string, number>();
    for (const r of list) {
      const entries = r.record.entries ?? (r.record.entry === undefined ? [] : [r.record.entry]);
      for (const e of entries) {
        const p = Number(e.points ?? "0");
        kinds.set(e.transactionId, e.kind);
        switch (e.kind) {
          case "earn":
            points += p;
            break;
          case "redeem":
            points -= p;
            if (points < 0) problems.push(`${key}: ${e.transactionId} took the balance to ${points}`);
            break;
          case "hold":
            points -= p;
            holds.set(e.transactionId, p);
            if (points < 0) problems.push(`${key}: hold ${e.transactionId} took the balance to ${points}`);
            break;
          case "capture": {
            const held = holds.get(e.holdId ?? "") ?? Number.NaN;
            points += held - (e.points === undefined ? held : p);
            break;
          }
          case "release":
            points += holds.get(e.holdId ?? "") ?? Number.NaN;
            break;
          case "reverse": {
            const of = kinds.get(e.reverses ?? "");
            if (of === "earn") points -= p;
            else if (of === "redeem") points += p;
            else problems.push(`${key}: reverse of unknown ${e.reverses}`);
            break;
          }
          default:
            problems.push(`${key}: unexpected entry kind ${e.kind}`);
        }
      }
    }
    const stored = await store.balance(key, { at: AT });
    if (Number(stored) !== points) problems.push(`${key}: stored balance ${stored}, recomputed from history ${points}`);
    const paged = (await store.history(key, { limit: 100_000 })).map((h) => h.transactionId);
    if (paged.join() !== list.map((r) => r.transaction_id).join())
      problems.push(`${key}: history() is not in seq order`);
    const account = await store.account(key);
    const purchases = (account?.sales ?? []).map((x) => x.transactionId).sort();
    const checkouts = list
      .filter((r) => r.kind === "checkout")
      .map((r) => r.transaction_id)
      .sort();
    if (purchases.join() !== checkouts.join()) problems.push(`${key}: snapshot purchases differ from history rows`);
    const refunds = (account?.refunds ?? []).map((x) => x.transactionId).sort();
    const refundRows = list
      .filter((r) => r.kind === "refund")
      .map((r) => r.transaction_id)
      .sort();
    if (refunds.join() !== refundRows.join()) problems.push(`${key}: snapshot refunds differ from history rows`);
    const ledgerRows = list.reduce(
      (n, r) => n + (r.record.entries?.length ?? (r.record.entry === undefined ? 0 : 1)),
      0,
    );
    if (account?.points.entries.length !== ledgerRows)
      problems.push(
        `${key}: ${account?.points.entries.length} ledger entries in the snapshot, ${ledgerRows} in history`,
      );
  }
  return { problems, accounts: perAccount.size, rows: rows.length };
}
