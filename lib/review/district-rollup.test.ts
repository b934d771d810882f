import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatWan } from "@/lib/budget/money";
import { notSubmittedRow, type DepartmentRow } from "./department-row";
import { districtTotals } from "./district-rollup";

function row(code: string, amounts: Partial<DepartmentRow>): DepartmentRow {
  return { ...notSubmittedRow({ id: Number(code), code, name: `部门${code}` }), budgetId: Number(code), status: "SUBMITTED", ...amounts };
}

describe("区级汇总", () => {
  it("sums the departments' printed figures to the fen, skipping departments that have not submitted", () => {
    const rows = [
      row("101", {
        total: "2514.61",
        totalChange: "-375.61",
        basic: "1000.10",
        project: "1514.51",
        threePublic: "3.50",
        threePublicChange: "0.00",
        errors: 1,
        warnings: 2,
      }),
      row("102", { total: "0.10", totalChange: null, basic: "0.05", project: "0.05", threePublic: "0.20", threePublicChange: null, errors: 0, warnings: 1 }),
      row("103", {
        total: "0.20",
        totalChange: "0.20",
        basic: "0.20",
        project: "0.00",
        threePublic: "0.00",
        threePublicChange: "-0.01",
        errors: 0,
        warnings: 0,
        deadline: { deadline: "2024-03-21", daysLeft: -2, overdue: true },
      }),
      notSubmittedRow({ id: 104, code: "104", name: "未报送部门" }),
    ];
    const totals = districtTotals(rows);
    expect(totals.departments).toBe(3);
    // 0.1 + 0.2 in binary floating point would print 2514.9100000000003.
    expect(totals.amounts).toEqual({
      total: "2514.91",
      totalChange: "-375.41",
      basic: "1000.35",
      project: "1514.56",
      threePublic: "3.70",
      threePublicChange: "-0.01",
    });
    expect(totals.withChange).toEqual({ totalChange: 2, threePublicChange: 2 });
    expect([totals.errors, totals.warnings, totals.overdue]).toEqual([1, 3, 1]);
  });

  it("equals the exact sum of any set of departments", () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((fen) => formatWan(new Decimal(fen.toString()).dividedBy(100)));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
        const rows = amounts.map((a, i) => row(String(100 + i), { total: a }));
        const fen = amounts.reduce((s, a) => s + BigInt(a.replace(".", "")), 0n);
        const expected = `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`;
        expect(districtTotals(rows).amounts.total).toBe(expected);
      }),
    );
  });
});
