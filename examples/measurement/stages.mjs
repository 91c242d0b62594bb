// 5. The loyalty stages (satisfaction, brand loyalty, partnership) from what Olga noticed about each of this quarter's customers.
import { loyaltyStage, LOYALTY_STAGES } from "loyalty-kit";
import { current, data, quarter } from "./olga.mjs";

const one = loyaltyStage({ satisfied: true, repeatPurchases: true, prefersBrand: true, givesAdvice: true });
console.log(`one customer: stage ${one.stage}, next ${one.next}, missing ${JSON.stringify(one.missing)}`);

const byStage = Object.fromEntries(LOYALTY_STAGES.map((s) => [s, []]));
for (const id of current) byStage[loyaltyStage(data.stageObservations[id] ?? {}).stage].push(id);
console.log(`Loyalty stages of ${quarter.label}'s ${current.length} customers`);
for (const s of LOYALTY_STAGES)
  console.log(`  ${s.padEnd(15)}${String(byStage[s].length).padStart(2)}   ${byStage[s].join(", ")}`);
