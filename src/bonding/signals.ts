/**
 * The three CRM bond types (financial, social, structural bonds), weakest first: `financial` (price incentives — rewards,
 * discounts, points; easily copied by competitors), `social` (community, membership, personal
 * relationship), `structural` (the customer's own processes are built on ours; "iron glue" with exit
 * barriers).
 *
 * @example
 * ```ts
 * import { BOND_TYPES } from "loyalty-kit";
 * console.log(BOND_TYPES.join(" < ")); // financial < social < structural
 * ```
 * @category bonding
 */
export const BOND_TYPES = Object.freeze(["financial", "social", "structural"] as const);

/**
 * One of {@link BOND_TYPES}.
 *
 * @example
 * ```ts
 * import type { BondType } from "loyalty-kit";
 * const t: BondType = "social";
 * console.log(t);
 * ```
 * @category bonding
 */
export type BondType = (typeof BOND_TYPES)[number];

/**
 * The observable signals {@link classifyBonding} reads, each a non-negative number (a count, months,
 * hours, or 0/1), with the bond it evidences, what it means and where it comes from. Default weights
 * and saturations are in {@link DEFAULT_BONDING_RULES}.
 *
 * | signal | bond | meaning |
 * | --- | --- | --- |
 * | `loyaltyCardHolder` | financial | holds a discount or bonus card (0/1) |
 * | `discountsUsed` | financial | purchases made with a discount |
 * | `rewardsRedeemed` | financial | points or rewards redeemed |
 * | `cumulativeTier` | financial | tier rank reached in a cumulative program (0 = none) |
 * | `membership` | social | member of the shop's club or community (0/1) |
 * | `eventsAttended` | social | community events attended |
 * | `personalContacts` | social | personal contacts with staff (calls, visits, notes) |
 * | `referrals` | social | customers she brought |
 * | `feedbackGiven` | social | constructive feedback or compliments given |
 * | `integrations` | structural | her systems or processes integrated with ours |
 * | `customSolutions` | structural | solutions customised for her |
 * | `contractMonths` | structural | months left on a long-term contract |
 * | `trainingHours` | structural | hours her staff invested learning our product |
 * | `sharedIdentifierContacts` | structural | her own contacts who reach her through an identifier we provide |
 *
 * @example
 * ```ts
 * import { BONDING_SIGNALS } from "loyalty-kit";
 * console.log(BONDING_SIGNALS.filter((s) => s.bond === "social").map((s) => s.signal).join(", "));
 * ```
 * @category bonding
 */
export const BONDING_SIGNALS = Object.freeze([
  {
    signal: "loyaltyCardHolder",
    bond: "financial",
    meaning: "holds a discount or bonus card (0/1)",
    source: "customer-bonding practice (reward system), loyal-customer practice (cards)",
  },
  {
    signal: "discountsUsed",
    bond: "financial",
    meaning: "purchases made with a discount",
    source: "customer-bonding practice, loyal-customer practice",
  },
  {
    signal: "rewardsRedeemed",
    bond: "financial",
    meaning: "points or rewards redeemed",
    source: "customer-bonding practice (reward system)",
  },
  {
    signal: "cumulativeTier",
    bond: "financial",
    meaning: "tier rank reached in a cumulative program",
    source: "loyal-customer practice (cumulative discount)",
  },
  {
    signal: "membership",
    bond: "social",
    meaning: "member of the shop's club or community (0/1)",
    source: "customer-bonding practice (community and membership)",
  },
  {
    signal: "eventsAttended",
    bond: "social",
    meaning: "community events attended",
    source: "customer-bonding practice (community)",
  },
  {
    signal: "personalContacts",
    bond: "social",
    meaning: "personal contacts with staff",
    source: "customer-care practice (routine contact), loyal-customer practice (personal relationship)",
  },
  {
    signal: "referrals",
    bond: "social",
    meaning: "customers she brought",
    source: "loyal-customer practice (sign 4: recommends you)",
  },
  {
    signal: "feedbackGiven",
    bond: "social",
    meaning: "constructive feedback or compliments given",
    source: "loyal-customer practice (signs 5 and 8)",
  },
  {
    signal: "integrations",
    bond: "structural",
    meaning: "her systems or processes integrated with ours",
    source: "customer-bonding practice (infrastructure in the business process)",
  },
  {
    signal: "customSolutions",
    bond: "structural",
    meaning: "solutions customised for her",
    source: "customer-bonding practice (exit barrier)",
  },
  {
    signal: "contractMonths",
    bond: "structural",
    meaning: "months left on a long-term contract",
    source: "customer-bonding practice (exit barrier)",
  },
  {
    signal: "trainingHours",
    bond: "structural",
    meaning: "hours her staff invested learning our product",
    source: "customer-bonding practice (exit barrier)",
  },
  {
    signal: "sharedIdentifierContacts",
    bond: "structural",
    meaning: "her contacts who reach her through an identifier we provide",
    source: "customer-bonding practice (a number known to 1,000 associates)",
  },
] as const);

/**
 * The name of one of {@link BONDING_SIGNALS}.
 *
 * @example
 * ```ts
 * import type { BondingSignal } from "loyalty-kit";
 * const s: BondingSignal = "membership";
 * console.log(s);
 * ```
 * @category bonding
 */
export type BondingSignal = (typeof BONDING_SIGNALS)[number]["signal"];

/** Signal names in documented order. */
export const SIGNAL_NAMES: readonly BondingSignal[] = Object.freeze(BONDING_SIGNALS.map((s) => s.signal));

/** The bond each signal evidences. */
export const BOND_OF: Readonly<Record<BondingSignal, BondType>> = Object.freeze(
  Object.fromEntries(BONDING_SIGNALS.map((s) => [s.signal, s.bond])) as Record<BondingSignal, BondType>,
);
