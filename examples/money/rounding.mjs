// Rounding happens once, at the edge, to the currency's minor unit, with an explicit mode.
import { money, round, minorUnits, ROUNDING_MODES } from "loyalty-kit";

// ISO 4217 minor units: yen have none, euros two, Kuwaiti dinars three.
for (const currency of ["JPY", "EUR", "KWD"]) {
  console.log(`${currency}: ${minorUnits(currency)} decimals`);
}

// The same half-cent amount under each mode.
const price = money("2.345", "EUR");
for (const mode of ROUNDING_MODES) {
  console.log(`${mode.padEnd(9)} 2.345 EUR -> ${round(price, mode).amount.toFixed(2)}`);
}

// Negative amounts: floor goes toward minus infinity, down toward zero.
const refund = money("-2.345", "EUR");
console.log(`floor     -2.345 EUR -> ${round(refund, "floor").amount.toFixed(2)}`);
console.log(`down      -2.345 EUR -> ${round(refund, "down").amount.toFixed(2)}`);

// Half-even (the default) sends ties to the even neighbour, so ties do not drift upward on average.
console.log(["0.125", "0.135", "0.145"].map((a) => round(money(a, "USD")).amount.toFixed(2)).join(" "));

// A yen amount rounds to whole yen.
console.log(round(money("1234.5", "JPY")).amount.toString());
