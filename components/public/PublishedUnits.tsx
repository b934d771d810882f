import Decimal from "decimal.js";
import type { PublishedUnitEntry } from "@/lib/db/queries/public-snapshots";
import { formatWanDisplay } from "@/lib/format";
import { unitPath, type PublicBudgetKey } from "@/lib/public/public-key";
import { unitsBeside } from "@/lib/public/unit-sums";

const wan = (s: string) => formatWanDisplay(new Decimal(s));

/**
 * The units of a consolidated department budget (部门汇总), each linking to its own published
 * tables (单位公开表), with their sum beside the department's figures: a server component of the
 * static budget page (no script).
 */
export function PublishedUnits({
  budgetKey,
  units,
  department,
}: {
  budgetKey: PublicBudgetKey;
  units: PublishedUnitEntry[];
  department: { total: string; basic: string; project: string };
}) {
  if (units.length === 0) return null;
  const { sum, rest } = unitsBeside(
    department,
    units.map((u) => u.summary),
  );
  const row = (label: string, f: { total: string; basic: string; project: string }, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td className="num" data-testid="unit-total">
        {wan(f.total)}
      </td>
      <td className="num">{wan(f.basic)}</td>
      <td className="num">{wan(f.project)}</td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby="units" data-testid="published-units">
      <h2 id="units">所属单位预算</h2>
      <p className="muted">本部门预算是下列单位预算的汇总（单位间的上缴、补助已抵消）。点击单位名称查看该单位的公开表。单位：万元</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">支出合计</th>
            <th scope="col">基本支出</th>
            <th scope="col">项目支出</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.code} data-testid={`published-unit-${u.code}`}>
              <th scope="row">
                <a href={unitPath(budgetKey, u.code)}>{u.name}</a>（{u.code}）
              </th>
              <td className="num" data-testid="unit-total">
                {wan(u.summary.total)}
              </td>
              <td className="num">{wan(u.summary.basic)}</td>
              <td className="num">{wan(u.summary.project)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {row("各单位合计", sum, "units-sum")}
          {rest ? row("部门本级直接编列及单位间抵消", rest, "units-rest") : null}
          {row("部门合计", department, "department-total")}
        </tfoot>
      </table>
    </section>
  );
}
