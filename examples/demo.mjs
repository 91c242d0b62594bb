// Placeholder until the ledger walkthrough lands.
import { ErrorCode } from "loyalty-kit";
console.log("loyalty-kit demo: error codes", Object.keys(ErrorCode).join(", "));
