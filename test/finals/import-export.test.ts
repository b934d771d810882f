import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { exportFinalPackage } from "@/lib/db/finals/read-final";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.drop());

describe("决算 package import and export", () => {
  for (const fixture of loadFinalFixtures()) {
    it(`round-trips ${fixture.name}: export equals the imported package`, async () => {
      const result = await importPackageText(t.db, fixture.text);
      expect(result).toMatchObject({ ok: true, created: true });
      const row = await t.db.budget.findFirstOrThrow({ where: { id: result.ok ? result.budgetId : -1 } });
      expect(row.kind).toBe("final");
      expect(row.status).toBe("DRAFT");
      const input = JSON.parse(fixture.text);
      const exported = await exportFinalPackage(t.db, { region: input.region.code, unit: input.unit.code, year: input.year });
      expect(exported).toEqual(input);
    });
  }

  it("keeps a 决算 apart from the budget of the same department and year, and refuses a second import unless replacing", async () => {
    const fixture = loadFinalFixtures()[0]!;
    const again = await importPackageText(t.db, fixture.text);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors[0]!.message).toMatch(/决算已存在/);
    const replaced = await importPackageText(t.db, fixture.text, { replace: true });
    expect(replaced).toMatchObject({ ok: true, created: false });
    expect(await t.db.budget.count({ where: { kind: "final" } })).toBe(1);
  });

  it("refuses a code the catalogue lacks and a bad field, naming it, and stores nothing", async () => {
    const pkg = JSON.parse(loadFinalFixtures()[0]!.text);
    pkg.unit.code = "977";
    pkg.basicExpenditure[0].economic = "39999";
    const unknown = await importPackageText(t.db, JSON.stringify(pkg));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors.map((e) => e.message).join()).toMatch(/39999/);
    pkg.basicExpenditure[0].economic = "30101";
    pkg.meetings = "abc";
    const bad = await importPackageText(t.db, JSON.stringify(pkg));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.path).toBe("meetings");
    expect(await t.db.department.count({ where: { code: "977" } })).toBe(0);
  });
});
