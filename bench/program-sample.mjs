// Prints the coffee customer's program account (as the tenure bench builds it) as stored JSON, for
// looking at the stored form: `node bench/program-sample.mjs [N]` after `npm run build`.
import { checkout, openProgramAccount } from "loyalty-kit";
import { basket, options, program } from "./tenure.bench.mjs";

const N = Number(process.argv[2] ?? 400);
let account = openProgramAccount(program, { customerId: "loyal", consent: true });
for (let k = 0; k < N; k++) account = checkout(program, account, basket(k), options(k, `sale-${k}`)).account;
console.log(JSON.stringify(account));
