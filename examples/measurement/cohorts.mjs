// Cohorts by first-purchase month on the shop's clock: the share of each cohort still buying k months later.
import { cohortRetention } from "loyalty-kit";
import { purchases, quarter, timeZone } from "./olga.mjs";

const cohorts = cohortRetention(purchases, { timeZone, until: quarter.to }); // timeZone: "Asia/Jakarta"
console.log(`  cohort    size ${cohorts.months.map((_, k) => `  +${k}`.padStart(6)).join("")}`);
for (const c of cohorts.cohorts) {
  console.log(
    `  ${c.cohort}${String(c.size).padStart(6)} ${c.rates.map((r) => `${Math.round(100 * r)}%`.padStart(6)).join("")}`,
  );
}
