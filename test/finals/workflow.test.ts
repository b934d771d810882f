import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { seedDemo } from "@/lib/db/seed-demo";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "../workflow/users";

let t: TestDatabase;
let accountant: SessionUser;
let reviewer: SessionUser;
let foreignReviewer: SessionUser;
let finalId: number;

const fixture = () => loadFinalFixtures()[0]!;
const pkg2021 = () => ({ ...JSON.parse(fixture().text), year: 2021 });
const state = (id: number) => t.db.budget.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
const setPackage = (pkg: unknown) => t.db.finalContent.update({ where: { budgetId: finalId }, data: { package: pkg as object } });

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  // The open-data routes read through lib/db/client's db().
  process.env.DATABASE_URL = t.url;
  accountant = await sessionUser(t.db, "accountant.104");
  reviewer = await sessionUser(t.db, "reviewer.500109");
  foreignReviewer = await createReviewer(t.db, "reviewer.500110", "500110", "重庆市渝北区");
  // The demo publishes 104's 2020 决算 already: the test walks its own copy, 104's 2021 决算.
  const imported = await importPackageText(t.db, fixture().text.replace('"year": 2020', '"year": 2021'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  finalId = imported.budgetId;
});
afterAll(async () => t.drop());

describe("a 决算 goes through the same workflow as a budget", () => {
  it("refuses 报送 while evaluateFinal reports an error, naming it, and changes nothing", async () => {
    const s = await state(finalId);
    const pkg = pkg2021();
    const line = pkg.basicExpenditure[0];
    line.actual = (Number(line.actual) + 1).toFixed(2);
    await setPackage(pkg);
    const result = await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("findings");
    expect(result.message).toMatch(/^决算有 \d+ 项错误，修正后才能报送$/);
    expect(result.findings!.every((f) => f.severity === "error")).toBe(true);
    expect(await state(finalId)).toEqual(s);
    await setPackage(pkg2021());
  });

  it("is submitted, returned with a comment, resubmitted, approved and published; the snapshot freezes F1–F10 and the narrative", async () => {
    let s = await state(finalId);
    const submitted = await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version });
    expect(submitted).toMatchObject({ ok: true, status: "SUBMITTED" });
    const submission = await t.db.budgetSubmission.findFirstOrThrow({ where: { budgetId: finalId } });
    expect(submission.package).toEqual(pkg2021());

    s = await state(finalId);
    expect((await returnBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version })).ok).toBe(false);
    expect((await returnBudget(t.db, foreignReviewer, { budgetId: finalId, expectedVersion: s.version, comment: "x" })).ok).toBe(false);
    expect(await returnBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version, comment: "请补充会议费说明" })).toMatchObject({
      ok: true,
      status: "RETURNED",
    });
    s = await state(finalId);
    expect(await submitBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version })).toMatchObject({ ok: true });
    s = await state(finalId);
    expect(await approveBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version })).toMatchObject({ ok: true, status: "APPROVED" });
    s = await state(finalId);
    expect((await publishBudget(t.db, accountant, { budgetId: finalId, expectedVersion: s.version })).ok).toBe(false);
    expect(await publishBudget(t.db, reviewer, { budgetId: finalId, expectedVersion: s.version })).toMatchObject({ ok: true, status: "PUBLISHED" });
  });

  it("froze a snapshot of kind final with the package, F1–F10 and the 部门决算情况说明", async () => {
    const snapshot = await t.db.publishedSnapshot.findFirstOrThrow({ where: { budgetId: finalId, supersededAt: null } });
    expect(snapshot.kind).toBe("final");
    expect(snapshot.package).toEqual(pkg2021());
    const tables = snapshot.tables as Record<string, unknown>;
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(["F1", "F5", "F7", "F10"]));
    expect(snapshot.narrative).toMatch(/决算/);
    expect(snapshot.narrative).toMatch(/1,918\.25|1918\.25/);
  });
});

describe("the demo and starting a 决算 from the budget of its year", () => {
  it("publishes 104's 2020 决算 (the public reads F1–F10 and the seed's totals, PDF and Excel) and gives 134 a 2023 决算 draft", async () => {
    const { findPublishedFinal, listPublishedFinals } = await import("@/lib/db/queries/public-snapshots");
    const f = await findPublishedFinal(t.db, { region: "500109", year: 2020, unit: "104" });
    expect(f?.tables.F1.income.grandTotal).toBe("1918.25");
    expect(f?.tables.F7.actual.total).toBe("43.22");
    expect((await listPublishedFinals(t.db)).map((x) => `${x.unit.code} ${x.year}`)).toEqual(["104 2021", "104 2020"]);
    // Drafts are never public.
    expect(await findPublishedFinal(t.db, { region: "500109", year: 2023, unit: "134" })).toBeNull();
    const { renderFinalPdf } = await import("@/lib/export/pdf/final-pdf");
    const { readPdfText } = await import("@/test/support/pdf-text");
    const pdf = readPdfText(await renderFinalPdf(f!));
    expect(pdf.pages.join("\n")).toContain("2020年度部门决算");
    expect(pdf.pages.join("\n")).toContain("1,918.25");
    const draft = await t.db.budget.findFirstOrThrow({ where: { kind: "final", year: 2023, department: { code: "134" } }, include: { finalContent: true } });
    expect(draft.status).toBe("DRAFT");
    const pkg = draft.finalContent!.package as { basicExpenditure: unknown[]; projects: { selfEvaluation: { indicators: unknown[] } }[] };
    expect(pkg.projects[0]!.selfEvaluation.indicators).toHaveLength(6);
  });

  it("startFinal: from the published budget of the accountant's own department only, once", async () => {
    const { startFinal } = await import("@/lib/workflow/start-final");
    const budget104 = await t.db.budget.findFirstOrThrow({ where: { kind: "budget", year: 2024, department: { code: "104" } } });
    const budget134 = await t.db.budget.findFirstOrThrow({ where: { kind: "budget", year: 2023, department: { code: "134" } } });
    const accountant134 = await sessionUser(t.db, "accountant.134");
    expect(await startFinal(t.db, accountant134, { fromBudgetId: budget104.id })).toMatchObject({ ok: false, message: "未找到该预算" });
    expect(await startFinal(t.db, accountant134, { fromBudgetId: budget134.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/尚未审核通过或公开/),
    });
    expect((await startFinal(t.db, reviewer, { fromBudgetId: budget104.id })).ok).toBe(false);
    const started = await startFinal(t.db, accountant, { fromBudgetId: budget104.id });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const row = await t.db.finalContent.findUniqueOrThrow({ where: { budgetId: started.budgetId } });
    const pkg = row.package as { amountUnit: string; threePublic: Record<string, { initial: string }> };
    expect(pkg.amountUnit).toBe("元");
    const published = await t.db.publishedSnapshot.findFirstOrThrow({ where: { budgetId: budget104.id } });
    const t4 = (published.tables as { T4: { current: Record<string, string> } }).T4.current;
    expect((Number(pkg.threePublic.reception!.initial) / 10000).toFixed(2)).toBe(t4.reception);
    expect(await startFinal(t.db, accountant, { fromBudgetId: budget104.id })).toMatchObject({ ok: false, message: "2024 年决算已存在" });
  });
});

describe("the reviewer's dashboard with its 预算/决算 switch", () => {
  it("lists the district's 决算 of a year with their F3/F7 figures, and the budget dashboard stays budgets only", async () => {
    const { loadDistrictDashboard } = await import("@/lib/review/load-district-dashboard");
    const finals = await loadDistrictDashboard(t.db, reviewer, { kind: "final", year: 2020 });
    expect(finals?.kind).toBe("final");
    expect(finals?.years).toEqual([2021, 2020]);
    const row104 = finals!.rows.find((r) => r.code === "104")!;
    expect(row104).toMatchObject({ kind: "final", status: "PUBLISHED", total: "1918.25", threePublic: "43.22", errors: 0 });
    // 134's 2023 决算 is a draft: not on the 2023 决算 dashboard's figures.
    const y2023 = await loadDistrictDashboard(t.db, reviewer, { kind: "final", year: 2023 });
    expect(y2023!.rows.find((r) => r.code === "134")!.budgetId).toBeNull();
    const budgets = await loadDistrictDashboard(t.db, reviewer, { year: 2024 });
    expect(budgets!.kind).toBe("budget");
    expect(budgets!.rows.find((r) => r.code === "104")!.kind).toBeUndefined();
  });
});

describe("open data of the 决算 and 预算调整", () => {
  it("serves /api/open/finals and the current snapshot by key; a draft or an unknown key answers 404", async () => {
    const list = await import("@/app/api/open/finals/route");
    const item = await import("@/app/api/open/finals/[region]/[year]/[unit]/route");
    const xlsx = await import("@/app/api/open/finals/[region]/[year]/[unit]/tables.xlsx/route");
    const params = (year: string, unit: string) => ({ params: Promise.resolve({ region: "500109", year, unit }) });
    const all = (await (await list.GET(new Request("http://localhost/api/open/finals?year=2020"))).json()) as {
      finals: { unit: { code: string }; totals: { grandTotal: string } }[];
    };
    expect(all.finals.map((f) => [f.unit.code, f.totals.grandTotal])).toEqual([["104", "1918.25"]]);
    const one = await item.GET(new Request("http://localhost/api/open/finals/500109/2020/104"), params("2020", "104"));
    expect(one.status).toBe(200);
    const body = (await one.json()) as {
      package: { kind: string };
      tables: { F7: { actual: { total: string } } };
      narrative: string;
      published: { version: number };
    };
    expect(body.package.kind).toBe("final");
    expect(body.tables.F7.actual.total).toBe("43.22");
    expect(body.published.version).toBe(1);
    expect((await item.GET(new Request("http://localhost/x"), params("2023", "134"))).status).toBe(404);
    expect((await item.GET(new Request("http://localhost/x"), params("2024", "104"))).status).toBe(404);
    const workbook = await xlsx.GET(new Request("http://localhost/x"), params("2020", "104"));
    expect(workbook.status).toBe(200);
    expect(
      Buffer.from(await workbook.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("预算调整 reopens a published 决算 as a draft; its snapshot stays public until the next publication supersedes it", async () => {
    const { startAdjustment } = await import("@/lib/workflow/start-adjustment");
    const { findPublishedFinal } = await import("@/lib/db/queries/public-snapshots");
    let s = await state(finalId);
    expect(await startAdjustment(t.db, accountant, { budgetId: finalId, expectedVersion: s.version, comment: "更正会议费" })).toMatchObject({
      ok: true,
      status: "DRAFT",
    });
    const key = { region: "500109", year: 2021, unit: "104" };
    expect((await findPublishedFinal(t.db, key))?.sequence).toBe(1);
    for (const [run, actor] of [
      [submitBudget, accountant],
      [approveBudget, reviewer],
      [publishBudget, reviewer],
    ] as const) {
      s = await state(finalId);
      expect((await run(t.db, actor, { budgetId: finalId, expectedVersion: s.version })).ok).toBe(true);
    }
    expect((await findPublishedFinal(t.db, key))?.sequence).toBe(2);
  });
});
