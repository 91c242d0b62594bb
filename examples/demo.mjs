// loyalty-kit demo: a small shop's loyalty program end to end, then customer analytics on CDNOW.
// Run with `npm run demo` (builds the package first; the modules import the built "loyalty-kit").
// Deterministic: every instant is fixed, nothing reads the clock.
import { runShop } from "./demo/shop.mjs";
import { runCdnow } from "./demo/cdnow.mjs";
import { runRelationships } from "./demo/relationships.mjs";

runShop();
runCdnow();
runRelationships();
