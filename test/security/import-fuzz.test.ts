import fc from "fast-check";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePackageJson } from "@/lib/budget/package/schema";
import { validatePackage } from "@/lib/budget/validate";
import { type Budget } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { buildTables } from "@/lib/budget/tables";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { exportPackage } from "@/lib/db/budgets/export-package";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { normalizePackage } from "../helpers/normalize-package";
import { damagedPackageText } from "./support/package-mutations";
import { petitionPackage, rowCounts } from "./support/world";

/**
 * Property-based fuzzing of the importer with damaged packages. The pure path (parse, schema,
 * catalogue checks, the engine) runs all 10,000 cases in a few seconds; the database path runs
 * 300 of them through the real import transaction, which costs about 0.1 s each.
 */
export const PURE_RUNS = 10_000;
export const DATABASE_RUNS = 300;

const CJK = /[\u4e00-\u9fff]/;
// Decimal(18,2): 16 integer digits.
const COLUMN_LIMIT = new Decimal("1e16");
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Everything the database will be asked to store passes its columns and CHECK constraints
 * (prisma/migrations): amounts fit Decimal(18,2), weights are 0–100, the region code has six
 * digits, the year is 2000–2100, and every text can be stored as is.
 */
function storable(budget: Budget): string[] {
  const problems: string[] = [];
  if (!/^\d{6}$/.test(budget.region.code)) problems.push(`region.code=${budget.region.code}`);
  if (budget.year < 2000 || budget.year > 2100) problems.push(`year=${budget.year}`);
  const walk = (v: unknown, at: string) => {
    if (Decimal.isDecimal(v)) {
      if ((v as Decimal).abs().gte(COLUMN_LIMIT) || (v as Decimal).decimalPlaces() > 2) problems.push(`${at}=${String(v)}`);
      if (/\.(weight|executionRateWeight)$/.test(at) && (v as Decimal).gt(100)) problems.push(`${at}=${String(v)}`);
    } else if (typeof v === "string" && /\.(weight|executionRateWeight)$/.test(at)) {
      if (!(Number(v) >= 0 && Number(v) <= 100)) problems.push(`${at}=${v}`);
    } else if (typeof v === "string") {
      if (UNSTORABLE.test(v)) problems.push(`${at} unstorable text`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  };
  walk(budget, "budget");
  return problems;
}

/** Weights are numbers in a Decimal(6,2) column: "00" and "12.50" come back as "0" and "12.5". */
function sameWeights(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sameWeights);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        (k === "weight" || k === "executionRateWeight") && typeof v === "string" ? new Decimal(v).toString() : sameWeights(v),
      ]),
    );
  return value;
}

const catalog = loadReferenceCatalog(2024);
const base = petitionPackage({ code: "960" });

describe("fuzzing the importer", () => {
  it(`parses, checks and computes ${PURE_RUNS.toLocaleString("en")} damaged packages without a crash, answering every refusal in Chinese`, () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(damagedPackageText(base), (text) => {
        const parsed = parsePackageJson(text);
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) expect(e.message).toMatch(CJK);
          tally.refused++;
          return;
        }
        const problems = validatePackage(parsed.pkg, catalog);
        for (const p of problems) expect(p.message).toMatch(CJK);
        if (problems.length > 0) {
          tally.refused++;
          return;
        }
        // Accepted: the engine must take it, and the database must be able to store it whole.
        const budget = packageToBudget(parsed.pkg);
        expect(storable(budget)).toEqual([]);
        buildTables(budget, catalog);
        budgetToPackage(budget);
        tally.accepted++;
      }),
      { numRuns: PURE_RUNS },
    );
    console.info(`fuzzing, pure path: ${PURE_RUNS} cases, ${tally.accepted} accepted, ${tally.refused} refused in Chinese, 0 crashes`);
    expect(tally.accepted + tally.refused).toBe(PURE_RUNS);
    // Both outcomes must be exercised, or the fuzzing proves nothing.
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(1000);
  }, 240_000);

  describe("through the database", () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await freshDatabase();
    });
    afterAll(async () => t.drop());

    it(`imports ${DATABASE_RUNS} damaged packages: never a crash, refused ones write nothing, accepted ones are stored whole`, async () => {
      const tally = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(damagedPackageText(base), async (text) => {
          const before = await rowCounts(t.db);
          // A throw here is a 500 in the app and a stack trace on the command line.
          const result = await importPackageText(t.db, text, { replace: true });
          if (!result.ok) {
            for (const e of result.errors) expect(e.message).toMatch(CJK);
            expect(await rowCounts(t.db)).toEqual(before);
            tally.refused++;
            return;
          }
          const parsed = parsePackageJson(text);
          if (!parsed.ok) throw new Error("accepted by the importer but not by the parser");
          const p = parsed.pkg;
          const exported = await exportPackage(t.db, { region: p.region.code, unit: p.unit.code, year: p.year, kind: p.kind });
          expect(sameWeights(normalizePackage(exported))).toEqual(sameWeights(normalizePackage(budgetToPackage(packageToBudget(p)))));
          tally.accepted++;
        }),
        { numRuns: DATABASE_RUNS },
      );
      console.info(
        `fuzzing, database path: ${DATABASE_RUNS} imports, ${tally.accepted} stored whole, ${tally.refused} refused with nothing written, 0 crashes`,
      );
      expect(tally.accepted).toBeGreaterThan(5);
      expect(tally.refused).toBeGreaterThan(30);
    }, 300_000);
  });
});
