import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { exportPackage } from "@/lib/db/budgets/export-package";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { normalizePackage } from "../helpers/normalize-package";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.drop());

async function countRows() {
  const [budgets, lines, projects, events, departments] = await Promise.all([
    t.db.budget.count(),
    t.db.basicLine.count(),
    t.db.project.count(),
    t.db.budgetEvent.count(),
    t.db.department.count(),
  ]);
  return { budgets, lines, projects, events, departments };
}

describe("Budget Package import and export", () => {
  for (const fixture of fixturePackages()) {
    it(`round-trips ${fixture.name}: export equals the imported package`, async () => {
      const result = await importPackageText(t.db, fixture.text);
      expect(result).toMatchObject({ ok: true, created: true });
      const input = JSON.parse(fixture.text) as { region: { code: string }; unit: { code: string }; year: number };
      const exported = await exportPackage(t.db, { region: input.region.code, unit: input.unit.code, year: input.year });
      expect(exported).not.toBeNull();
      expect(normalizePackage(exported)).toEqual(normalizePackage(input));
    });
  }

  it("converts 元 amounts exactly and exports a budget with fen in 元", async () => {
    const pkg = JSON.parse(fixturePackages()[0]!.text);
    pkg.amountUnit = "元";
    pkg.unit.code = "990";
    pkg.unit.name = "元单位测试部门";
    pkg.income = { generalBudget: "1234567.89" };
    pkg.basicExpenditure = [{ function: pkg.basicExpenditure[0].function, economic: "30101", amount: "1234567.89" }];
    pkg.projects = [];
    pkg.priorYear = undefined;
    delete pkg.priorYear;
    pkg.threePublic = { reception: "0.01" };
    pkg.procurement = [];
    const result = await importPackageText(t.db, JSON.stringify(pkg));
    expect(result.ok).toBe(true);
    const line = await t.db.basicLine.findFirst({ where: { budget: { department: { code: "990" } } } });
    expect(line?.amount.toString()).toBe("1234567.89");
    const exported = await exportPackage(t.db, { region: pkg.region.code, unit: "990", year: pkg.year });
    expect(exported?.amountUnit).toBe("元");
    expect(exported?.basicExpenditure?.[0]?.amount).toBe("1234567.89");
    expect(exported?.threePublic?.reception).toBe("0.01");
  });

  it("refuses a second import of the same budget unless asked to replace it, and then replaces it whole", async () => {
    const fixture = fixturePackages()[0]!;
    const again = await importPackageText(t.db, fixture.text);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors[0]!.message).toMatch(/已存在/);
    const before = await countRows();
    const replaced = await importPackageText(t.db, fixture.text, { replace: true });
    expect(replaced).toMatchObject({ ok: true, created: false });
    const after = await countRows();
    expect({ ...after, events: 0 }).toEqual({ ...before, events: 0 });
    expect(after.events).toBe(before.events + 1);
  });

  const base = () => JSON.parse(fixturePackages()[0]!.text);
  const bad: { name: string; text: () => string; path: RegExp; message: RegExp }[] = [
    { name: "malformed JSON", text: () => '{"format": "budget-package/1",', path: /^$/, message: /JSON/ },
    { name: "a missing field", text: () => JSON.stringify({ ...base(), unit: undefined }), path: /^unit$/, message: /缺少必填字段/ },
    {
      name: "a non-numeric amount",
      text: () => JSON.stringify({ ...base(), income: { ...base().income, generalBudget: "abc" } }),
      path: /^income\.generalBudget$/,
      message: /[\u4e00-\u9fff]/,
    },
    {
      name: "a negative amount",
      text: () => JSON.stringify({ ...base(), income: { ...base().income, generalBudget: "-1.00" } }),
      path: /^income\.generalBudget$/,
      message: /负/,
    },
    {
      name: "more than 2 decimals in 元",
      text: () => JSON.stringify({ ...base(), amountUnit: "元", income: { ...base().income, generalBudget: "1.005" } }),
      path: /^income\.generalBudget$/,
      message: /小数/,
    },
    {
      name: "an unknown subject code",
      text: () => {
        const p = base();
        p.basicExpenditure[0].function = "2999999";
        return JSON.stringify(p);
      },
      path: /^basicExpenditure\[0\]\.function$/,
      message: /2999999/,
    },
    { name: "an unknown key", text: () => JSON.stringify({ ...base(), surprise: 1 }), path: /^surprise$/, message: /不认识/ },
    {
      name: "another name for a known region",
      text: () => JSON.stringify({ ...base(), region: { code: base().region.code, name: "别的区" } }),
      path: /^region\.name$/,
      message: /系统中名为/,
    },
  ];
  for (const c of bad) {
    it(`rejects ${c.name} with a Chinese message naming the path, and stores nothing`, async () => {
      const before = await countRows();
      const result = await importPackageText(t.db, c.text(), { replace: true });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const hit = result.errors.find((e) => c.path.test(e.path));
      expect(hit, JSON.stringify(result.errors)).toBeDefined();
      expect(hit!.message).toMatch(c.message);
      expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await countRows()).toEqual(before);
    });
  }
});
