import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { buildTables } from "./index";

/**
 * 上年 figures are published in last year's codes. T2 shows one under its successor when the
 * crosswalk maps it 1:1, and otherwise as its own row named from last year's catalogue.
 */
describe("T2 prior-year codes (2024 信访办, 2023 code 2010308 信访事务 657.05)", () => {
  const fixture = loadFixtures().find((f) => f.name === "beibei-petition-office-2024")!;

  it("prints 2010308 as published when the crosswalk splits it (the shipped 2023→2024 crosswalk)", () => {
    expect(fixture.catalog.previous?.successors["2010308"]).toBeUndefined();
    const rows = buildTables(fixture.budget, fixture.catalog).T2!.rows;
    expect(rows.find((r) => r.code === "2010308")).toMatchObject({ name: "信访事务", level: 3, prior: "657.05", total: "0.00" });
    // Named from the 2023 catalogue: the 2024 one no longer has it.
    expect(fixture.catalog.functions.has("2010308")).toBe(false);
  });

  it("shows it under its 2024 successor when the crosswalk maps it 1:1", () => {
    const catalog = { ...fixture.catalog, previous: { ...fixture.catalog.previous!, successors: { "2010308": "2014004" } } };
    const t2 = buildTables(fixture.budget, catalog).T2!;
    expect(t2.rows.find((r) => r.code === "2010308")).toBeUndefined();
    expect(t2.rows.find((r) => r.code === "20103")).toBeUndefined();
    expect(t2.rows.find((r) => r.code === "2014004")).toMatchObject({ prior: "657.05", total: "172.00" });
    expect(t2.rows.find((r) => r.code === "20140")).toMatchObject({ prior: "657.05", total: "685.46" });
    expect(t2.total.prior).toBe("829.05");
  });

  it("does not move a prior year the database already mapped (options.prior)", () => {
    const catalog = { ...fixture.catalog, previous: { ...fixture.catalog.previous!, successors: { "2010308": "2014004" } } };
    const t2 = buildTables(fixture.budget, catalog, { prior: fixture.budget.priorYear! }).T2!;
    expect(t2.rows.find((r) => r.code === "2010308")).toMatchObject({ prior: "657.05" });
  });
});
