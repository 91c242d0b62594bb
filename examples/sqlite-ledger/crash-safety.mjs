// A crash between two writes loses nothing and duplicates nothing; a retry after a lost answer is a
// duplicate; a stale till gets VersionConflictError; the ledger survives a restart (replay on load).
import initSqlJs from "sql.js";
import { balance, LoyaltyError } from "loyalty-kit";
import { openStore } from "./store.mjs";

const SQL = await initSqlJs();
const db = new SQL.Database();
const store = openStore(db);
const at = (day) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;
const show = (label, accountId = "card-0042") => {
  const account = store.load(accountId);
  const { entries, repeated } = store.audit();
  console.log(
    `${label}: balance ${balance(account, { at: at(28) })}, version ${account.version}, rows ${entries}, repeated ${repeated}`,
  );
};

store.createAccount({ accountId: "card-0042" });
store.postEntry("card-0042", { kind: "earn", transactionId: "sale-1", at: at(1), points: "120" });
show("after sale-1");

// The process dies after inserting sale-2's entry but before the version update and COMMIT.
try {
  store.postEntry(
    "card-0042",
    { kind: "earn", transactionId: "sale-2", at: at(2), points: "35" },
    {},
    {
      beforeCommit: () => {
        throw new Error("power cut");
      },
    },
  );
} catch (e) {
  console.log(`sale-2 crashed mid-transaction: ${e.message}`);
}
show("after the crash");

// The till retries sale-2 (same transactionId): applied once.
console.log(
  `retry sale-2: ${store.postEntry("card-0042", { kind: "earn", transactionId: "sale-2", at: at(2), points: "35" }).status}`,
);
show("after the retry");

// The answer to that retry was lost too; the till retries again: a duplicate, nothing stored.
console.log(
  `retry sale-2 again: ${store.postEntry("card-0042", { kind: "earn", transactionId: "sale-2", at: at(2), points: "35" }).status}`,
);
show("after the second retry");

// Two tills read version 2; the first redeems, the second is stale.
store.postEntry(
  "card-0042",
  { kind: "redeem", transactionId: "redeem-1", at: at(3), points: "100" },
  { expectedVersion: 2 },
);
try {
  store.postEntry(
    "card-0042",
    { kind: "redeem", transactionId: "redeem-2", at: at(3), points: "100" },
    { expectedVersion: 2 },
  );
} catch (e) {
  if (e instanceof LoyaltyError) console.log(`second till: ${e.code}`);
}
// Reloading, the second till sees 55 points left: redeeming 100 is refused as a typed error.
try {
  store.postEntry(
    "card-0042",
    { kind: "redeem", transactionId: "redeem-2", at: at(3), points: "100" },
    { expectedVersion: 3 },
  );
} catch (e) {
  if (e instanceof LoyaltyError) console.log(`second till after reload: ${e.code}`);
}
show("after the race");

// Restart: export the database, open it again, rebuild the account from its entries.
const restarted = openStore(new SQL.Database(db.export()));
const account = restarted.load("card-0042");
console.log(
  `after restart: balance ${balance(account, { at: at(28) })}, entries ${account.entries.map((e) => e.transactionId).join(", ")}`,
);

// The UNIQUE constraint is the last line of defence: even a raw insert of a stored transactionId fails.
try {
  db.run("INSERT INTO entries (account_id, seq, transaction_id, entry) VALUES ('card-0042', 99, 'sale-1', '{}')");
} catch (e) {
  console.log(`raw duplicate insert: ${e.message}`);
}
