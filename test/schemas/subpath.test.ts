import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as analytics from "../../src/analytics/index.js";
import * as bonding from "../../src/bonding/index.js";
import * as complaints from "../../src/complaints/index.js";
import * as crm from "../../src/crm/index.js";
import * as customers from "../../src/customers/index.js";
import * as economics from "../../src/economics/index.js";
import * as errors from "../../src/errors/index.js";
import * as root from "../../src/index.js";
import * as ledger from "../../src/ledger/index.js";
import * as measurement from "../../src/measurement/index.js";
import * as moneyModule from "../../src/money/index.js";
import * as programs from "../../src/programs/index.js";
import * as schemas from "../../src/schemas/index.js";
import * as sql from "../../src/sql/index.js";

// The zod schemas live on `loyalty-kit/schemas` only, so that zod's types are not part of the root's
// or a module's export list; the parse*/safeParse* functions and the JSON Schema getters (plain JSON
// values) stay where they are.

/** A zod 4 schema (classic or mini) carries its internals on `_zod`. */
const isZodSchema = (value: unknown): boolean => typeof value === "object" && value !== null && "_zod" in value;
const zodExports = (ns: Record<string, unknown>): string[] =>
  Object.keys(ns)
    .filter((name) => isZodSchema(ns[name]))
    .sort();

// Every schema the root exported before it moved (101), so none is lost on the way to the subpath.
const MOVED = [
  "AccountSchema",
  "AccountSettingsSchema",
  "ActiveWindowSchema",
  "AdjustEntrySchema",
  "BarcodeIdentifierSchema",
  "BasketLineSchema",
  "BasketSchema",
  "BondingActionSchema",
  "BondingProfileSchema",
  "BondingRulesSchema",
  "BonusProgramSchema",
  "BuyAgainScaleSchema",
  "CaptureEntrySchema",
  "CardRewardSchema",
  "CatalogProgramSchema",
  "CatalogStockSchema",
  "CheckoutRecordSchema",
  "CheckpointSchema",
  "ClawbackPolicySchema",
  "ComplaintContextSchema",
  "ComplaintEventSchema",
  "ComplaintSchema",
  "ConsentStatementSchema",
  "ContactChannelSchema",
  "ContactPlanOptionsSchema",
  "CouponRulesSchema",
  "CumulativeProgramSchema",
  "CustomerIdentifierSchema",
  "CustomerSchema",
  "DebitSchema",
  "DickBasuInputSchema",
  "DiscountProgramSchema",
  "EarnEntrySchema",
  "EarnRuleSchema",
  "EarnSchema",
  "EligibilitySchema",
  "EntrySchema",
  "EventCapSchema",
  "EventRulesSchema",
  "ExpireEntrySchema",
  "ExplanationSchema",
  "FreeUnitRuleSchema",
  "HoldEntrySchema",
  "HoldSchema",
  "LedgerHistoryRecordSchema",
  "LineKindSchema",
  "LotSchema",
  "LoyalSignsObservationsSchema",
  "LoyaltyStageObservationsSchema",
  "LoyaltyTypeObservationsSchema",
  "MagneticIdentifierSchema",
  "MetaSchema",
  "MoneyJsonSchema",
  "OpenComplaintInputSchema",
  "OpenRecordSchema",
  "PerkRuleSchema",
  "PhoneIdentifierSchema",
  "PricedLineSchema",
  "ProgramAccountSchema",
  "ProgramRefundSchema",
  "ProgramSaleSchema",
  "ProgramSchema",
  "ProgramTotalsSchema",
  "PromotionProgramSchema",
  "PromotionRuleSchema",
  "PurchaseAmountSchema",
  "PurchaseFrequencyOptionsSchema",
  "PurchaseRecordSchema",
  "PurchaseRecordsSchema",
  "QuoteSchema",
  "RedeemEntrySchema",
  "RedeemSchema",
  "ReferralRulesSchema",
  "RefundRecordSchema",
  "RefundedLineSchema",
  "ReleaseEntrySchema",
  "RetentionCountsSchema",
  "RetentionEconomicsInputSchema",
  "ReverseEntrySchema",
  "RewardGiftSchema",
  "RewardSchema",
  "ShareOfPurchasesRowSchema",
  "ShortfallPolicySchema",
  "SlaPolicySchema",
  "SpendWindowSchema",
  "StampsProgramSchema",
  "StrategySchema",
  "SurveyResponseSchema",
  "SurveyResponsesSchema",
  "TierActivitySchema",
  "TierHistorySchema",
  "TierLevelSchema",
  "TierPolicySchema",
  "TierRetentionSchema",
  "TierSchema",
  "TierWindowSchema",
  "TimedMultiplierSchema",
  "TimedMultipliersSchema",
  "WelcomeBonusSchema",
  "WordOfMouthInputSchema",
  "WordOfMouthOptionsSchema",
];

describe("loyalty-kit/schemas is the only place zod schemas are exported from", () => {
  const entryPoints: Record<string, Record<string, unknown>> = {
    root,
    errors,
    money: moneyModule,
    ledger,
    programs,
    customers,
    analytics,
    bonding,
    measurement,
    complaints,
    economics,
    crm,
    sql,
  };
  for (const [name, ns] of Object.entries(entryPoints)) {
    it(`${name} exports no zod schema`, () => {
      expect(zodExports(ns)).toEqual([]);
    });
  }

  it("loyalty-kit/schemas exports every schema the root used to, and only zod schemas", () => {
    expect(MOVED).toHaveLength(101);
    expect(Object.keys(schemas).sort()).toEqual(MOVED);
    expect(zodExports(schemas)).toEqual(MOVED);
  });

  it("the parse functions and JSON Schema getters stay on the root", () => {
    for (const name of [
      "parseProgram",
      "safeParseProgram",
      "parseAccount",
      "parseEntry",
      "parseMoney",
      "parseCustomer",
      "parseTierPolicy",
      "parseStrategy",
      "programJsonSchema",
      "accountJsonSchema",
      "entryJsonSchema",
      "customerJsonSchema",
      "complaintJsonSchemas",
    ]) {
      expect(typeof (root as Record<string, unknown>)[name], name).toBe("function");
    }
    // A getter's result is plain JSON Schema, not a zod schema.
    const json = root.accountJsonSchema();
    expect(isZodSchema(json)).toBe(false);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("a moved schema is the very object the parse function uses", () => {
    // EntrySchema from the subpath accepts and refuses what parseEntry does (entries as in parseEntry's
    // own example).
    const good = { kind: "earn", transactionId: "t1", at: "2026-01-10T17:00:00+07:00", points: "80" };
    const bad = { ...good, points: 80 };
    expect(schemas.EntrySchema.safeParse(good).success).toBe(true);
    expect(root.safeParseEntry(good).success).toBe(true);
    expect(schemas.EntrySchema.safeParse(bad).success).toBe(false);
    expect(root.safeParseEntry(bad).success).toBe(false);
  });
});

// The built declarations. `npm test` builds first; run `npm run build` before this file alone.
const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist");

/** Every .d.ts reachable from `start` through relative imports, and those that import zod. */
function declarationClosure(start: string): { files: Set<string>; importingZod: string[] } {
  const files = new Set<string>();
  const importingZod = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith(".")) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/, ".d.ts");
        if (!existsSync(target)) throw new Error(`${file} imports ${specifier}, which has no .d.ts`);
        queue.push(target);
      } else if (/^zod(\/|$)/.test(specifier)) {
        importingZod.add(relative(dist, file).split("\\").join("/"));
      }
    }
  }
  return { files, importingZod: [...importingZod].sort() };
}

// The declarations that still import zod: the files that define a schema and the type inferred from
// it (`type Program = z.output<typeof ProgramSchema>`), and the validation helpers. The root's
// signatures name these types (`Program`, `Account`, …) rather than zod's; this list may only shrink:
// a new module that puts a zod type into a root signature fails here.
const STILL_IMPORTING_ZOD = [
  "_lib/validation.d.ts",
  "bonding/profile.d.ts",
  "bonding/rules.d.ts",
  "complaints/schema.d.ts",
  "core/validation.d.ts",
  "crm/strategy.d.ts",
  "customers/contactPlan.d.ts",
  "customers/customer.d.ts",
  "ledger/history.d.ts",
  "ledger/schemas.d.ts",
  "measurement/purchaseFrequencyIndex.d.ts",
  "measurement/retentionEconomics.d.ts",
  "measurement/shareOfPurchases.d.ts",
  "money/json.d.ts",
  "programs/account.d.ts",
  "programs/basket.d.ts",
  "programs/campaigns/timedMultiplier.d.ts",
  "programs/events/eventRules.d.ts",
  "programs/program.d.ts",
  "programs/referrals/referralRules.d.ts",
  "programs/result.d.ts",
  "programs/tiers/tierPolicy.d.ts",
];

describe("the root's declarations", () => {
  it("name no zod schema among the root's exports (dist/index.d.ts)", () => {
    // Type-level: what `import type * as kit from "loyalty-kit"` offers has no `…Schema` zod value.
    const { files } = declarationClosure(join(dist, "index.d.ts"));
    const declaredSchemas = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(/export declare const (\w+): z\./g)) {
        declaredSchemas.add(m[1] as string);
      }
    }
    // The schemas are still declared in their modules' files (the types are inferred from them), but
    // no index on the way from the root re-exports them.
    const indexes = [...files].filter((f) => /[/\\]index\.d\.ts$/.test(f));
    for (const index of indexes) {
      const text = readFileSync(index, "utf8");
      for (const name of declaredSchemas) {
        expect(new RegExp(`\\b${name}\\b`).test(text), `${relative(dist, index)} re-exports ${name}`).toBe(false);
      }
    }
    expect(declaredSchemas.size).toBeGreaterThan(50); // the scan found the declarations it checks against
  });

  it("import zod only from the files that define a schema (a list that may only shrink)", () => {
    const { importingZod } = declarationClosure(join(dist, "index.d.ts"));
    expect(importingZod.filter((f) => !STILL_IMPORTING_ZOD.includes(f))).toEqual([]);
  });

  it("no public function signature spells a zod type", () => {
    // `parseX(input): z.output<typeof XSchema>` shows zod's type on hover; named types are used instead.
    const { files } = declarationClosure(join(dist, "index.d.ts"));
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/export declare function (\w+)[^;]*?\bz\.\w+/g)) {
        if (!((m[1] as string) in root)) continue; // not exported by the root (an internal helper)
        offenders.push(`${relative(dist, file)}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
