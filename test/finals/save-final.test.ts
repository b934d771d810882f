import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { applyFinalHelper, saveFinalSection } from "@/lib/workflow/save-final";
import { loadFinalEditor } from "@/lib/db/finals/load-final-editor";
import type { FinalPackage } from "@/lib/final/package/schema";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../workflow/users";

let t: TestDatabase;
let accountant: SessionUser;
let other: SessionUser;
let id: number;
const version = async () => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;
const pkg = async () => (await t.db.finalContent.findUniqueOrThrow({ where: { budgetId: id } })).package as FinalPackage;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  accountant = await sessionUser(t.db, "accountant.134");
  other = await sessionUser(t.db, "accountant.104");
  id = (await t.db.budget.findFirstOrThrow({ where: { kind: "final", year: 2023, department: { code: "134" } } })).id;
});
afterAll(async () => t.drop());

describe("the 决算 workspace: sections saved on the server", () => {
  it("refuses another department's 决算 as not found, a stale version as a conflict, and a bad amount naming the field", async () => {
    const v = await version();
    const lines = (await pkg()).basicExpenditure!.map(() => ({ adjusted: "", actual: "" }));
    const values = { basic: lines, projects: [{ adjusted: "", actual: "" }] };
    expect(await saveFinalSection(t.db, other, { budgetId: id, expectedVersion: v, section: "lines", values })).toMatchObject({
      ok: false,
      message: "未找到该决算",
    });
    expect(await saveFinalSection(t.db, accountant, { budgetId: id, expectedVersion: v - 1, section: "lines", values })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    values.basic[0] = { adjusted: "", actual: "12.345" };
    const bad = await saveFinalSection(t.db, accountant, { budgetId: id, expectedVersion: v, section: "lines", values });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok) expect(bad.errors?.[0]?.path).toBe("basicExpenditure[0].actual");
    expect(await saveFinalSection(t.db, accountant, { budgetId: id, expectedVersion: v, section: "lines", values: { nope: 1 } })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await version()).toBe(v);
  });

  it("fills actuals and income, takes the 自评 values, computes the score and lets the 决算 be submitted", async () => {
    expect((await applyFinalHelper(t.db, accountant, { budgetId: id, expectedVersion: await version(), helper: "fillActuals" })).ok).toBe(true);
    expect((await applyFinalHelper(t.db, accountant, { budgetId: id, expectedVersion: await version(), helper: "income" })).ok).toBe(true);
    const p = await pkg();
    expect(p.projects![0]!.selfEvaluation!.actual).toEqual({ superior: "0.00", local: p.projects![0]!.actual });
    const indicators = p.projects![0]!.selfEvaluation!.indicators!.map((i) => ({
      actual: i.operator === "定性" ? "方便快捷" : i.value,
      ratio: i.operator === "定性" ? "100" : "",
      reason: "",
    }));
    const saved = await saveFinalSection(t.db, accountant, {
      budgetId: id,
      expectedVersion: await version(),
      section: "selfEvaluation",
      values: { projects: [{ outcome: "全部完成", indicators }] },
    });
    expect(saved).toMatchObject({ ok: true });
    const editor = await loadFinalEditor(t.db, accountant, id);
    expect(editor!.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(editor!.scores[0]!.score).toBe("100");
    const submitted = await submitBudget(t.db, accountant, { budgetId: id, expectedVersion: await version() });
    expect(submitted).toMatchObject({ ok: true, status: "SUBMITTED" });
    expect(
      await saveFinalSection(t.db, accountant, {
        budgetId: id,
        expectedVersion: await version(),
        section: "meetings",
        values: { meetings: "1", training: "" },
      }),
    ).toMatchObject({
      ok: false,
      message: "只有编制中或已退回的决算可以修改",
    });
  });
});

describe("我的预算 lists the 决算 beside the budgets", () => {
  it("with its 收入合计 from the package (本年收入 + 年初结转和结余)", async () => {
    const { listBudgetsFor } = await import("@/lib/db/queries/list-budgets");
    const rows = await listBudgetsFor(t.db, accountant);
    expect(rows.map((r) => [r.year, r.kind])).toEqual([
      [2023, "budget"],
      [2023, "final"],
    ]);
    const p = await pkg();
    const income = (p.income ?? []).reduce((s, l) => s + Number(l.amount ?? 0), 0);
    expect(rows[1]!.incomeTotal).toBe(income.toFixed(2));
  });
});
