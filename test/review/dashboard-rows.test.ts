import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { discloseBudget } from "@/lib/budget/disclose";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { seedDemo } from "@/lib/db/seed-demo";
import { ceilingBasis } from "@/lib/budget/ceilings";
import { issuedCeilings } from "@/lib/db/queries/ceilings";
import { dashboardFigures } from "@/lib/review/department-row";
import { ceilingColumns } from "@/lib/review/stage-and-ceilings";
import { loadCityDashboard } from "@/lib/review/load-city-dashboard";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";
import { returnBudget } from "@/lib/workflow/return-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../workflow/users";

let t: TestDatabase;
let reviewer: SessionUser;
let accountant111: SessionUser;
let budget104: number;
let budget111: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  reviewer = await sessionUser(t.db, "reviewer.500109");
  accountant111 = await sessionUser(t.db, "accountant.111");
  budget104 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "104" }, year: 2024 } })).id;
  budget111 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "111" }, year: 2024 } })).id;
});
afterAll(async () => t.drop());

/** What the dashboard must show for a budget: its figures computed afresh, as the budget's own pages compute them. */
async function fresh(budgetId: number) {
  const engine = (await loadForEngine(t.db, budgetId, {}))!;
  const d = discloseBudget(engine);
  return dashboardFigures(d.summary, d.narrative.figures, d.findings);
}

async function shown(budgetId: number) {
  const d = (await loadDistrictDashboard(t.db, reviewer, { year: 2024 }))!;
  const row = d.rows.find((r) => r.budgetId === budgetId)!;
  const { total, totalChange, basic, project, threePublic, threePublicChange, errors, warnings } = row;
  return { figures: { total, totalChange, basic, project, threePublic, threePublicChange, errors, warnings }, status: row.status, dashboard: d };
}

// A stored row with figures no computation gives: shown only while its key is current.
const poison = (budgetId: number) => t.db.$executeRaw`update "DashboardRow" set total = 123400 where "budgetId" = ${budgetId}`;

describe("dashboard row cache", () => {
  it("stores the row of every budget the reviewer sees, and shows it while nothing it depends on changed", async () => {
    expect((await shown(budget104)).figures).toEqual(await fresh(budget104));
    const stored = await t.db.dashboardRow.findMany({ select: { budgetId: true } });
    expect(stored.map((r) => r.budgetId).sort()).toEqual([budget104, budget111].sort());
    await poison(budget104);
    expect((await shown(budget104)).figures.total).toBe("12.34");
  });

  it("recomputes a row when the budget's version moves, whoever moved it", async () => {
    await t.db.budget.update({ where: { id: budget104 }, data: { version: { increment: 1 } } });
    expect((await shown(budget104)).figures).toEqual(await fresh(budget104));
  });

  it("shows each issued 控制数's use from the cached row, as the budget's own amounts give it", async () => {
    const department = (await t.db.budget.findUniqueOrThrow({ where: { id: budget104 }, select: { departmentId: true } })).departmentId;
    await t.db.ceiling.createMany({
      data: [
        { departmentId: department, year: 2024, fund: "generalBudget", kind: "basic", amount: "1000000.00", issuedAt: new Date() },
        { departmentId: department, year: 2024, fund: "generalBudget", kind: "project", amount: "1.00", issuedAt: new Date() },
      ],
    });
    const engine = (await loadForEngine(t.db, budget104, {}))!;
    const ceilings = await issuedCeilings(t.db, department, 2024);
    const expected = ceilingColumns(ceilingBasis(engine.budget), ceilings);
    expect(expected.map((c) => c.exceeded)).toEqual([expect.any(Boolean), true]);
    const row = (await shown(budget104)).dashboard.rows.find((r) => r.budgetId === budget104)!;
    expect(row.ceilings).toEqual(expected);
    // Read from the cache the next time too (nothing recomputed), with the same use.
    const computedAt = (await t.db.dashboardRow.findUniqueOrThrow({ where: { budgetId: budget104 } })).computedAt;
    expect((await shown(budget104)).dashboard.rows.find((r) => r.budgetId === budget104)!.ceilings).toEqual(expected);
    expect((await t.db.dashboardRow.findUniqueOrThrow({ where: { budgetId: budget104 } })).computedAt).toEqual(computedAt);
    await t.db.ceiling.deleteMany({ where: { departmentId: department, year: 2024 } });
  });

  it("follows a return, an edit of the returned budget and its new submission", async () => {
    let { version } = await t.db.budget.findUniqueOrThrow({ where: { id: budget111 } });
    const returned = await returnBudget(t.db, reviewer, { budgetId: budget111, expectedVersion: version, comment: "请核对基本支出" });
    expect(returned.ok).toBe(true);
    // The transition refreshed the row inside its own transaction: no computing at the next read.
    const row = await t.db.dashboardRow.findUniqueOrThrow({ where: { budgetId: budget111 } });
    expect(row.key.startsWith(`${version + 1}|`)).toBe(true);
    const before = await shown(budget111);
    expect(before.status).toBe("RETURNED");
    // The dashboard found the refreshed row current (the same key both ways): it did not compute it again.
    expect((await t.db.dashboardRow.findUniqueOrThrow({ where: { budgetId: budget111 } })).computedAt).toEqual(row.computedAt);

    ({ version } = await t.db.budget.findUniqueOrThrow({ where: { id: budget111 } }));
    const engine = (await loadForEngine(t.db, budget111, {}))!;
    const lines = (extra: number) =>
      engine.budget.basicExpenditure.map((l, i) => ({
        function: l.function,
        economic: l.economic,
        fund: l.fund,
        amount: i === 0 ? l.amount.plus(extra).toFixed(2) : l.amount.toFixed(2),
      }));
    const saved = await saveSection(t.db, accountant111, {
      budgetId: budget111,
      expectedVersion: version,
      section: "basic",
      values: { basicExpenditure: lines(1_000_000) },
    });
    expect(saved.ok).toBe(true);
    const edited = await shown(budget111);
    expect(edited.figures).toEqual(await fresh(budget111));
    expect(edited.figures.total).not.toBe(before.figures.total);

    // Back to amounts that balance with the income, so that it can be submitted again.
    const restored = await saveSection(t.db, accountant111, {
      budgetId: budget111,
      expectedVersion: (saved as { version: number }).version,
      section: "basic",
      values: { basicExpenditure: lines(0) },
    });
    expect(restored.ok).toBe(true);
    const submitted = await submitBudget(t.db, accountant111, { budgetId: budget111, expectedVersion: (restored as { version: number }).version });
    expect(submitted.ok).toBe(true);
    const after = await shown(budget111);
    expect(after.status).toBe("SUBMITTED");
    expect(after.figures).toEqual(await fresh(budget111));
  });

  it("recomputes this year's row when last year's budget is approved or changes", async () => {
    const before = (await shown(budget111)).figures;
    // Last year's budget of 111 arrives approved: 上年 now comes from it.
    const lastYear = JSON.parse(readFileSync(path.join(process.cwd(), "data/demo/beibei-government-services-2023.package.json"), "utf8")) as {
      unit: { code: string; name: string };
    };
    lastYear.unit.code = "111";
    lastYear.unit.name = "重庆市北碚区信访办公室";
    const imported = await importPackageText(t.db, JSON.stringify(lastYear), { status: "APPROVED" });
    expect(imported.ok).toBe(true);
    const withPrior = (await shown(budget111)).figures;
    expect(withPrior).toEqual(await fresh(budget111));
    expect(withPrior.totalChange).not.toBe(before.totalChange);

    // Last year's amounts change (any way: here out of band, with its version): this year's row follows.
    await poison(budget111);
    const lastId = (imported as { budgetId: number }).budgetId;
    await t.db.$executeRaw`update "BasicLine" set amount = amount + 5000000 where "budgetId" = ${lastId} and position = 0`;
    await t.db.budget.update({ where: { id: lastId }, data: { version: { increment: 1 } } });
    const changed = (await shown(budget111)).figures;
    expect(changed).toEqual(await fresh(budget111));
    expect(changed.totalChange).not.toBe(withPrior.totalChange);

    // A unit's budget of last year's department changes: 上年 is last year's consolidation, so the row follows too.
    await poison(budget111);
    const lastBudget = await t.db.budget.findUniqueOrThrow({ where: { id: lastId }, include: { department: true } });
    const unit = await t.db.subUnit.create({ data: { departmentId: lastBudget.departmentId, code: "111099", name: "上年单位" } });
    const line = await t.db.basicLine.findFirstOrThrow({ where: { budgetId: lastId, fund: "generalBudget" }, orderBy: { position: "asc" } });
    await t.db.budget.create({
      data: {
        departmentId: lastBudget.departmentId,
        subUnitId: unit.id,
        year: lastBudget.year,
        status: "APPROVED",
        unitName: unit.name,
        functions: [],
        basicLines: { create: [{ position: 0, functionCode: line.functionCode, economicCode: line.economicCode, amount: "3000000.00" }] },
      },
    });
    const withUnit = (await shown(budget111)).figures;
    expect(withUnit).toEqual(await fresh(budget111));
    expect(withUnit.totalChange).not.toBe(changed.totalChange);
  });

  it("recomputes when the year's catalogue is imported again", async () => {
    await poison(budget104);
    await t.db.catalogRevision.update({ where: { year: 2024 }, data: { revision: { increment: 1 } } });
    expect((await shown(budget104)).figures).toEqual(await fresh(budget104));
  });

  it("sums each district for the city overview exactly as the district dashboard does", async () => {
    const { dashboard } = await shown(budget104);
    const city = (await loadCityDashboard(t.db, reviewer, { year: 2024 }))!;
    expect(city.districts).toHaveLength(1);
    const [district] = city.districts;
    expect(district).toMatchObject({
      code: "500109",
      departments: dashboard.rows.length,
      reported: dashboard.totals.departments,
      errors: dashboard.totals.errors,
      warnings: dashboard.totals.warnings,
    });
    const { total, basic, project, threePublic } = dashboard.totals.amounts;
    expect(district!.amounts).toEqual({ total, basic, project, threePublic });
    expect(district!.byStatus).toEqual({ SUBMITTED: 1, RETURNED: 0, APPROVED: 0, PUBLISHED: 1 });
    // An accountant has no overview.
    expect(await loadCityDashboard(t.db, accountant111, { year: 2024 })).toBeNull();
  });
});
