import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { checkTrace } from "@/test/support/budget/check-trace";
import { traceCsv } from "@/lib/budget/trace";
import { buildFinalNarrative } from "@/lib/final/evaluate";
import type { FinalAccounts } from "@/lib/final/model";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { allFinalCellTraces, finalNarrativeKeys, finalTraceSource, traceFinalCell, traceFinalNarrative } from "./index";

const FINAL_TABLES = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10"];

function printedFigure(figures: Record<string, unknown>, key: string): unknown {
  const [head, sub] = key.split(".");
  return sub ? (figures[head!] as Record<string, string>)[sub] : figures[key];
}

/** Every cell and narrative figure of one 决算 traces to lines that add up to the printed figure. */
function checkAll(final: FinalAccounts, catalog: Parameters<typeof finalTraceSource>[1], atomsInFinal: number) {
  const src = finalTraceSource(final, catalog);
  const cells = allFinalCellTraces(src);
  for (const { cell, trace } of cells) {
    const where = `${cell.table}/${cell.row}/${cell.column}`;
    expect(trace, where).not.toBeNull();
    expect(trace!.value, where).toBe(cell.value);
    checkTrace(trace!, where, atomsInFinal);
  }
  const figures = buildFinalNarrative(final, catalog).figures;
  const keys = finalNarrativeKeys(src);
  for (const key of keys) {
    const t = traceFinalNarrative(src, key);
    expect(t, key).not.toBeNull();
    expect(t!.value, key).toBe(printedFigure(figures, key));
    checkTrace(t!, key, atomsInFinal);
  }
  return { src, cells, keys };
}

describe.each(loadFinalFixtures())("traces of 决算 fixture $name", (fixture) => {
  it("every amount cell of every 决算 table and every narrative amount traces to its lines", () => {
    const { cells, keys } = checkAll(fixture.final, fixture.catalog, 1);
    const tables = new Set(cells.map((c) => c.cell.table));
    for (const id of FINAL_TABLES) if (id !== "F10" || fixture.final.projects.some((p) => p.selfEvaluation)) expect(tables.has(id), id).toBe(true);
    expect(cells.length).toBeGreaterThan(50);
    // Every amount the narrative's machine form carries is traced, except ratios, counts and per-head figures.
    const figures = buildFinalNarrative(fixture.final, fixture.catalog).figures;
    const amounts = Object.entries(figures).flatMap(([k, v]) =>
      typeof v === "object" ? Object.keys(v).map((c) => `${k}.${c}`) : typeof v === "string" && !/(Rate|Share|PerVehicle|PerCapitaYuan)$/.test(k) ? [k] : [],
    );
    expect(amounts.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("T1-like totals name the printed rows they add; unknown cells have no trace", () => {
    const src = finalTraceSource(fixture.final, fixture.catalog);
    const t = traceFinalCell(src, "F1", "incomeTotal", "amount")!;
    expect(t.rows!.map((r) => r.row)).toEqual(["income", "opening"]);
    expect(traceFinalCell(src, "F3", "合计", "total")!.value).toBe(src.tables.F3.total.total);
    expect(traceFinalCell(src, "F3", "999", "total")).toBeNull();
    expect(traceFinalCell(src, "F1", "income", "total")).toBeNull();
    expect(traceFinalCell(src, "T2", "total", "total")).toBeNull();
    expect(traceFinalNarrative(src, "nope")).toBeNull();
    expect(traceCsv(t)).toContain("印刷数（万元）");
  });
});

describe("traces of a 决算 in 元 with uneven amounts (one rounding per atom, apportioned income)", () => {
  it("every cell and figure still adds up", () => {
    const fixture = loadFinalFixtures()[0]!;
    const odd = (d: Decimal, i: number) => d.plus(new Decimal(i * 37 + 13).dividedBy(100));
    const f = fixture.final;
    const edited: FinalAccounts = {
      ...f,
      basicExpenditure: f.basicExpenditure.map((l, i) => ({
        ...l,
        initial: odd(l.initial, i),
        adjusted: odd(l.adjusted, i + 1),
        actual: odd(l.actual, i + 2),
      })),
      projects: f.projects.map((p, i) => ({ ...p, initial: odd(p.initial, i), adjusted: odd(p.adjusted, i + 3), actual: odd(p.actual, i + 5) })),
      income: f.income.map((l, i) => ({ ...l, amount: odd(l.amount, i + 7) })),
      meetings: odd(f.meetings, 9),
      training: odd(f.training, 11),
    };
    checkAll(edited, fixture.catalog, f.basicExpenditure.length + f.projects.length);
  });
});
