import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { importIntoBudget } from "@/lib/workflow/import-into-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { SessionUser } from "@/lib/auth/permissions";
import { SECTIONS, type SectionId } from "@/lib/workspace/sections";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { formCases, packageCases } from "./support/corpus";
import { budgetFingerprint, importDepartmentBudget, petitionPackage, rowCounts, userWithRole } from "./support/world";

/**
 * The hostile-input corpus (test/security/corpus): every malformed package is refused by the
 * command-line import (a new budget) and by the workspace import (into an existing draft), and
 * every malformed section save is refused, each with a Chinese message naming the problem, and
 * not one row is written. A thrown error here is what the server would answer with a 500.
 */

const CJK = /[\u4e00-\u9fff]/;

let t: TestDatabase;
let draftId: number;
let accountant: SessionUser;
beforeAll(async () => {
  t = await freshDatabase();
  const draft = await importDepartmentBudget(t.db, "950");
  draftId = draft.budgetId;
  accountant = await userWithRole(t.db, "hostile.accountant", "ACCOUNTANT", { departmentId: draft.departmentId });
});
afterAll(async () => t.drop());

function expectRefused(errors: { message: string }[], expected: RegExp) {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e.message).toMatch(CJK);
  expect(errors.map((e) => e.message).join("\n")).toMatch(expected);
}

const packages = packageCases();
const forms = formCases();

describe("the hostile-input corpus", () => {
  it("has at least 50 cases", () => {
    expect(packages.length + forms.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of packages) {
    it(`package: ${c.name}: refused in Chinese, nothing written`, async () => {
      const before = await rowCounts(t.db);
      const fingerprint = await budgetFingerprint(t.db, draftId);

      const fresh = await importPackageText(t.db, c.text(petitionPackage({ code: "951" })));
      expect(fresh.ok).toBe(false);
      if (!fresh.ok) expectRefused(fresh.errors, c.expect);

      const into = await importIntoBudget(t.db, accountant, {
        budgetId: draftId,
        expectedVersion: (await t.db.budget.findUniqueOrThrow({ where: { id: draftId } })).version,
        text: c.text(petitionPackage({ code: "950" })),
        mode: "replace",
        apply: true,
      });
      expect(into.ok).toBe(false);
      if (!into.ok) expectRefused(into.errors, c.expectInto);

      expect(await rowCounts(t.db)).toEqual(before);
      expect(await budgetFingerprint(t.db, draftId)).toBe(fingerprint);
    });
  }

  for (const c of forms) {
    it(`form (${c.section}): ${c.name}: refused in Chinese, nothing written`, async () => {
      const before = await rowCounts(t.db);
      const fingerprint = await budgetFingerprint(t.db, draftId);
      const budget = await loadBudgetById(t.db, draftId, {});
      const section = c.section as SectionId;
      const current = SECTIONS[section].pick(budgetToPackage(budget!, { unit: "元" }));
      const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: draftId } });
      const result = await saveSection(t.db, accountant, {
        budgetId: draftId,
        expectedVersion: version,
        section,
        values: c.values(current) as never,
      });
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      if (!result.ok && result.code === "invalid") expectRefused(result.errors, c.expect);
      expect(await rowCounts(t.db)).toEqual(before);
      expect(await budgetFingerprint(t.db, draftId)).toBe(fingerprint);
    });
  }

  it("still takes the unmodified package and a valid save (the corpus fails for its mutations, not for its base)", async () => {
    const fresh = await importPackageText(t.db, JSON.stringify(petitionPackage({ code: "952" })));
    expect(fresh).toMatchObject({ ok: true, created: true });
    const budget = await loadBudgetById(t.db, draftId, {});
    const values = SECTIONS.income.pick(budgetToPackage(budget!, { unit: "元" }));
    values.other = "1.00";
    const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: draftId } });
    expect(await saveSection(t.db, accountant, { budgetId: draftId, expectedVersion: version, section: "income", values })).toEqual({
      ok: true,
      version: version + 1,
    });
  });
});
