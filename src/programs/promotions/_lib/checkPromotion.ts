// Cross-field rules of a promotion: amounts fit the currency, and no rule contradicts the program's
// eligibility or itself. Each problem is reported at the path of the field to change.
import type { ProgramOf } from "../../program.js";
import { normalizeCode, patternMismatch } from "./couponCode.js";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;
type MoneyCheck = (value: string | undefined, path: Path) => void;

interface Match {
  readonly skus?: readonly string[] | undefined;
  readonly categories?: readonly string[] | undefined;
}

/** Reports match entries that the program's eligibility excludes: the rule could never apply to them. */
function checkAgainstEligibility(
  p: ProgramOf<"promotion">,
  match: Match | undefined,
  path: Path,
  report: Report,
): void {
  if (match === undefined) return;
  const skus = new Set(p.eligibility?.excludeSkus ?? []);
  const cats = new Set(p.eligibility?.excludeCategories ?? []);
  match.skus?.forEach((s, i) => {
    if (skus.has(s))
      report(
        [...path, "skus", i],
        "expected a SKU that eligibility.excludeSkus does not exclude (the rule could never apply to it): remove it from one of the two lists",
      );
  });
  match.categories?.forEach((c, i) => {
    if (cats.has(c))
      report(
        [...path, "categories", i],
        "expected a category that eligibility.excludeCategories does not exclude (the rule could never apply to it): remove it from one of the two lists",
      );
  });
}

function checkCoupon(p: ProgramOf<"promotion">, report: Report, money: MoneyCheck): void {
  const c = p.coupon;
  if (c === undefined) return;
  money(c.budget, ["coupon", "budget"]);
  if (c.pattern !== undefined && [...c.pattern].filter((x) => x === "#").length < 2)
    report(["coupon", "pattern"], "expected at least two # in the pattern: characters and the check character");
  const seen = new Set<string>();
  c.codes?.forEach((code, i) => {
    const n = normalizeCode(code);
    if (seen.has(n))
      report(["coupon", "codes", i], "expected a unique code (codes are compared without case, spaces or dashes)");
    seen.add(n);
    if (c.pattern !== undefined && patternMismatch(n, c.pattern) !== null)
      report(["coupon", "codes", i], `expected a code of the shape ${c.pattern} with a correct check character`);
  });
  if (c.issue !== undefined) {
    money(c.issue.minSpend, ["coupon", "issue", "minSpend"]);
    if (c.pattern === undefined)
      report(
        ["coupon", "issue"],
        'expected a pattern (such as "BACK-#####-#####") beside issue: next-order codes are generated from it',
      );
    else if ([...c.pattern].filter((x) => x === "#").length < 5)
      report(
        ["coupon", "pattern"],
        "expected at least five # in the pattern when codes are issued: four random characters and the check character",
      );
  }
  if (c.validFrom !== undefined && c.validUntil !== undefined && c.validUntil < c.validFrom)
    report(["coupon", "validUntil"], `expected validUntil on or after validFrom (${c.validFrom})`);
  if (c.validUntil !== undefined && c.validUntil < p.active.from.slice(0, 10))
    report(
      ["coupon", "validUntil"],
      `expected validUntil on or after the program's start (${p.active.from}): no code could ever be used`,
    );
}

export function checkPromotion(p: ProgramOf<"promotion">, report: Report, money: MoneyCheck): void {
  checkCoupon(p, report, money);
  const r = p.rule;
  switch (r.type) {
    case "amount-off":
      money(r.amount, ["rule", "amount"]);
      money(r.minSpend, ["rule", "minSpend"]);
      checkAgainstEligibility(p, r.match, ["rule", "match"], report);
      break;
    case "buy-x-get-y":
      checkAgainstEligibility(p, r.buy.match, ["rule", "buy", "match"], report);
      checkAgainstEligibility(p, r.get.match, ["rule", "get", "match"], report);
      break;
    case "gift": {
      money(r.gift.unitPrice, ["rule", "gift", "unitPrice"]);
      money(r.when.minSpend, ["rule", "when", "minSpend"]);
      checkAgainstEligibility(p, r.when.match, ["rule", "when", "match"], report);
      const i = r.when.match?.skus?.indexOf(r.gift.sku) ?? -1;
      if (i >= 0)
        report(
          ["rule", "when", "match", "skus", i],
          "expected another SKU than the gift's: the gift cannot be the product that earns it (remove it from when.match.skus)",
        );
      break;
    }
    default: {
      const never: never = r;
      return never;
    }
  }
}
