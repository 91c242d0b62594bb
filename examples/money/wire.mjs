// Money on the wire is { "amount": "12.50", "currency": "EUR" }: a decimal string, never a float.
import { money, toJSON, parseMoney, safeParseMoney, add, format, LoyaltyValidationError } from "loyalty-kit";

const total = add(money("0.10", "EUR"), money("0.20", "EUR"));
const json = JSON.stringify(total); // the same as JSON.stringify(toJSON(total))
console.log(json, json === JSON.stringify(toJSON(total)));
console.log(parseMoney(JSON.parse(json)).amount.toString());

// A result's money fields are already in that shape: add and format take them as they are.
const quoteTotal = { amount: "12.50", currency: "EUR" };
console.log(format(add(quoteTotal, total), "en-US"));

// A fractional JavaScript number has already lost precision, so it is refused.
try {
  money(0.1, "EUR");
} catch (e) {
  if (e instanceof LoyaltyValidationError) console.log(e.code);
}

// safeParseMoney returns a tagged result instead of throwing.
const bad = safeParseMoney({ amount: "12,50", currency: "EUR" });
console.log(bad.success, bad.success ? "" : bad.error.issues.map((i) => i.path.join(".")).join(","));
