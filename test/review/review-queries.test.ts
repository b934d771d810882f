import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { loadBudgetReview } from "@/lib/review/load-budget-review";
import { loadBudgetTrail } from "@/lib/review/load-budget-trail";
import { districtWorkbook } from "@/lib/review/district-workbook";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";
import { addComment } from "@/lib/workflow/add-comment";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "../workflow/users";

let t: TestDatabase;
let reviewer: SessionUser;
let foreignReviewer: SessionUser;
let accountant111: SessionUser;
let accountant134: SessionUser;
let budget111: number;
let budget134: number;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  reviewer = await sessionUser(t.db, "reviewer.500109");
  accountant111 = await sessionUser(t.db, "accountant.111");
  accountant134 = await sessionUser(t.db, "accountant.134");
  foreignReviewer = await createReviewer(t.db, "reviewer.500110", "500110");
  budget111 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "111" } } })).id;
  budget134 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "134" } } })).id;
});
afterAll(async () => t.drop());

const fen = (s: string) => new Decimal(s);

describe("district dashboard", () => {
  it("lists every department of the region; drafts read as not submitted", async () => {
    const d = (await loadDistrictDashboard(t.db, reviewer, { year: 2024 }))!;
    expect(d.region.code).toBe("500109");
    expect(d.years).toEqual([2024]);
    expect(d.rows.map((r) => [r.code, r.status])).toEqual([
      ["104", "PUBLISHED"],
      ["111", "SUBMITTED"],
      ["134", null],
    ]);
    const petition = d.rows.find((r) => r.code === "111")!;
    expect(petition.errors).toBe(0);
    expect(petition.warnings).toBeGreaterThan(0);
    expect(petition.daysSinceSubmission).toBe(0);
    // The department's figure is the one its published tables print.
    const review = (await loadBudgetReview(t.db, reviewer, budget111))!;
    expect(petition.total).toBe(review.tables.T8!.total.total);
  });

  it("district totals equal the sum of the departments to the fen", async () => {
    // Add departments with awkward fen amounts so that a float sum would drift.
    const region = await t.db.region.findFirstOrThrow({ where: { code: "500109" } });
    for (const [code, amount] of [
      ["201", "1000.10"],
      ["202", "2000.20"],
      ["203", "3000.30"],
    ] as const) {
      const department = await t.db.department.create({ data: { regionId: region.id, code, name: `测试部门${code}` } });
      const source = await t.db.budget.findUniqueOrThrow({ where: { id: budget111 }, include: { basicLines: true, income: true } });
      const b = await t.db.budget.create({
        data: { departmentId: department.id, year: 2024, unitName: department.name, status: "SUBMITTED", submittedAt: new Date() },
      });
      const line = source.basicLines[0]!;
      await t.db.basicLine.create({ data: { budgetId: b.id, position: 0, functionCode: line.functionCode, economicCode: line.economicCode, amount } });
      await t.db.incomeLine.create({ data: { budgetId: b.id, fund: "generalBudget", amount } });
    }
    const d = (await loadDistrictDashboard(t.db, reviewer, { year: 2024 }))!;
    const submitted = d.rows.filter((r) => r.budgetId !== null);
    expect(submitted).toHaveLength(5);
    for (const key of ["total", "basic", "project", "threePublic"] as const) {
      const sum = submitted.reduce((s, r) => s.plus(fen(r[key]!)), new Decimal(0));
      expect(d.totals.amounts[key]).toBe(sum.toFixed(2));
    }
    expect(d.totals.amounts.total).not.toBe("0.00");
    expect(d.rows.find((r) => r.code === "202")!.total).toBe("0.20");
  });

  it("exports the dashboard to Excel with the same totals, text in text cells", async () => {
    const region = await t.db.region.findFirstOrThrow({ where: { code: "500109" } });
    await t.db.department.create({ data: { regionId: region.id, code: "299", name: '=HYPERLINK("http://evil","点我")' } });
    const d = (await loadDistrictDashboard(t.db, reviewer, { year: 2024 }))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await districtWorkbook(d)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = ws.getSheetValues() as unknown[][];
    const last = values[values.length - 1]!;
    expect(last[2]).toMatch(/^区级汇总/);
    expect(new Decimal(String(last[4])).toFixed(2)).toBe(d.totals.amounts.total);
    const evil = values.find((r) => r && r[1] === "299")!;
    // A text cell is shown, never evaluated: no apostrophe (issue 13), and never a formula.
    expect(evil[2]).toBe('=HYPERLINK("http://evil","点我")');
    expect(values.flat().some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
  });

  it("a reviewer of another region sees only their own region; an accountant has no dashboard", async () => {
    const d = (await loadDistrictDashboard(t.db, foreignReviewer, { year: 2024 }))!;
    expect(d.region.code).toBe("500110");
    expect(d.rows).toEqual([]);
    expect(await loadDistrictDashboard(t.db, foreignReviewer, { region: "500109", year: 2024 })).toBeNull();
    expect(await loadDistrictDashboard(t.db, accountant111, { year: 2024 })).toBeNull();
  });
});

describe("one budget under review", () => {
  it("is not found for a reviewer of another region, nor for a draft", async () => {
    expect(await loadBudgetReview(t.db, foreignReviewer, budget111)).toBeNull();
    expect(await loadBudgetReview(t.db, reviewer, budget134)).toBeNull();
    expect(await loadBudgetTrail(t.db, foreignReviewer, budget111)).toBeNull();
  });

  it("shows what changed since the previous submission after a return, and the whole trail", async () => {
    // 134's draft goes through submit → return (with a comment on a project) → edit → resubmit.
    let { version } = await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } });
    let r = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: version });
    expect(r.ok).toBe(true);
    version = r.ok ? r.version : version;
    const project = await t.db.project.findFirstOrThrow({ where: { budgetId: budget134 }, orderBy: { position: "asc" } });
    expect((await addComment(t.db, reviewer, { budgetId: budget134, section: "projects", anchor: project.code, body: "金额偏高" })).ok).toBe(true);
    r = await returnBudget(t.db, reviewer, { budgetId: budget134, expectedVersion: version, comment: "请核减项目金额" });
    version = r.ok ? r.version : version;
    const lowered = new Decimal(project.amount.toString()).minus("10000.01");
    await t.db.project.update({
      where: { id: project.id },
      data: { amount: lowered.toFixed(2), ownArrangement: new Decimal(project.ownArrangement.toString()).minus("10000.01").toFixed(2) },
    });
    // The income of the project's fund goes down by as much, so the budget still balances.
    const income = await t.db.incomeLine.findFirstOrThrow({ where: { budgetId: budget134, fund: project.fund, carryover: false } });
    await t.db.incomeLine.update({ where: { id: income.id }, data: { amount: new Decimal(income.amount.toString()).minus("10000.01").toFixed(2) } });
    await t.db.budget.update({ where: { id: budget134 }, data: { version: { increment: 1 } } });
    r = await submitBudget(t.db, accountant134, { budgetId: budget134, expectedVersion: version + 1 });
    expect(r.ok ? r : r.findings).toMatchObject({ ok: true, status: "SUBMITTED" });

    const review = (await loadBudgetReview(t.db, reviewer, budget134))!;
    expect(review.diff).not.toBeNull();
    expect(review.diff!.from.sequence).toBe(1);
    expect(review.diff!.to.sequence).toBe(2);
    const amount = review.diff!.entries.find((e) => e.key === `project/${project.code}/amount`)!;
    expect(amount.change).toBe("changed");
    expect(
      fen(amount.before!.replace(/[, 元]/g, ""))
        .minus(fen(amount.after!.replace(/[, 元]/g, "")))
        .toFixed(2),
    ).toBe("10000.01");
    expect(review.comments).toHaveLength(1);
    expect(review.anchors.projects.map((p) => p.value)).toContain(project.code);

    const trail = (await loadBudgetTrail(t.db, reviewer, budget134))!;
    expect(trail.filter((e) => e.kind === "event").map((e) => e.kind === "event" && e.action)).toEqual(["import", "submit", "return", "submit"]);
    expect(trail.some((e) => e.kind === "comment" && e.place === `项目支出 · ${project.name}`)).toBe(true);
    // The department's own accountant reads the same trail.
    expect(await loadBudgetTrail(t.db, accountant134, budget134)).toHaveLength(trail.length);
  });

  it("shows the publication deadline once approved", async () => {
    const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: budget134 } });
    expect((await approveBudget(t.db, reviewer, { budgetId: budget134, expectedVersion: version })).ok).toBe(true);
    const later = new Date(Date.now() + 25 * 86_400_000);
    const review = (await loadBudgetReview(t.db, reviewer, budget134, later))!;
    expect(review.deadline).toMatchObject({ overdue: true });
    const d = (await loadDistrictDashboard(t.db, reviewer, { year: 2023, now: later }))!;
    expect(d.rows.find((x) => x.code === "134")!.deadline!.overdue).toBe(true);
    expect(d.totals.overdue).toBe(1);
  });
});

describe("与上年对比 across a change of subject codes", () => {
  it("maps the budget's own 上年预算数 through the crosswalk instead of saying there is none", async () => {
    // 信访办 2024 has no approved 2023 budget in 明账: its package's 上年预算数 stands, as in T2.
    // The shipped crosswalk splits 2010308 three ways (so T2 keeps the published row); an
    // administrator's 1:1 mapping moves it under its successor.
    await t.db.subjectCrosswalk.deleteMany({ where: { fromYear: 2023, toYear: 2024, fromCode: "2010308" } });
    await t.db.subjectCrosswalk.create({ data: { kind: "function", fromYear: 2023, toYear: 2024, fromCode: "2010308", toCode: "2014004" } });
    const review = (await loadBudgetReview(t.db, reviewer, budget111))!;
    expect(review.comparison.priorKnown.byFunction).toBe(true);
    const row = review.comparison.byFunction.find((r) => r.code === "2014004")!;
    expect(row).toMatchObject({ name: "信访业务", prior: "657.05" });
    expect(review.comparison.byFunction.find((r) => r.code === "2010308")).toBeUndefined();
    await t.db.subjectCrosswalk.deleteMany({ where: { fromYear: 2023, toYear: 2024 } });
  });
});
