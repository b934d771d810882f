import { formatWanDisplay } from "@/lib/format";
import { parseWan } from "@/lib/budget/money";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { FinalTables } from "@/lib/final/tables/types";
import { compareBudgetWithFinal } from "@/lib/public/compare-budget-final";
import type { ComparisonRow } from "@/lib/public/compare-with-last-year";
import { BarChart } from "../charts/BarChart";

function Rows({ rows, testId }: { rows: ComparisonRow[]; testId: string }) {
  return (
    <div className="dz-scroll">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th>项目</th>
            <th className="num">预算数</th>
            <th className="num">决算数</th>
            <th className="num">决算与预算之差</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = parseWan(r.change);
            return (
              <tr key={`${r.code ?? ""}${r.label}`}>
                <td>{r.label}</td>
                <td className="num">{formatWanDisplay(parseWan(r.prior))}</td>
                <td className="num">{formatWanDisplay(parseWan(r.current))}</td>
                <td className={`num ${d.isNegative() ? "dz-down" : d.isZero() ? "" : "dz-up"}`}>
                  {d.isZero() ? "持平" : `${d.isNegative() ? "少支 " : "多支 "}${formatWanDisplay(d.abs())}`}
                  {r.percent !== undefined && !d.isZero() ? `（${r.percent.startsWith("-") ? "" : "+"}${r.percent}%）` : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** “预算与决算对比”: 一般公共预算财政拨款支出 by 类 and “三公”经费, 预算数 vs 决算数, with a chart of each. */
export function CompareBudgetFinal({ final, budget }: { final: FinalTables; budget: DisclosureTables | null }) {
  const c = compareBudgetWithFinal(final, budget);
  const series = ["预算数", "决算数"];
  return (
    <>
      <p className="muted" data-testid="compare-source">
        {c.source === "budget" ? `预算数取自已公开的${final.year}年部门预算。` : `预算数取自本决算的年初预算数（${final.year}年部门预算未在本系统公开）。`}
      </p>
      <h3>一般公共预算财政拨款支出（按功能分类）</h3>
      <BarChart
        title="预算数与决算数（按功能分类）"
        series={series}
        items={c.byClass.slice(1).map((r) => ({ label: r.label, values: [r.prior, r.current] }))}
      />
      <Rows rows={c.byClass} testId="budget-final-by-class" />
      <h3>“三公”经费</h3>
      <BarChart title="“三公”经费预算数与决算数" series={series} items={c.threePublic.map((r) => ({ label: r.label, values: [r.prior, r.current] }))} />
      <Rows rows={c.threePublic} testId="budget-final-three-public" />
    </>
  );
}
