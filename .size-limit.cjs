// Bundle-size budgets per typical import, dependencies included (brotli).
// Each entry bundles `import { … } from "./dist/index.js"` with esbuild, so tree-shaking and
// "sideEffects": false are what keep an import small.
module.exports = [
  { name: "errors: LoyaltyError", path: "dist/index.js", import: "{ LoyaltyError }", limit: "1 kB" },
  { name: "analytics: fitBgNbd", path: "dist/index.js", import: "{ fitBgNbd }", limit: "4 kB" },
  // The engine carries the bulk transactionId index and the in-place snapshot writer (replay ≥ 1M entries/s).
  { name: "ledger: post, balance", path: "dist/index.js", import: "{ post, balance }", limit: "10.2 kB" },
  { name: "measurement: nps", path: "dist/index.js", import: "{ nps }", limit: "1 kB" },
  {
    name: "money: money, add, allocate, format",
    path: "dist/index.js",
    import: "{ money, add, allocate, format }",
    limit: "16 kB",
  },
  {
    name: "programs: checkout, parseProgram (the till path)",
    path: "dist/index.js",
    import: "{ checkout, parseProgram }",
    limit: "40 kB",
  },
  // Thin margin (~10 B): errors.ts and analytics/_lib/values.ts are written with this bundle in mind.
  { name: "analytics: gini", path: "dist/index.js", import: "{ gini }", limit: "1 kB" },
  { name: "analytics: pareto", path: "dist/index.js", import: "{ pareto }", limit: "1.9 kB" },
  { name: "bonding: classifyBonding", path: "dist/index.js", import: "{ classifyBonding }", limit: "29 kB" },
  {
    name: "customers: identify, buildCustomerIndex",
    path: "dist/index.js",
    import: "{ identify, buildCustomerIndex }",
    limit: "3 kB",
  },
  {
    name: "complaints: openComplaint, transition, can",
    path: "dist/index.js",
    import: "{ openComplaint, transition, can }",
    limit: "8 kB",
  },
  // Not an issue budget (that is checkout + parseProgram above): quote adds the integer fast path.
  {
    name: "programs: quote, parseProgram (pricing with the integer fast path)",
    path: "dist/index.js",
    import: "{ quote, parseProgram }",
    limit: "41 kB",
  },
];
