import { describe, expect, it } from "vitest";
import { evaluateFinal } from "@/lib/final/evaluate";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { compareBudgetWithFinal } from "./compare-budget-final";

describe("预算 vs 决算 comparison", () => {
  const f = loadFinalFixtures()[0]!;
  const tables = evaluateFinal(f.final, f.catalog).tables;

  it("without a published budget compares the 决算's 年初预算数 by 类 and its 三公 预算数 with the 决算数", () => {
    const c = compareBudgetWithFinal(tables, null);
    expect(c.source).toBe("final");
    expect(c.byClass[0]).toMatchObject({ label: "合计", prior: tables.F5.total.initial, current: tables.F5.total.total });
    expect(c.byClass.slice(1).map((r) => r.code)).toEqual(tables.F5.rows.filter((r) => r.level === 1).map((r) => r.code));
    expect(c.threePublic[0]).toMatchObject({ label: "“三公”经费合计", prior: "57.60", current: "43.22", change: "-14.38" });
  });

  it("with the published budget takes its 表二 classes and 表四, listing a class found on one side only with zero on the other", () => {
    const budget = {
      unit: tables.unit,
      year: tables.year,
      T2: {
        total: { total: "100.00", basic: "100.00", project: "0.00" },
        rows: [{ code: "299", name: "其他支出", level: 1, total: "100.00", basic: "100.00", project: "0.00" }],
      },
      T4: { current: { total: "1.00", abroad: "0.00", vehicle: "0.00", vehiclePurchase: "0.00", vehicleOperation: "0.00", reception: "1.00" } },
    } as never;
    const c = compareBudgetWithFinal(tables, budget);
    expect(c.source).toBe("budget");
    expect(c.byClass.find((r) => r.code === "299")).toMatchObject({ prior: "100.00", current: "0.00" });
    expect(c.byClass.find((r) => r.code === "201")).toMatchObject({ prior: "0.00" });
    expect(c.threePublic[4]).toMatchObject({ prior: "1.00", current: "1.91" });
  });
});
