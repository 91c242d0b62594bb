// Every error loyalty-kit throws is a LoyaltyError with a stable code: match on the code.
import { ErrorCode, LoyaltyError, add, money } from "loyalty-kit";

function tryAdd(a, b) {
  try {
    return add(a, b).amount.toFixed(2);
  } catch (e) {
    if (!(e instanceof LoyaltyError)) throw e;
    switch (e.code) {
      case ErrorCode.CURRENCY_MISMATCH:
        return `cannot add: ${JSON.stringify(e.details)}`;
      default:
        return `error ${e.code}`;
    }
  }
}

console.log(tryAdd(money("1.50", "EUR"), money("2.25", "EUR")));
console.log(tryAdd(money("1.50", "EUR"), money("2", "USD")));

// Errors serialize to a plain object for logs and APIs.
try {
  money("abc", "EUR");
} catch (e) {
  const { name, code } = e.toJSON();
  console.log(name, code);
}
