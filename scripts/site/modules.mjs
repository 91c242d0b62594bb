// One line per module for the home page's map and the API's module pages. A subpath missing here
// still gets its API page (and its own module comment, if it has one) and a row in the map.
export const MODULES = {
  errors: { summary: "Typed `LoyaltyError`s with stable codes, and the validation error with its issue list." },
  money: {
    summary: "Exact money on decimal.js: add, allocate by ratios, round half-even, format with Intl.",
    guides: ["money"],
  },
  ledger: {
    summary: "The points ledger: lots that expire first-expiring-first, holds, idempotent posts, versions.",
  },
  programs: {
    summary: "Programs at the till: discount, cumulative, bonus, catalog and stamps; quote, checkout, refund.",
    guides: ["programs", "pos-integration"],
  },
  customers: { summary: "Customer identity, consent and the routine contact plan." },
  analytics: {
    summary: "Who brings the money and who comes back: Pareto, Gini, RFM, BG/NBD and customer lifetime value (CLV).",
    guides: ["analytics", "lifetime-value"],
  },
  bonding: { summary: "Bonding levels (financial, social, structural) from what a customer does." },
  measurement: { summary: "Loyalty measurement: surveys, NPS, purchase frequency, retention, cohorts." },
  complaints: { summary: "Complaint handling as a pure state machine, SLAs in business hours, metrics." },
  economics: { summary: "What a program owes: points liability and breakage by chain-ladder." },
  crm: { summary: "The CRM cycle: a strategy as data, a plan per segment with a holdout, its review." },
  sql: { summary: "Customer totals and the RFM summary computed inside DuckDB or PostgreSQL." },
  schemas: { summary: "The zod schemas behind every `parse*` function, to compose into your own." },
};
