import { formatWanDisplay } from "@/lib/format";
import { parseWan } from "@/lib/budget/money";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { compareWithLastYear, type ComparisonRow } from "@/lib/public/compare-with-last-year";

function Change({ row }: { row: ComparisonRow }) {
  const d = parseWan(row.change);
  if (d.isZero()) return <td className="num">持平</td>;
  return (
    <td className={`num ${d.isNegative() ? "dz-down" : "dz-up"}`}>
      {d.isNegative() ? "减少 " : "增加 "}
      {formatWanDisplay(d.abs())}
      {row.percent !== undefined ? `（${row.percent.startsWith("-") ? "" : "+"}${row.percent}%）` : ""}
    </td>
  );
}

function Rows({ rows, testId, y }: { rows: ComparisonRow[]; testId: string; y: number }) {
  return (
    <div className="dz-scroll">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th>项目</th>
            <th className="num">{y - 1}年预算数</th>
            <th className="num">{y}年预算数</th>
            <th className="num">增减</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.code ?? ""}${r.label}`}>
              <td>{r.label}</td>
              <td className="num">{formatWanDisplay(parseWan(r.prior))}</td>
              <td className="num">{formatWanDisplay(parseWan(r.current))}</td>
              <Change row={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** “与上年对比”: general-budget spending by 类 (T2's 上年预算数) and 三公 (T4), in 万元. */
export function CompareWithLastYear({ tables }: { tables: DisclosureTables }) {
  const c = compareWithLastYear(tables);
  if (!c) return <p className="muted">本预算公开时未列示上年预算数，无法与上年对比。</p>;
  return (
    <>
      {c.byClass.length > 0 ? (
        <>
          <h3>一般公共预算财政拨款支出（按功能分类）</h3>
          <Rows rows={c.byClass} testId="compare-by-class" y={tables.year} />
        </>
      ) : null}
      {c.threePublic.length > 0 ? (
        <>
          <h3>“三公”经费</h3>
          <Rows rows={c.threePublic} testId="compare-three-public" y={tables.year} />
        </>
      ) : null}
    </>
  );
}
