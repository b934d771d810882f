import { formatWanDisplay } from "@/lib/format";
import type { T2GeneralBudgetByFunction } from "@/lib/budget/tables/types";
import Decimal from "decimal.js";

const cell = (s: string | undefined) => (s === undefined || new Decimal(s).isZero() ? "" : formatWanDisplay(new Decimal(s)));

/** A live 表二 (一般公共预算财政拨款支出预算表) of what is on screen, in 万元. */
export function FunctionPreview({ t2 }: { t2: T2GeneralBudgetByFunction }) {
  const hasPrior = t2.total.prior !== undefined;
  return (
    <>
      <h3>表二预览：一般公共预算财政拨款支出（万元）</h3>
      <table className="data" data-testid="t2-preview">
        <thead>
          <tr>
            <th>科目编码</th>
            <th>科目名称</th>
            {hasPrior ? <th className="num">上年预算数</th> : null}
            <th className="num">总计</th>
            <th className="num">基本支出</th>
            <th className="num">项目支出</th>
          </tr>
        </thead>
        <tbody>
          <tr data-code="total">
            <td colSpan={2}>合计</td>
            {hasPrior ? <td className="num">{cell(t2.total.prior)}</td> : null}
            <td className="num">{cell(t2.total.total)}</td>
            <td className="num">{cell(t2.total.basic)}</td>
            <td className="num">{cell(t2.total.project)}</td>
          </tr>
          {t2.rows.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <td>{r.code}</td>
              <td style={{ paddingLeft: `${(r.level - 1) * 1}rem` }}>{r.name}</td>
              {hasPrior ? <td className="num">{cell(r.prior)}</td> : null}
              <td className="num">{cell(r.total)}</td>
              <td className="num">{cell(r.basic)}</td>
              <td className="num">{cell(r.project)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
