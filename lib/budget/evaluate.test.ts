import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { evaluateBudget } from "./evaluate";
import { buildTables } from "./tables";
import { buildNarrative } from "./narrative";
import { checkBudget } from "./rules";

describe("evaluateBudget", () => {
  it.each(loadFixtures().map((f) => [f.name, f] as const))("gives exactly what the three separate functions give (%s)", (_name, f) => {
    const e = evaluateBudget(f.budget, f.catalog);
    expect(e.tables).toEqual(buildTables(f.budget, f.catalog));
    expect(e.narrative).toEqual(buildNarrative(f.budget, f.catalog));
    expect(e.findings).toEqual(checkBudget(f.budget, f.catalog));
  });
});
