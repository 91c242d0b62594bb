// Pareto's 80/20 rule: the 20% who bring 80% of the turnover get something that makes them feel special.
// Perk rules are data; perksFor says which apply to a customer and why.
import { parseCustomer, perksFor } from "loyalty-kit";

const rules = [
  {
    perk: "free-drink",
    description: "A free coffee on every visit",
    segments: ["big-profit"],
    interestsAny: ["coffee", "tea"],
  },
  { perk: "vip-lounge", segments: ["big-profit"] },
];
const customers = [
  parseCustomer({ id: "c-1", firstName: "Jörg", lastName: "Müller", segment: "big-profit", interests: ["coffee"] }),
  parseCustomer({ id: "c-4", firstName: "Rina", lastName: "Putri", segment: "big-profit", interests: ["batik"] }),
  parseCustomer({ id: "c-2", firstName: "Anna", lastName: "Muller", interests: ["tea"] }),
];
for (const c of customers) {
  const perks = perksFor(c, rules);
  console.log(`${c.id}: ${perks.map((p) => `${p.perk} (because ${p.because.join(", ")})`).join("; ") || "no perks"}`);
}
