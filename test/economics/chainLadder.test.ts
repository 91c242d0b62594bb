import { describe, expect, it } from "vitest";
import { chainLadder } from "../../src/economics/chainLadder.js";
import { LoyaltyValidationError } from "../../src/errors/errors.js";

// Taylor, G.C. and Ashe, F.R. (1983), "Second moments of estimates of outstanding claims", Journal of
// Econometrics 23, 37–61; reprinted as Table 1 of Mack (1993), "Distribution-free calculation of the
// standard error of chain ladder reserve estimates", ASTIN Bulletin 23, 213–225, and shipped as the
// GenIns data set of the R package ChainLadder. Cumulative incurred claims, accident years 1–10.
const GEN_INS = [
  [357848, 1124788, 1735330, 2218270, 2745596, 3319994, 3466336, 3606286, 3833515, 3901463],
  [352118, 1236139, 2170033, 3353322, 3799067, 4120063, 4647867, 4914039, 5339085],
  [290507, 1292306, 2218525, 3235179, 3985995, 4132918, 4628910, 4909315],
  [310608, 1418858, 2195047, 3757447, 4029929, 4381982, 4588268],
  [443160, 1136350, 2128333, 2897821, 3402672, 3873311],
  [396132, 1333217, 2180715, 2985752, 3691712],
  [440832, 1288463, 2419861, 3483130],
  [359480, 1421128, 2864498],
  [376686, 1363294],
  [344014],
];

describe("chainLadder", () => {
  it("reproduces Mack (1993) Table 2's factors on the Taylor–Ashe triangle", () => {
    // Mack (1993): f̂ = 3.491, 1.747, 1.457, 1.174, 1.104, 1.086, 1.054, 1.077, 1.018.
    const r = chainLadder(GEN_INS, { decimals: 3 });
    expect(r.factors).toEqual(["3.491", "1.747", "1.457", "1.174", "1.104", "1.086", "1.054", "1.077", "1.018"]);
  });
  it("reproduces the published reserves: 18,680,856 in total, 4,625,811 still to come on the last year", () => {
    // ChainLadder's MackChainLadder(GenIns) summary (and Mack 1993 Table 2): total IBNR 18,680,856;
    // total ultimate 53,038,946; accident year 10 ultimate 4,969,825, IBNR 4,625,811; year 2 reserve 94,634.
    const r = chainLadder(GEN_INS, { decimals: 0 });
    expect(r.totalOutstanding).toBe("18680856");
    expect(r.totalUltimate).toBe("53038946");
    expect(r.origins[9]?.ultimate).toBe("4969825");
    expect(r.origins[9]?.outstanding).toBe("4625811");
    expect(r.origins[1]?.outstanding).toBe("94634");
    expect(r.origins[0]?.outstanding).toBe("0");
  });
  it("accepts decimal strings and leaves the input untouched", () => {
    const triangle = [["100", "150", "165"], ["120", "170"], ["90"]];
    const copy = JSON.parse(JSON.stringify(triangle));
    // f1 = (150 + 170) / (100 + 120) = 320/220; f2 = 165/150 = 1.1.
    const r = chainLadder(triangle, { decimals: 4 });
    expect(r.factors).toEqual(["1.4545", "1.1000"]);
    expect(r.origins[1]?.ultimate).toBe("187.0000");
    expect(triangle).toEqual(copy);
    expect(Object.isFrozen(r)).toBe(true);
  });
  it("rejects a later origin longer than an earlier one, negatives, and an empty development period", () => {
    expect(() => chainLadder([["1"], ["1", "2"]])).toThrow(/triangle\.1: expected at most 1 values/);
    expect(() => chainLadder([["1", "-2"]])).toThrow(LoyaltyValidationError);
    expect(() => chainLadder([["0", "2"], ["0"]])).toThrow(/sums to 0/);
    expect(() => chainLadder([])).toThrow(/at least one origin/);
  });
});
