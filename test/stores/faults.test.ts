// Faults under load: a killer terminates till connections mid-transaction (pg_terminate_backend),
// both before statements drawn at random and, in the background, whichever connection is busy when it
// looks, and random statements hit a statement timeout. Afterwards the same
// invariants as the concurrency test hold: every sale stored exactly once and fully (its history row,
// its purchase in the snapshot and its ledger entries together, or none of them), and the tills'
// retries with the same transactionId completed every interrupted sale.
// STORES_FAULT_SALES=<n> changes the sales per till (default 150).
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createPostgresStore, type PgClientLike, type PgPoolLike } from "../../src/postgres/index.js";
import { runTills, verify } from "./_tills.js";
import { announceSkip, freshPrefix, hasServer, makePool, program } from "./_pg.js";

announceSkip("test/stores/faults.test.ts");
const APP = "loyalty-fault-till";
const pool = hasServer ? makePool(8, APP) : undefined;
afterAll(async () => {
  await pool?.end();
});
const SALES = Number(process.env["STORES_FAULT_SALES"] ?? 150);

/** Fault counts; `armed` is true while the tills run (the checks afterwards run without faults). */
interface Counter {
  timeouts: number;
  kills: number;
  armed: boolean;
}

/**
 * A pool whose clients make 1 statement in 100 run into a real statement timeout first, and 1 in 200
 * find their connection terminated by the killer (pg_terminate_backend) just before it is sent. The
 * killed statements are drawn here rather than left to the background killer's timing alone, so
 * every run kills some connections mid-transaction however fast the server answers.
 */
function withFaults(inner: PgPoolLike, killer: pg.Client, counter: Counter): PgPoolLike {
  const pids = new WeakMap<PgClientLike, number>(); // the pool hands out the same client objects again
  return {
    async connect() {
      const client = await inner.connect();
      let pid = pids.get(client);
      if (pid === undefined) {
        try {
          pid = Number((await client.query("SELECT pg_backend_pid() AS pid")).rows[0]?.["pid"]);
        } catch (err) {
          client.release(err instanceof Error ? err : new Error(String(err))); // killed meanwhile: drop it
          throw err;
        }
        pids.set(client, pid);
      }
      const backend = pid;
      const wrapped: PgClientLike = {
        async query(text, values) {
          const sql = typeof text === "string" ? text : text.text; // the store sends named prepared statements
          if (!counter.armed || /^(BEGIN|COMMIT|ROLLBACK)$/.test(sql)) return client.query(text, values);
          const draw = Math.random();
          if (draw < 0.005) {
            counter.kills++;
            await killer.query("SELECT pg_terminate_backend($1)", [backend]); // this statement then fails
          } else if (draw < 0.015) {
            counter.timeouts++;
            await client.query("SET statement_timeout = 5");
            try {
              await client.query("SELECT pg_sleep(0.05)"); // canceled by the server: SQLSTATE 57014
            } finally {
              // Outside a transaction this resets the session; inside one the failed transaction's
              // rollback undoes the SET anyway (and this RESET fails, ignored).
              await client.query("RESET statement_timeout").catch(() => undefined);
            }
          }
          return client.query(text, values);
        },
        release: (err) => client.release(err),
      };
      return wrapped;
    },
  };
}

it.skipIf(!hasServer)(
  `8 tills × ${SALES} checkouts with killed connections and statement timeouts: every sale exactly once and whole`,
  async () => {
    const p = pool as NonNullable<typeof pool>;
    const counter: Counter = { timeouts: 0, kills: 0, armed: true };
    const killer = new pg.Client();
    killer.on("error", () => undefined);
    await killer.connect();
    const store = createPostgresStore(withFaults(p, killer, counter), {
      program,
      tablePrefix: freshPrefix("faults"),
      maxAttempts: 4, // small, so RETRIES_EXHAUSTED reaches the tills too and they retry the same id
    });
    await store.migrate();
    let running = true;
    const killing = (async () => {
      while (running) {
        const r = await killer.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = $1 AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()
           ORDER BY random() LIMIT 1`,
          [APP],
        );
        counter.kills += r.rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
      }
    })();
    let report: Awaited<ReturnType<typeof runTills>>;
    try {
      report = await runTills(store, { tills: 8, salesPerTill: SALES, customers: 50, seed: 1818, persist: 50 });
    } finally {
      running = false;
      counter.armed = false;
      await killing;
      await killer.end();
    }
    const result = await verify(p, store, report);
    console.log(
      `faults: ${report.sales.size} sales, ${counter.kills} connections killed, ${counter.timeouts} statement timeouts;`,
      JSON.stringify(report.counts),
    );
    expect(result.problems.slice(0, 20)).toEqual([]);
    expect(report.sales.size).toBe(8 * SALES);
    expect(counter.kills).toBeGreaterThan(0);
    expect(counter.timeouts).toBeGreaterThan(0);
  },
  600_000,
);
