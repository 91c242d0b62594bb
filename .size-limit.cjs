// Bundle-size budgets per typical import, dependencies included (brotli).
// Each entry bundles `import { … } from "./dist/<module>/index.js"` (what `loyalty-kit/<module>`
// resolves to) with esbuild, so tree-shaking and "sideEffects": false keep an import small.
// Budgets are what was measured plus about 2 %: they stop silent growth; they are not byte golf.
const entry = (module, names, limit, note) => ({
  name: `loyalty-kit/${module}: ${names}${note ? ` (${note})` : ""}`,
  path: `dist/${module}/index.js`,
  import: `{ ${names} }`,
  limit,
});

module.exports = [
  entry("errors", "LoyaltyError", "0.3 kB"),
  entry("money", "money, add, allocate, format", "14.8 kB"),
  // post validates entries with the one entry schema (zod/mini) since the hand-written copy went:
  // +9 kB (13.8 → 22.9 kB), the price of one validator per wire format. Pending points +0.45 kB.
  // The compact stored form of a snapshot (its writer, its reader, and the account schema for a stored
  // snapshot handed straight to post): +1.3 kB here, +0.1–0.45 kB on the paths below. The working
  // state a snapshot carries to the next post (copy-on-write lots and debits): 26.5 → 27.3 kB.
  // 27.45 → 27.26 kB with the unread schemas gone (the shared decimal and currency schemas and the
  // account-settings schema, which post does not read; see "Unread schemas" below).
  entry("ledger", "post, balance", "27.8 kB"),
  // The till path: configure, open an account, check out, refund. The goal is 40 kB. Every schema is
  // on zod/mini now (70.3 → 64 kB), then 67.8 kB with the compact stored forms of the ledger snapshot
  // and of kept sales (their writers and readers) and parseProgramAccount checking the ledger, then
  // 70.4 kB with pricing on integer minor units (+0.8 kB), the ledger's carried working state and the
  // bounded tier log; what is left is zod/mini's core (~20 kB), decimal.js (~10 kB: still read by
  // parseBasket, line amounts, money and sale records),
  // the ledger and pricing engines, promotions (~4 kB: their schema and pricing are part of
  // parseProgram and checkout), the bounded snapshot, late sales and store ids, refund's record check,
  // a bonus program's own tiers and pending points. Reaching 40 kB would take pricing without
  // decimal.js and a smaller validator than zod's core. The program account's own stored form (sale
  // tuples, entries left to their sales: writer and reader) and the hand-read instants of the stored
  // forms: 70.6 → 72.25 kB measured (+1.65 kB; +0.9 kB for checkout alone, which only writes it).
  // The faster read of a stored account (instants in stored form returned as they are and written
  // by hand, entries checked once, meta copied without a JSON round trip), the tier replay on
  // integers and the zone math read from Intl's format(): 72.27 → 73.55 kB measured (+1.28 kB; the
  // instant reader and writer, ~0.4 kB, are in every module that reads instants).
  // Unread schemas: a schema built by nested zod calls at the top of a module stayed in every bundle
  // that imported the module for something else (esbuild does not carry zod's side-effect-free marks
  // across modules); built inside a pure call, it goes where unused: 73.36 → 72.39 kB measured.
  // What is left (marginal brotli, measured by leaving each part out of this bundle): decimal.js
  // 11.3 kB, zod/mini 8.6 kB, the ledger 15.7 kB, the pricing engine and its explanations 10.4 kB,
  // promotions 6.3 kB, the program and basket schemas 4.0 kB; own code alone is 52.4 kB, so 40 kB
  // is out of reach even without dependencies. decimal.js stays while the parsed Basket carries
  // Decimal quantities and Money unit prices (checkout parses a basket it is given as JSON).
  // The carried id index shared between posts instead of copied, replay's arrays sized up front and
  // the calendar memos keyed by numbers: 72.39 → 72.94 kB measured.
  entry(
    "programs",
    "parseProgram, openProgramAccount, parseProgramAccount, checkout, refund",
    "73.8 kB",
    "the till path",
  ),
  entry("programs", "quote, parseProgram", "55.2 kB", "pricing"), // 54.50 → 54.15 kB with the unread schemas gone
  // Promotions: the till path when the shop also redeems coupons, adds gifts and picks which
  // promotions combine.
  entry(
    "programs",
    "parseProgram, openProgramAccount, checkout, refund, addGiftLines, selectPromotions, openCouponState, redeemCoupon, returnCoupon",
    // 70.19 → 71.12 kB measured with the program account's stored form (+0.93 kB), then 72.80 kB
    // with the faster read, the integer tier replay and the zone math (+1.65 kB), then 71.13 kB with
    // the unread schemas gone (−1.56 kB).
    "72.6 kB",
    "the till path with promotions",
  ),
  entry("customers", "identify, buildCustomerIndex", "3.4 kB"), // with the numbering plans of 18 countries
  entry("analytics", "fitBgNbd", "5.3 kB"), // with the flat-likelihood (Hessian) check and standard errors
  entry("analytics", "gini", "2.1 kB"),
  entry("analytics", "pareto", "2.5 kB"),
  // 12.44 → 12.86 kB with the instant reader and writer, then 10.04 kB with the unread schemas gone
  // (the shared decimal, instant and currency schemas it imports the module of but never reads).
  entry("bonding", "classifyBonding", "10.3 kB"),
  entry("measurement", "nps", "1.4 kB"),
  // Complaints validate with their zod/mini schemas since the hand-written twin went: 7.3 → 16.4 kB,
  // zod/mini's core (the price of one validator per wire format); parseComplaint alone got smaller.
  // 16.31 → 16.75 kB with the instant reader and writer (stored-form instants kept as they are), then
  // 15.33 kB with the unread schemas gone (the snapshot schemas openComplaint does not read).
  entry("complaints", "openComplaint, transition, can", "15.7 kB"),
  entry("schemas", "ProgramSchema", "24.9 kB"), // 27.16 → 24.37 kB with the unread schemas gone
  // The root re-exports every subpath: importing from it costs what the subpath costs.
  {
    name: "loyalty-kit (root): checkout, parseProgram",
    path: "dist/index.js",
    import: "{ checkout, parseProgram }",
    limit: "67.4 kB", // 66.10 → 66.60 kB with the faster read and tier replay, 66.03 kB without unread schemas
  },
  // The SVG charts: pure string rendering, no dependencies.
  entry("charts", "lorenzChart, barChart", "3.5 kB"),
  // The PostgreSQL store: the till path plus its own transaction, coupon and stock code.
  // 76.42 → 78.01 kB measured with the program account's stored form (+1.59 kB).
  // 78.06 → 79.45 kB with the faster read, the tier replay and reading first while copies are stale.
  // 79.27 → 78.11 kB with the unread schemas gone.
  entry("postgres", "createPostgresStore", "79.7 kB"),
  // The offline till on SQLite: the till path plus the outbox and the sync.
  // 73.65 → 75.34 kB measured with the program account's stored form (+1.69 kB).
  // 75.30 → 76.64 kB with the faster read and the tier replay, 75.41 kB with the unread schemas gone.
  entry("sqlite", "createSqliteTill, createSyncHandler", "77.0 kB"),
];
