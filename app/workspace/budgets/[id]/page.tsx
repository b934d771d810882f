import { formatWanDisplay, formatDateTime } from "@/lib/format";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Decimal from "decimal.js";
import { requirePagePermission } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { budgetOverview } from "@/lib/db/queries/budget-overview";
import { STATUS_LABELS } from "@/lib/budget/status";
import { SubmitPanel } from "@/components/workspace/SubmitPanel";
import { AdjustmentPanel } from "@/components/workspace/AdjustmentPanel";
import { UnitsPanel } from "@/components/workspace/UnitsPanel";
import { PublishPanel } from "@/components/workspace/PublishPanel";
import { budgetPath } from "@/lib/public/public-key";

export const metadata: Metadata = { title: "预算概况" };

const wan = (s: string) => formatWanDisplay(new Decimal(s));
// 元 with separators ("1,249,300.00"); formatWanDisplay only groups digits, whatever the unit.
const yuan = (s: string) => formatWanDisplay(new Decimal(s));

export default async function BudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.read", `/workspace/budgets/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  const budget = await budgetOverview(db(), user, budgetId);
  if (!budget) notFound();
  // A returned budget opens on why it was returned: the reviewer's reason comes first.
  const returned = budget.status === "RETURNED" ? budget.events.findLast((e) => e.toStatus === "RETURNED" && e.fromStatus !== "RETURNED") : undefined;
  return (
    <>
      {returned ? (
        <section className="card returned" role="note" data-testid="returned-reason">
          <h2 style={{ marginTop: 0 }}>财政局已退回本预算，请修改后重新报送</h2>
          <p>
            <strong>退回意见：</strong>
            {returned.comment || "（未填写）"}
          </p>
          <p className="muted">
            {returned.actor} 于 {formatDateTime(returned.at)} 退回。左侧各部分旁的“意见”标记表示该部分有未答复的审核意见。
          </p>
        </section>
      ) : null}
      <section className="card">
        <dl className="facts" data-testid="budget-facts">
          <dt>行政区划</dt>
          <dd>
            {budget.region.name}（{budget.region.code}）
          </dd>
          <dt>部门编码</dt>
          <dd>{budget.department.code}</dd>
          <dt>版本</dt>
          <dd>第 {budget.version} 版</dd>
          <dt>收入合计</dt>
          <dd data-testid="income-total">{wan(budget.totals.income)} 万元</dd>
          <dt>支出合计</dt>
          <dd data-testid="expenditure-total">
            {wan(budget.totals.expenditure.total)} 万元（基本支出 {wan(budget.totals.expenditure.basic)} 万元，项目支出 {wan(budget.totals.expenditure.project)}{" "}
            万元）
          </dd>
          <dt>“三公”经费</dt>
          <dd>{wan(budget.totals.threePublic)} 万元</dd>
        </dl>
        {hasPermission(user, "budget.export") ? (
          <p>
            <a className="button secondary" href={`/api/budgets/${budget.id}/package`} download>
              下载预算包（JSON）
            </a>
          </p>
        ) : null}
      </section>
      <UnitsPanel units={budget.units} canReview={hasPermission(user, "unit.review")} />
      <SubmitPanel canSubmit={hasPermission(user, "budget.submit")} unitBudget={budget.isUnit} />
      {/* 二下: the bureau issues the 批复, the department publishes its own budget (a unit's is published with it). */}
      {!budget.isUnit && budget.kind === "budget" && hasPermission(user, "budget.publish") ? (
        <PublishPanel
          budgetId={budget.id}
          version={budget.version}
          status={budget.status}
          replyUrl={budget.replyIssuedAt ? `/api/budgets/${budget.id}/reply` : null}
          publishable={budget.publishable}
          publicUrl={budgetPath({ region: budget.region.code, year: budget.year, unit: budget.department.code })}
        />
      ) : null}
      {hasPermission(user, "budget.edit") ? <AdjustmentPanel /> : null}
      <h2>流转记录</h2>
      <table className="data" data-testid="budget-trail">
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>状态变化</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {budget.events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>
                {e.fromStatus ? `${STATUS_LABELS[e.fromStatus]} → ` : ""}
                {STATUS_LABELS[e.toStatus]}
              </td>
              <td>
                {e.comment}
                {e.changes.length > 0 ? (
                  <details>
                    <summary>{e.changes.length} 项金额变化</summary>
                    <ul className="amount-changes">
                      {e.changes.map((c) => (
                        <li key={c.key}>
                          {c.label}：{c.oldValue === null ? "（新增）" : `${yuan(c.oldValue)} 元`} →{" "}
                          {c.newValue === null ? "（删除）" : `${yuan(c.newValue)} 元`}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
