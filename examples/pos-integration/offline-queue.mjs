// A till that lost its connection keeps selling. It queues each loyalty write with its own
// transactionId and syncs the queue in order when it is back online.
import { balance, openAccount, post, LoyaltyError } from "loyalty-kit";

let server = openAccount({ accountId: "card-0042" });
const send = (entry) => {
  const r = post(server, entry);
  server = r.account;
  return r.status;
};

// 10:00 and 10:05: two sales while offline. The queue keeps what happened and when.
const queue = [
  { transactionId: "till-2:receipt-1041", soldAt: "2026-03-01T10:00:00Z", points: "36", postedAt: undefined },
  { transactionId: "till-2:receipt-1042", soldAt: "2026-03-01T10:05:00Z", points: "12", postedAt: undefined },
];

// 10:30: meanwhile another till, online, posts for the same customer.
send({ kind: "earn", transactionId: "till-1:receipt-0977", at: "2026-03-01T10:30:00Z", points: "20" });

// Posting with the sale time is refused: a ledger only grows forward in time.
try {
  send({ kind: "earn", transactionId: "till-2:receipt-1041", at: "2026-03-01T10:00:00Z", points: "36" });
} catch (e) {
  if (e instanceof LoyaltyError) console.log(`backdated: ${e.code}`);
}

// Instead: post at the sync time, keep the sale time in meta. The posting instant is fixed the
// first time an item is sent and stored with it, so a resend is byte-for-byte the same entry
// (a duplicate), never a conflicting one.
function sync(now, { failAfter = Infinity } = {}) {
  let sent = 0;
  for (const item of queue) {
    if (sent === failAfter) throw new Error("connection lost again");
    item.postedAt ??= now;
    const status = send({
      kind: "earn",
      transactionId: item.transactionId,
      at: item.postedAt,
      points: item.points,
      meta: { soldAt: item.soldAt },
    });
    console.log(`  ${item.transactionId}: ${status}`);
    sent++;
  }
  queue.length = 0;
}

console.log("sync at 11:00");
try {
  sync("2026-03-01T11:00:00Z", { failAfter: 1 });
} catch (e) {
  console.log(`  ${e.message}`);
}
console.log("sync at 11:10");
sync("2026-03-01T11:10:00Z");

console.log(`balance ${balance(server, { at: "2026-03-01T12:00:00Z" })}, entries ${server.entries.length}`);
console.log(
  server.entries
    .map((e) => `${e.transactionId} at ${e.at.slice(11, 16)}${e.meta ? ` sold ${e.meta.soldAt.slice(11, 16)}` : ""}`)
    .join("\n"),
);
