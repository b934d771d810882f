import { describe, expect, it } from "vitest";
import { buildTables } from "@/lib/budget/tables";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { printedCell } from "@/lib/budget/trace";
import { buildFinalTables } from "@/lib/final/tables";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { printedFinalCell } from "@/lib/final/trace";
import { finalTableLayouts, tableLayouts } from "./index";

describe.each(loadFixtures())("trace addresses of the laid-out tables of $name", (fixture) => {
  it("every amount cell carries the address of the printed cell it shows", () => {
    const tables = buildTables(fixture.budget, fixture.catalog);
    let n = 0;
    for (const grid of tableLayouts(tables)) {
      for (const row of grid.body) {
        for (const cell of row.cells) {
          if (cell.kind !== "amount") continue;
          expect(cell.ref, `${grid.key} amount ${cell.amount}`).toBeDefined();
          const printed = printedCell(tables, cell.ref!.table, cell.ref!.row, cell.ref!.column);
          expect(printed?.value, `${grid.key} ${JSON.stringify(cell.ref)}`).toBe(cell.amount);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});

describe.each(loadFinalFixtures())("trace addresses of the laid-out 决算 tables of $name", (fixture) => {
  it("every amount cell carries the address of the printed 决算 cell it shows", () => {
    const tables = buildFinalTables(fixture.final, fixture.catalog);
    let n = 0;
    for (const grid of finalTableLayouts(tables)) {
      for (const row of grid.body) {
        for (const cell of row.cells) {
          if (cell.kind !== "amount") continue;
          expect(cell.ref, `${grid.key} amount ${cell.amount}`).toBeDefined();
          const printed = printedFinalCell(tables, cell.ref!.table, cell.ref!.row, cell.ref!.column);
          expect(printed?.value, `${grid.key} ${JSON.stringify(cell.ref)}`).toBe(cell.amount);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});
