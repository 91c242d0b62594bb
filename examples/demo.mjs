// loyalty-kit demo: a small shop's loyalty program end to end, then customer analytics on
// the CDNOW data, bonding levels and a complaint, and an HTML report with inline SVG charts.
// Run with `npm run demo` (builds the package first; the modules import the built "loyalty-kit").
// Deterministic: every instant is fixed, nothing reads the clock.
import { runShop } from "./demo/shop.mjs";
import { runCdnow } from "./demo/cdnow.mjs";
import { runRelationships } from "./demo/relationships.mjs";
import { writeReport } from "./demo/report.mjs";
import { runCycle } from "./demo/cycle.mjs";
import { runWhatIf } from "./demo/whatif.mjs";

console.log("loyalty-kit demo — a clothing shop's bonus program, then customer analytics on CDNOW");
const shop = runShop();
const cdnow = runCdnow();
const whatIf = runWhatIf(cdnow);
const relationships = runRelationships();
writeReport({ shop, cdnow, whatIf, relationships });
runCycle();
