import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryBudget } from "@/test/support/budget/arbitrary-budget";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import { buildNarrative } from "@/lib/budget/narrative";
import { loadFixtures } from "@/test/support/budget/fixtures";
import { checkTrace } from "@/test/support/budget/check-trace";
import { allCellTraces, narrativeKeys, traceCell, traceCsv, traceNarrative, traceSource } from "./index";

describe.each(loadFixtures())("traces of fixture $name", (fixture) => {
  const src = traceSource(fixture.budget, fixture.catalog);
  const cells = allCellTraces(src);

  it("has a trace for every amount cell of every table, equal to the printed cell", () => {
    expect(cells.length).toBeGreaterThan(20);
    const tables = new Set(cells.map((c) => c.cell.table));
    for (const id of Object.keys(src.tables).filter((k) => /^T\d+$/.test(k) && k !== "T11")) expect(tables.has(id), id).toBe(true);
    for (const { cell, trace } of cells) {
      const where = `${cell.table}/${cell.row}/${cell.column}`;
      expect(trace, where).not.toBeNull();
      expect(trace!.value, where).toBe(cell.value);
      checkTrace(trace!, where);
    }
  });

  it("has a trace for every amount of the narrative, equal to the printed figure", () => {
    const figures = buildNarrative(fixture.budget, fixture.catalog).figures;
    for (const key of narrativeKeys(src.atoms)) {
      const t = traceNarrative(src, key);
      expect(t, key).not.toBeNull();
      const [head, sub] = key.split(".");
      const printed = sub ? (figures[head!] as Record<string, string>)[sub] : figures[key];
      expect(t!.value, key).toBe(printed);
      checkTrace(t!, key);
    }
  });
});

describe("trace shape", () => {
  const fixture = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;
  const src = traceSource(fixture.budget, fixture.catalog);

  it("T2 一般公共服务支出 total: basic lines and projects of 201, the 款 rows it adds", () => {
    const t = traceCell(src, "T2", "201", "total")!;
    expect(t.table).toBe("T2");
    expect(t.lines.every((l) => l.function?.startsWith("201") && l.fund === "generalBudget")).toBe(true);
    expect(t.lines.some((l) => l.source === "basic")).toBe(true);
    expect(t.rows!.every((r) => r.row.startsWith("201") && r.row.length === 5)).toBe(true);
    expect(t.rounding.explanation).toContain("不再舍入");
  });

  it("accepts 合计 as the total row and refuses unknown cells", () => {
    expect(traceCell(src, "T2", "合计", "total")!.value).toBe(src.tables.T2!.total.total);
    expect(traceCell(src, "T2", "999", "total")).toBeNull();
    expect(traceCell(src, "T2", "201", "nope")).toBeNull();
    expect(traceNarrative(src, "nope")).toBeNull();
  });

  it("writes the lines as CSV with the sum and the printed figure", () => {
    const csv = traceCsv(traceCell(src, "T2", "201", "total")!);
    expect(csv.startsWith("\uFEFF来源,")).toBe(true);
    expect(csv).toContain("合计（元）");
    expect(csv).toContain("印刷数（万元）");
  });
});

describe("traces of budgets in 元 with uneven amounts (one rounding per atom, apportioned parts)", () => {
  const catalog = loadReferenceCatalog(2024);
  it("every cell's trace equals the printed cell and keeps the invariants", () => {
    fc.assert(
      fc.property(arbitraryBudget(catalog), (b) => {
        const src = traceSource(b, catalog);
        // Last year's basic and project are apportioned from the sum of its printed 项 (T2's 上年
        // column), so each of those is an atom involved too.
        const priorAtoms = Object.keys(b.priorYear?.expenditureByFunction ?? {}).length;
        const n = b.basicExpenditure.length + b.projects.length + priorAtoms;
        for (const { cell, trace } of allCellTraces(src)) {
          const where = `${cell.table}/${cell.row}/${cell.column}`;
          expect(trace?.value, where).toBe(cell.value);
          checkTrace(trace!, where, n);
        }
        const figures = buildNarrative(b, catalog).figures;
        for (const key of narrativeKeys(src.atoms)) {
          const t = traceNarrative(src, key)!;
          const [head, sub] = key.split(".");
          expect(t.value, key).toBe(sub ? (figures[head!] as Record<string, string>)[sub] : figures[key]);
          checkTrace(t, key, n);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("what changed in each figure between two versions", () => {
  it("lists the cells whose printed figure changed and the lines behind the change", async () => {
    const { figureChanges, lineChanges } = await import("./index");
    const fixture = loadFixtures().find((f) => f.name === "beibei-government-office-2024")!;
    const before = traceSource(fixture.budget, fixture.catalog);
    const edited = { ...fixture.budget };
    const line = fixture.budget.basicExpenditure.find((l) => l.function.startsWith("201") && l.fund === "generalBudget")!;
    edited.basicExpenditure = fixture.budget.basicExpenditure.map((l) => (l === line ? { ...l, amount: l.amount.plus(352000) } : l));
    edited.income = { ...fixture.budget.income, generalBudget: fixture.budget.income.generalBudget.plus(352000) };
    const after = traceSource(edited, fixture.catalog);
    const changes = figureChanges(before, after);
    const t2 = changes.find((c) => c.table === "T2" && c.row === "201" && c.column === "total")!;
    expect(t2.change).toBe("35.20");
    expect(changes.every((c) => c.change !== "0.00")).toBe(true);
    expect(changes.some((c) => c.table === "T2" && c.row.startsWith("208"))).toBe(false);
    const lines = lineChanges(traceCell(before, "T2", "201", "total"), traceCell(after, "T2", "201", "total"));
    expect(lines).toHaveLength(1);
    expect(new Decimal(lines[0]!.after).minus(lines[0]!.before).toFixed(2)).toBe("352000.00");
  });
});
