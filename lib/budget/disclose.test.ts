import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { discloseBudget, summaryFromTables } from "./disclose";
import { buildTables } from "./tables";
import { buildNarrative } from "./narrative";
import { checkBudget } from "./rules";

describe("discloseBudget", () => {
  it.each(loadFixtures().map((f) => [f.name, f] as const))("gives exactly what the three separate functions give (%s)", (_name, f) => {
    const d = discloseBudget(f);
    expect(d.tables).toEqual(buildTables(f.budget, f.catalog));
    expect(d.narrative).toEqual(buildNarrative(f.budget, f.catalog));
    expect(d.findings).toEqual(checkBudget(f.budget, f.catalog));
  });

  it.each(loadFixtures().map((f) => [f.name, f] as const))("summarizes with the narrative's and the tables' own figures (%s)", (_name, f) => {
    const { tables, narrative, summary } = discloseBudget(f);
    expect(summary.total).toBe(narrative.figures.expenditureTotal);
    expect(summary.threePublic).toBe(tables.T4?.current.total ?? "0.00");
    expect(summary.change).toBe(narrative.figures.expenditureChange);
    // Where T2 prints 上年, the frozen tables alone give the same summary (old snapshots).
    if (tables.T2?.total.prior !== undefined) expect(summaryFromTables(tables)).toEqual(summary);
  });
});
