import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/open/budgets/route";
import { formatWan, parseAmount } from "@/lib/budget/money";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { changePhrase } from "@/lib/budget/narrative/phrases";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { findPublishedBudget } from "@/lib/db/queries/public-snapshots";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { freshDatabase, type TestDatabase } from "../helpers/database";

/**
 * Issue 15: every published 上年/比上年 is the one the narrative prints. Two budgets whose
 * package's own stored 上年 would give another figure: one in 元 whose 上年 items round
 * differently from their total, one whose stored 上年 is stale (last year's approved budget in
 * the database says otherwise).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  // The route reads the database of the process (lib/db/client), this test's own.
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => t.drop());

const fixtures = loadFixtures();
const office = fixtures.find((f) => f.name === "beibei-government-office-2024")!;
const services = fixtures.find((f) => f.name === "beibei-government-services-2023")!;

type Package = ReturnType<typeof budgetToPackage>;

async function store(pkg: Package, unitCode: string) {
  // Another department of the same district: its code, and its sub-units' codes wherever they are named.
  let text = JSON.stringify({ ...pkg, unit: { ...pkg.unit, code: unitCode } });
  for (const [i, s] of (pkg.unit.subUnits ?? []).entries()) text = text.replaceAll(`"${s.code}"`, `"${unitCode}00${i + 1}"`);
  const result = await importPackageText(t.db, text, { status: "APPROVED" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { id: result.budgetId, pkg };
}

async function publish(id: number) {
  await t.db.$transaction((tx) => freezeSnapshot(tx, id, null));
}

async function listedTotals(unit: string) {
  const res = await GET(new Request("http://localhost/api/open/budgets?region=500109&year=2024"));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { budgets: { unit: { code: string }; totals: { total: string; priorTotal?: string; change?: string } }[] };
  return body.budgets.find((b) => b.unit.code === unit)!.totals;
}

/** The JSON's 比上年 is the narrative's sentence and the frozen tables' own difference. */
async function expectOneFigure(unit: string) {
  const totals = await listedTotals(unit);
  const snapshot = (await findPublishedBudget(t.db, { region: "500109", year: 2024, unit }))!;
  expect(totals.change).toBeDefined();
  expect(snapshot.narrative).toContain(`支出${changePhrase(new Decimal(totals.change!), 2023)}`);
  const t1 = snapshot.tables.T1!.expenditure.total.total;
  const t8 = snapshot.tables.T8!.total.total;
  // The budget is all fiscal money: T1's 支出合计 is T8's, and T2 prints the 上年 subtracted.
  expect(t1).toBe(t8);
  expect(totals.total).toBe(t1);
  expect(totals.priorTotal).toBe(snapshot.tables.T2!.total.prior);
  expect(totals.change).toBe(formatWan(new Decimal(t1).minus(snapshot.tables.T2!.total.prior!)));
  return totals;
}

/** What lib/public/budget-summary.ts printed before: 上年 recomputed from the package's stored entry. */
function storedPrior(pkg: Package) {
  const unit = pkg.amountUnit === "元" ? "元" : "万元";
  return formatWan(
    parseAmount(pkg.priorYear!.basic ?? "0", unit)
      .plus(parseAmount(pkg.priorYear!.project ?? "0", unit))
      .dividedBy(10_000),
  );
}

describe("published 上年 and 比上年", () => {
  it("a package in 元 whose 上年 items round otherwise than their total: the JSON prints the narrative's 比上年", async () => {
    const pkg = budgetToPackage(office.budget, { unit: "元" });
    const prior = pkg.priorYear!;
    // Half a fen (50 元) on each 上年 item: each prints one fen up, their exact total only half as much.
    const items = Object.keys(prior.expenditureByFunction!);
    for (const code of items) prior.expenditureByFunction![code] = new Decimal(prior.expenditureByFunction![code]!).plus(50).toFixed(2);
    prior.basic = new Decimal(prior.basic ?? "0").plus(50 * items.length).toFixed(2);
    const { id } = await store(pkg, "901");
    expect(pkg.amountUnit).toBe("元");
    await publish(id);
    const totals = await expectOneFigure("901");
    expect(storedPrior(pkg)).not.toBe(totals.priorTotal);
  });

  it("a stale stored 上年 (last year's approved budget says otherwise): the JSON prints the narrative's 比上年", async () => {
    await store(budgetToPackage(services.budget), "902");
    const { id, pkg } = await store(budgetToPackage(office.budget), "902");
    await publish(id);
    const totals = await expectOneFigure("902");
    expect(storedPrior(pkg)).not.toBe(totals.priorTotal);
  });
});
