import fc from "fast-check";

// CI explores at least 1,000 runs per property; `npm run test:deep` (DEEP=1) runs 100,000.
// A failing run prints its seed and path; reproduce with fc.assert(..., { seed, path }).
const deep = typeof process !== "undefined" && process.env["DEEP"] === "1";
fc.configureGlobal({ numRuns: deep ? 100_000 : 1_000, endOnFailure: true });
