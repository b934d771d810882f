import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { fixturesDir } from "@/test/support/budget/fixtures";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "../workflow/users";

/**
 * A budget as real departments publish it — 绩效指标 without 一级/二级指标, a 一级项目, its own
 * table set and 名词解释 — goes the whole way: import, 报送 refused while a placeholder is left,
 * then (placeholder written) 报送, 审核通过 and 公开, and the public snapshot prints what the
 * department published, to the fen.
 */
const name = "beibei-petition-office-2024-flat";
const text = readFileSync(path.join(fixturesDir(), `${name}.package.json`), "utf8");
const expected = JSON.parse(readFileSync(path.join(fixturesDir(), `${name}.expected.json`), "utf8")) as Record<string, unknown>;

let t: TestDatabase;
let accountant: SessionUser;
let reviewer: SessionUser;

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.drop());

const withPlaceholder = (() => {
  const pkg = JSON.parse(text);
  pkg.projects[1].summary = "（未填写）";
  pkg.narrative.basicUsage = "主要用于XX";
  return JSON.stringify(pkg);
})();

const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("a budget without 一级/二级指标, from import to publication", () => {
  let budgetId: number;

  it("imports, placeholders and missing levels notwithstanding", async () => {
    const result = await importPackageText(t.db, withPlaceholder);
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    budgetId = result.budgetId;
    const department = await t.db.department.findFirstOrThrow({ where: { code: "911" } });
    await t.db.user.create({
      data: {
        username: "accountant.intake",
        displayName: "会计",
        passwordHash: "x",
        memberships: { create: { role: "ACCOUNTANT", departmentId: department.id } },
      },
    });
    accountant = await sessionUser(t.db, "accountant.intake");
    reviewer = await createReviewer(t.db, "reviewer.intake", "500109");
    const indicators = await t.db.performanceIndicator.findMany({ where: { budgetId } });
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((i) => i.level1 === null && i.level2 === null)).toBe(true);
  });

  it("refuses 报送 while a placeholder is left, naming each field in Chinese", async () => {
    const result = await submitBudget(t.db, accountant, { budgetId, expectedVersion: await version(budgetId) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("findings");
    const placeholders = result.findings!.filter((f) => f.rule === "text.placeholder");
    expect(placeholders.map((f) => f.path)).toEqual(["projects[1].summary", "narrative.basicUsage"]);
    expect(placeholders[0]!.message).toContain("项目“日常维稳专项工作经费”的项目概述含有占位文字 “（未填写）”");
    expect(placeholders[1]!.message).toContain("情况说明的基本支出主要用途含有占位文字 “XX”");
    // Missing 一级/二级指标 are warnings: they never reach the refusal.
    expect(result.findings!.every((f) => f.severity === "error")).toBe(true);
  });

  it("submits, approves and publishes once the text is written, printing exactly what was published", async () => {
    const replaced = await importPackageText(t.db, text, { replace: true });
    expect(replaced).toMatchObject({ ok: true, created: false });
    const submitted = await submitBudget(t.db, accountant, { budgetId, expectedVersion: await version(budgetId) });
    expect(submitted).toMatchObject({ ok: true, status: "SUBMITTED" });
    const approved = await approveBudget(t.db, reviewer, { budgetId, expectedVersion: await version(budgetId) });
    expect(approved).toMatchObject({ ok: true, status: "APPROVED" });
    const published = await publishBudget(t.db, reviewer, { budgetId, expectedVersion: await version(budgetId) });
    expect(published).toMatchObject({ ok: true, status: "PUBLISHED" });

    const snapshot = await t.db.publishedSnapshot.findFirstOrThrow({ where: { budgetId } });
    const tables = snapshot.tables as Record<string, unknown>;
    const ids = Object.keys(expected).filter((k) => /^T\d+$/.test(k));
    expect(Object.keys(tables).filter((k) => /^T\d+$/.test(k))).toEqual(ids);
    for (const id of ids) expect(tables[id], id).toEqual(expected[id]);
    const pkg = snapshot.package as { performance: { indicators: Record<string, unknown>[] }; narrative: { glossary?: string } };
    expect(pkg.performance.indicators.every((i) => !("level1" in i) && !("level2" in i))).toBe(true);
    expect(pkg.narrative.glossary).toContain("国际旅游费");
    expect(snapshot.narrative).toContain("国际旅游费");
  });
});
