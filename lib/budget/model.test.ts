import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { parsePackageValue, type BudgetPackage } from "./package/schema";

const AMOUNT_OBJECTS = new Set(["income", "carryover", "threePublic", "expenditureByFunction"]);
const AMOUNT_KEYS = new Set(["amount", "ownArrangement", "superiorSubsidy", "basic", "project", "operatingFunds"]);

function isAmountPath(path: string[]): boolean {
  const key = path.at(-1) ?? "";
  const parent = path.at(-2) ?? "";
  if (path[0] === "narrative") return false;
  return AMOUNT_KEYS.has(key) || AMOUNT_OBJECTS.has(parent);
}

/** Walks both packages: amounts compared as 元 decimals (missing = 0), everything else exactly. */
function compare(actual: unknown, expected: unknown, unitA: string, unitE: string, path: string[], diffs: string[]): void {
  if (isAmountPath(path) && (typeof actual === "string" || typeof expected === "string")) {
    const yuan = (v: unknown, unit: string) => new Decimal(typeof v === "string" ? v : "0").times(unit === "万元" ? 10_000 : 1);
    if (!yuan(actual, unitA).equals(yuan(expected, unitE))) diffs.push(`${path.join(".")}: ${String(actual)} ≠ ${String(expected)}`);
    return;
  }
  if (path.join(".") === "amountUnit") return;
  if (typeof actual === "object" && actual !== null && typeof expected === "object" && expected !== null) {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const k of keys) {
      compare((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], unitA, unitE, [...path, k], diffs);
    }
    return;
  }
  if (actual !== expected) diffs.push(`${path.join(".")}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}

function diff(actual: BudgetPackage, expected: BudgetPackage): string[] {
  const diffs: string[] = [];
  compare(actual, expected, actual.amountUnit, expected.amountUnit, [], diffs);
  return diffs;
}

describe.each(loadFixtures())("round trip of $name", (fixture) => {
  it("packageToBudget → budgetToPackage reproduces the input", () => {
    const out = budgetToPackage(packageToBudget(fixture.pkg));
    expect(diff(out, fixture.pkg)).toEqual([]);
    expect(out.amountUnit).toBe("万元");
  });

  it("the export is a valid package that converts to the same budget", () => {
    const out = budgetToPackage(packageToBudget(fixture.pkg));
    const again = parsePackageValue(JSON.parse(JSON.stringify(out)));
    expect(again.ok).toBe(true);
    if (again.ok) expect(packageToBudget(again.pkg)).toEqual(packageToBudget(fixture.pkg));
  });
});

describe("packageToBudget / budgetToPackage", () => {
  const [fixture] = loadFixtures();

  it("stores 元 and fills missing amounts, arrays and objects", () => {
    const pkg = structuredClone(fixture!.pkg);
    delete pkg.income!.other;
    delete pkg.threePublic;
    delete pkg.procurement;
    const b = packageToBudget(pkg);
    expect(b.income.generalBudget.toFixed(2)).toBe("25146100.00");
    expect(b.income.other.isZero()).toBe(true);
    expect(b.threePublic.reception.isZero()).toBe(true);
    expect(b.procurement).toEqual([]);
  });

  it("keeps optional text absent and a missing priorYear absent", () => {
    const pkg = structuredClone(fixture!.pkg);
    delete pkg.priorYear;
    delete pkg.unit.structure;
    const b = packageToBudget(pkg);
    expect("priorYear" in b).toBe(false);
    expect("structure" in b.unit).toBe(false);
    expect("owner" in b.projects[0]!).toBe(false);
    const out = budgetToPackage(b);
    expect("priorYear" in out).toBe(false);
    expect("structure" in out.unit).toBe(false);
  });

  it("exports in 元 when an amount is not a whole 百元", () => {
    const b = packageToBudget(fixture!.pkg);
    b.basicExpenditure[0]!.amount = b.basicExpenditure[0]!.amount.plus("0.01");
    const out = budgetToPackage(b);
    expect(out.amountUnit).toBe("元");
    expect(out.basicExpenditure![0]!.amount).toBe("2329600.01");
    expect(out.income!.generalBudget).toBe("25146100.00");
    expect(packageToBudget(out)).toEqual(b);
  });
});
