// A till retries a write whose answer it never received: same transactionId, same payload.
import { balance, IdempotencyConflictError, openAccount, post } from "loyalty-kit";

let account = openAccount({ accountId: "card-0042" });
// The transactionId comes from the till, not the server: store, till and receipt number.
const sale = { kind: "earn", transactionId: "shop-7:till-2:receipt-1041", at: "2026-03-01T10:00:00Z", points: "36" };

const first = post(account, sale);
account = first.account;
const retry = post(account, sale); // the network dropped the first answer
console.log(first.status, retry.status, balance(retry.account, { at: "2026-03-01T12:00:00Z" }));
console.log(retry.account === account ? "retry changed nothing" : "retry changed the account");

// The same transactionId with a different payload is a bug at the till, never silently merged.
try {
  post(account, { ...sale, points: "63" });
} catch (e) {
  if (e instanceof IdempotencyConflictError) console.log(e.code, e.details.transactionId);
}
