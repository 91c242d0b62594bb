// A bounded snapshot beside an append-only history: two years of a weekly customer.
import { balance, openAccount, parseAccount, postMany, replayAccount, statement } from "loyalty-kit";

const day = (d) => new Date(Date.parse("2024-01-01T10:00:00Z") + d * 86_400_000).toISOString();

// The store: one snapshot row per account, and a history table with two unique keys,
// (accountId, sequence) and (accountId, transactionId) — the second is idempotency beyond 90 days.
const store = { snapshot: openAccount({ accountId: "card-0042" }), history: [] };

for (let week = 0; week < 104; week++) {
  const entries = [
    { kind: "earn", transactionId: `sale-${week}`, at: day(7 * week), points: "10", expiresAt: day(7 * week + 365) },
  ];
  if (week % 4 === 3)
    entries.push({ kind: "redeem", transactionId: `reward-${week}`, at: day(7 * week), points: "30" });
  const r = postMany(store.snapshot, entries, { expectedVersion: store.snapshot.version });
  // In one database transaction: append the history rows, then replace the snapshot.
  store.history.push(...r.history);
  store.snapshot = r.account;
}

const { snapshot, history } = store;
console.log("entries in the history:", history.length, "| last row:", JSON.stringify(history.at(-1)));
console.log("entries kept in the snapshot:", snapshot.entries.length, "| lots:", snapshot.lots.length);
// JSON.stringify writes the compact stored form (entries as tuples, lots without what their entries
// hold); the object form, as the snapshot is in memory, is shown for comparison.
const stored = JSON.stringify(snapshot);
console.log("snapshot JSON:", stored.length, "bytes (object form:", JSON.stringify({ ...snapshot }).length, "bytes)");
const {
  form,
  entries: [entry],
  lots: [lot],
} = JSON.parse(stored);
console.log("stored form:", form, "| first entry:", JSON.stringify(entry), "| first lot:", JSON.stringify(lot));
console.log("checkpoint:", JSON.stringify(snapshot.checkpoint));
console.log("balance now:", balance(snapshot, { at: day(7 * 103) }));

// The history rebuilds the snapshot exactly, and must end on its checkpoint.
const rebuilt = replayAccount(history, snapshot, { checkpoint: snapshot.checkpoint });
console.log("rebuilt from history equals the snapshot:", JSON.stringify(rebuilt) === JSON.stringify(snapshot));

// Old periods need the history; a gap in it is refused.
const year1 = statement(snapshot, { from: day(0), to: day(364), history });
console.log("first year: opening", year1.opening, "closing", year1.closing, "lines", year1.lines.length);
try {
  statement(snapshot, { from: day(0), to: day(364) });
} catch (e) {
  console.log(e.code);
}
try {
  replayAccount([...history.slice(0, 5), ...history.slice(6)], snapshot);
} catch (e) {
  console.log(e.code, e.details.field, e.details.expected, e.details.actual);
}

// Read back from storage: figures checked; with the history, checked entry by entry.
console.log("parsed with history:", parseAccount(JSON.parse(JSON.stringify(snapshot)), { history }).version);
