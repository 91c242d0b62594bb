// Every part of DEFAULT_BONDING_RULES can be overridden; what is left out keeps its default, and
// passing the defaults themselves gives the default result.
import { classifyBonding, DEFAULT_BONDING_RULES } from "loyalty-kit";

const rules = {
  signals: { membership: { weight: 0.5 }, contractMonths: { saturation: 36 } },
  thresholds: { structural: 0.5 },
  relationshipSignals: ["personalContacts", "membership"],
  weakStructuralCap: 0.2,
  actions: { social: [{ id: "tea-club", text: "Invite her to the Thursday tea club", source: "shop" }] },
};

const profiles = [
  { customerId: "warung-sari", signals: { membership: 1, contractMonths: 18, integrations: 1 } },
  { customerId: "pt-baru", signals: { contractMonths: 36, integrations: 2 } }, // no relationship evidence
];
for (const profile of profiles) {
  for (const [name, r] of [
    ["defaults", classifyBonding(profile)],
    ["defaults passed explicitly", classifyBonding(profile, DEFAULT_BONDING_RULES)],
    ["overridden", classifyBonding(profile, rules)],
  ]) {
    const bonds = r.bonds
      .filter((b) => b.evidence.length > 0)
      .map(
        (b) =>
          `${b.type} ${b.strength}${b.passes ? " passes" : ""}${b.limitedBy === undefined ? "" : ` [${b.limitedBy}]`}`,
      );
    console.log(
      `${profile.customerId}, ${name}: level ${r.level} | ${bonds.join(", ")} | next: ${r.next.type} — ${r.next.actions[0]?.text}`,
    );
  }
}
