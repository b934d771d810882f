import { formatWanDisplay } from "@/lib/format";
import { parseWan } from "@/lib/budget/money";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { SOURCE_LABELS, type Trace, type TraceRowRef } from "@/lib/budget/trace";
import "@/components/disclosure/disclosure.css";

const yuan = (s: string) => {
  const [int = "0", frac = "00"] = s.replace(/^-/, "").split(".");
  return `${s.startsWith("-") ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
};
const wan = (s: string) => formatWanDisplay(parseWan(s));

/**
 * One figure's trace: the printed figure, how the 元 sum became it, the printed rows a total
 * adds (each opening its own trace) and every entered line with its amount in 元. A server
 * component: no client script, the lines are a plain table and the CSV a plain link.
 */
export function TraceView({
  trace,
  csvHref,
  rowHref,
  sourceLabels = SOURCE_LABELS,
}: {
  trace: Trace;
  /** Names of the line sources (a 决算 calls last year's figures 上年决算数). */
  sourceLabels?: Record<string, string>;
  csvHref?: string;
  /** Link of a printed row's own trace; rows without one are shown as text. */
  rowHref?: (r: TraceRowRef) => string | undefined;
}) {
  return (
    <article className="dz-trace-view" data-testid="trace">
      <h1>数字来源</h1>
      <p data-testid="trace-label">{trace.label}</p>
      <p className="dz-trace-value">
        印刷数：<strong data-testid="trace-value">{wan(trace.value)}</strong> 万元；明细行合计：
        <strong data-testid="trace-sum">{yuan(trace.sum)}</strong> 元
      </p>
      <p data-testid="trace-explanation">{trace.rounding.explanation}</p>
      {csvHref ? (
        <p>
          <a className="button secondary" href={csvHref} download>
            下载明细 CSV
          </a>
        </p>
      ) : null}
      {trace.rows && trace.rows.length > 0 ? (
        <section aria-labelledby="trace-rows">
          <h2 id="trace-rows">该数是以下印刷数之和</h2>
          <ul>
            {trace.rows.map((r) => {
              const href = rowHref?.(r);
              return (
                <li key={`${r.table ?? ""}|${r.row}|${r.column}`}>
                  {href ? <a href={href}>{r.label}</a> : r.label}：{wan(r.value)} 万元
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="trace-lines">
        <h2 id="trace-lines">明细行（{trace.lines.length} 行，单位：元）</h2>
        <div className="dz-scroll">
          <table className="dz-grid dz-trace-lines" data-testid="trace-lines">
            <thead>
              <tr>
                <th scope="col">来源</th>
                <th scope="col">说明</th>
                <th scope="col">功能分类</th>
                <th scope="col">经济分类</th>
                <th scope="col">资金来源</th>
                <th scope="col">项目编码</th>
                <th scope="col" className="dz-num">
                  金额（元）
                </th>
              </tr>
            </thead>
            <tbody>
              {trace.lines.map((l, i) => (
                <tr key={i}>
                  <td>{sourceLabels[l.source] ?? l.source}</td>
                  <td>{l.label}</td>
                  <td className="dz-code">{l.function ?? ""}</td>
                  <td className="dz-code">{l.economic ?? ""}</td>
                  <td>{l.fund ? ((FUND_LABELS as Record<string, string>)[l.fund] ?? l.fund) : ""}</td>
                  <td className="dz-code">{l.project ?? ""}</td>
                  <td className="dz-num">{yuan(l.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="dz-total">
                <th scope="row" colSpan={6}>
                  合计（元）
                </th>
                <td className="dz-num" data-testid="trace-lines-sum">
                  {yuan(trace.sum)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      {trace.atoms.length > 1 ? (
        <details>
          <summary>各最小项的舍入（{trace.atoms.length} 项）</summary>
          <table className="dz-grid dz-trace-lines">
            <thead>
              <tr>
                <th scope="col">最小项</th>
                <th scope="col" className="dz-num">
                  元合计
                </th>
                <th scope="col" className="dz-num">
                  印刷数（万元）
                </th>
                <th scope="col">舍入</th>
              </tr>
            </thead>
            <tbody>
              {trace.atoms.map((a) => (
                <tr key={a.key}>
                  <td>{a.label}</td>
                  <td className="dz-num">{yuan(a.sum)}</td>
                  <td className="dz-num">{wan(a.value)}</td>
                  <td>{a.rounding === "round" ? "四舍五入一次" : "按整体分配"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </article>
  );
}
