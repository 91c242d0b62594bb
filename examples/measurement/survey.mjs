// 1. The two-question survey (will you buy again? will you recommend us?): repurchase intention with its Wilson interval, NPS with its
// margin of error, the cross-table, and word of mouth (a satisfied customer tells 10, a dissatisfied one 20).
import { surveySummary, wordOfMouthReach } from "loyalty-kit";
import { data, pct } from "./olga.mjs";

const survey = surveySummary(data.survey); // buy-again scale 1–5, 4 and 5 count as "yes"
const ri = survey.repurchaseIntention;
console.log(`Survey: ${survey.n} answers`);
console.log(
  `  Would buy again (4–5 of 5)   ${survey.intendToBuyAgain} of ${survey.n} = ${pct(ri.point)}   95% Wilson interval ${pct(ri.lower)} – ${pct(ri.upper)}`,
);
console.log(
  `  Net Promoter Score           ${survey.nps.score.toFixed(1)} ± ${survey.nps.marginOfError.toFixed(1)}   (${survey.nps.promoters} promoters, ${survey.nps.passives} passives, ${survey.nps.detractors} detractors)`,
);
console.log(`                               promoters  passives  detractors`);
for (const [label, row] of [
  ["  will buy again", survey.crossTable.buyAgain],
  ["  will not", survey.crossTable.notBuyAgain],
]) {
  console.log(
    `${label.padEnd(31)}${String(row.promoters).padStart(9)}${String(row.passives).padStart(10)}${String(row.detractors).padStart(12)}`,
  );
}
const wom = wordOfMouthReach({ satisfied: survey.nps.promoters, dissatisfied: survey.nps.detractors });
console.log(`  Word of mouth (×10 / ×20)    ${wom.positive} hear good things, ${wom.negative} bad: net ${wom.net}`);
