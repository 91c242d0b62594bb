// Formatting is for display only, at the very edge, through Intl.NumberFormat.
import { format, money } from "loyalty-kit";

const price = money("1234.5", "EUR");
console.log(format(price, "en-US"));
console.log(format(price, "de-DE"));
console.log(format(money("150000", "IDR"), "id-ID"));
console.log(format(money("1234", "JPY"), "ja-JP"));
console.log(format(price, "en-US", { currencyDisplay: "code" }));
