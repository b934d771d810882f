import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWan, sum } from "@/lib/budget/money";
import { type Budget } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { buildNarrative } from "@/lib/budget/narrative";
import { findRule, ruleContext } from "@/lib/budget/rules";
import { arbitraryBudget } from "@/test/support/budget/arbitrary-budget";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import { buildTables } from "./index";

const catalog = loadReferenceCatalog(2024);
const budgets = arbitraryBudget(catalog);
const RUNS = { numRuns: 150 };

function tablesOf(b: Budget) {
  const t = buildTables(b, catalog);
  return { ...t, T1: t.T1!, T2: t.T2!, T3: t.T3!, T4: t.T4!, T6: t.T6!, T7: t.T7!, T8: t.T8!, T9: t.T9!, T10: t.T10! };
}

/** Σ of exact 元 amounts in 万元, unrounded. */
const exactWan = (xs: Decimal[]) => sum(xs).dividedBy(10_000);

describe("rounding of budgets in 元 with uneven amounts", () => {
  it("every printed total equals the sum of its printed rows, down and across", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const t = tablesOf(b);
        const top = (rows: { level: number; total: string }[]) => sum(rows.filter((r) => r.level === 1).map((r) => parseWan(r.total)));
        expect(top(t.T2.rows).toFixed(2)).toBe(t.T2.total.total);
        expect(top(t.T3.rows).toFixed(2)).toBe(t.T3.total.total);
        expect(top(t.T8.rows).toFixed(2)).toBe(t.T8.total.total);
        for (const r of [t.T8.total, ...t.T8.rows]) expect(parseWan(r.basic).plus(parseWan(r.project)).toFixed(2)).toBe(r.total);
        expect(findRule("tables.totals-equal-rows")!.check(ruleContext(b, catalog))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("keeps each printed total within half a fen per atom of the exact amount", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const t = tablesOf(b);
        const atoms = b.basicExpenditure.length + b.projects.length;
        const exact = exactWan([...b.basicExpenditure.map((l) => l.amount), ...b.projects.map((p) => p.amount)]);
        expect(
          parseWan(t.T8.total.total)
            .minus(exact)
            .abs()
            .lessThanOrEqualTo(new Decimal("0.005").times(Math.max(atoms, 1))),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it("T2 ⊆ T8 for general-budget money, row by row", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const t = tablesOf(b);
        const t8 = new Map(t.T8.rows.map((r) => [r.code, r]));
        for (const r of t.T2.rows) {
          for (const c of ["total", "basic", "project"] as const) {
            expect(parseWan(r[c]).lessThanOrEqualTo(parseWan(t8.get(r.code)?.[c] ?? "0"))).toBe(true);
          }
        }
        expect(findRule("tables.general-budget-within-total")!.check(ruleContext(b, catalog))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("T1 and T6 print the same income, and both balance", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const t = tablesOf(b);
        for (const f of ["generalBudget", "governmentFund", "stateCapital"] as const) expect(t.T1.income.current[f]).toBe(t.T6.income[f]);
        expect(t.T1.income.carryover.total).toBe(t.T6.income.carryover);
        expect(t.T1.income.total).toBe(t.T1.expenditure.total.total);
        expect(t.T6.income.total).toBe(t.T6.expenditure.total);
        expect(t.T10.budgetTotal).toBe(t.T6.expenditure.total);
        expect(findRule("tables.fiscal-summary-matches-department-summary")!.check(ruleContext(b, catalog))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("人员经费 + 公用经费 = 基本支出, and T3 合计 = T2 basic 合计", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const t = tablesOf(b);
        expect(parseWan(t.T3.total.personnel).plus(parseWan(t.T3.total.public)).toFixed(2)).toBe(t.T3.total.total);
        expect(t.T3.total.total).toBe(t.T2.total.basic);
        expect(findRule("tables.personnel-plus-public-equals-basic")!.check(ruleContext(b, catalog))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("the narrative prints the tables' figures", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        const t = tablesOf(b);
        const { figures, markdown } = buildNarrative(b, catalog);
        expect(figures.basic).toBe(t.T2.total.basic);
        expect(figures.project).toBe(t.T2.total.project);
        expect(figures.operatingFunds).toBe(t.T3.total.public);
        expect(figures.threePublicTotal).toBe(t.T4.current.total);
        expect(figures.incomeTotal).toBe(t.T6.income.total);
        expect(figures.expenditureTotal).toBe(t.T6.expenditure.total);
        if (b.priorYear) {
          // The year-on-year changes of the parts add up to the change of the whole.
          expect(
            parseWan(figures.basicChange as string)
              .plus(parseWan(figures.projectChange as string))
              .toFixed(2),
          ).toBe(figures.generalBudgetChange);
          if (t.T2.total.prior !== undefined) expect(parseWan(t.T2.total.total).minus(parseWan(t.T2.total.prior)).toFixed(2)).toBe(figures.generalBudgetChange);
        }
        expect(markdown).toContain(
          `基本支出 ${parseWan(t.T2.total.basic).toNumber().toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`,
        );
        expect(findRule("narrative.figures-match-tables")!.check(ruleContext(b, catalog))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("T11 本级安排 + 上级补助 = 当年预算 as printed", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        for (const entry of tablesOf(b).T11 ?? []) {
          const p = entry.project;
          expect(parseWan(p.ownArrangement).plus(parseWan(p.superiorSubsidy)).toFixed(2)).toBe(p.amount);
        }
      }),
      RUNS,
    );
  });

  it("a generated budget raises no error-level finding of the balance rules, and survives the package round trip", () => {
    fc.assert(
      fc.property(budgets, (b) => {
        for (const id of ["balance.fund", "project.funding-split", "prior.total-consistent"]) {
          expect(findRule(id)!.check(ruleContext(b, catalog))).toEqual([]);
        }
        const again = parsePackageValue(JSON.parse(JSON.stringify(budgetToPackage(b))));
        expect(again.ok).toBe(true);
        if (again.ok) expect(packageToBudget(again.pkg)).toEqual(b);
      }),
      { numRuns: 60 },
    );
  });
});
