// An offline till sends its sales hours later, and every sale says which store and till it came from.
import { availableLots, balance, openAccount, post, postLate } from "loyalty-kit";

let account = openAccount({ accountId: "card-0042" });
const history = [];
const book = (r) => {
  history.push(...r.history);
  account = r.account;
  return r;
};

// 12:00 — an online sale. Points from a sale expire one year after it.
book(
  post(account, {
    kind: "earn",
    transactionId: "web-1",
    at: "2026-03-01T12:00:00Z",
    points: "50",
    expiresAt: "2027-03-01T12:00:00Z",
    storeId: "web",
  }),
);

// 15:00 — till 3 of the Mitte store comes back online with its 09:30 sale.
const lateSale = {
  kind: "earn",
  transactionId: "mitte-3:s-19",
  at: "2026-03-01T09:30:00Z",
  points: "20",
  expiresAt: "2027-03-01T09:30:00Z",
  storeId: "mitte",
  tillId: "till-3",
};
const late = book(postLate(account, lateSale));
const entry = late.history[0].entry;
console.log(`booked at ${entry.at}, earned at ${entry.earnedAt}`);
console.log(availableLots(account, { at: "2026-03-02T00:00:00Z" }));
console.log("balance", balance(account, { at: "2026-03-02T00:00:00Z" }));
// The late sale's points expire a year after the sale, not after the booking.
console.log("balance on 2027-03-01 at 10:00", balance(account, { at: "2027-03-01T10:00:00Z" }));

// A retry of the late sale is a duplicate.
console.log("retry:", postLate(account, lateSale).status);

// A redeem cannot be back-dated: the points may have been spent since.
try {
  postLate(account, {
    kind: "redeem",
    transactionId: "mitte-3:s-20",
    at: "2026-03-01T09:45:00Z",
    points: "10",
    storeId: "mitte",
  });
} catch (e) {
  console.log(e.code, e.details.conflict);
}

// Points earned per store, from the history.
const perStore = {};
for (const { entry: e } of history)
  if (e.kind === "earn") perStore[e.storeId ?? "?"] = (perStore[e.storeId ?? "?"] ?? 0) + Number(e.points);
console.log(perStore);
