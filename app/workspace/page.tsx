import { formatDateTime } from "@/lib/format";
import Link from "next/link";
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listBudgetsFor, ownDepartments } from "@/lib/db/queries/list-budgets";
import { MoneyCell } from "@/components/MoneyCell";
import { StatusBadge } from "@/components/StatusBadge";
import { StartNextYearButton } from "@/components/workspace/StartNextYearButton";
import { StartFinalButton } from "@/components/workspace/final/StartFinalButton";
import { hasPermission } from "@/lib/auth/permissions";
import { CreateBudgetForm } from "@/components/workspace/CreateBudgetForm";
import { BatchImportPanel } from "@/components/workspace/BatchImportPanel";
import { BlankTemplateForm } from "@/components/workspace/BlankTemplateForm";
import { NEXT_YEAR_FROM } from "@/lib/workflow/start-next-year";

export const metadata: Metadata = { title: "我的预算" };

export default async function WorkspacePage() {
  const user = await requirePagePermission("budget.read", "/workspace");
  const budgets = await listBudgetsFor(db(), user);
  // A budget can start the following year when that year does not exist yet.
  const years = new Set(budgets.map((b) => `${b.region.code}/${b.department.code}/${b.unit?.code ?? ""}/${b.year}/${b.kind}`));
  // …and only from a budget out of editing: a draft's figures never become the 上年 column.
  const canStartNext = (b: (typeof budgets)[number]) =>
    b.kind === "budget" &&
    (NEXT_YEAR_FROM as readonly string[]).includes(b.status) &&
    !years.has(`${b.region.code}/${b.department.code}/${b.unit?.code ?? ""}/${b.year + 1}/budget`);
  // A 决算 starts from its year's budget once the district has approved it.
  const canStartFinal = (b: (typeof budgets)[number]) =>
    b.kind === "budget" &&
    (b.status === "APPROVED" || b.status === "PUBLISHED") &&
    !years.has(`${b.region.code}/${b.department.code}/${b.unit?.code ?? ""}/${b.year}/final`);
  const canEdit = hasPermission(user, "budget.edit");
  const departments = canEdit ? await ownDepartments(db(), user) : [];
  return (
    <>
      <h1>我的预算</h1>
      <p className="muted">您有权查看的部门预算和决算。金额单位：万元。</p>
      {budgets.length === 0 ? (
        <p className="card">暂无可查看的预算。</p>
      ) : (
        <table className="data" data-testid="budget-list">
          <thead>
            <tr>
              <th>年度</th>
              <th>行政区划</th>
              <th>预算部门</th>
              <th>状态</th>
              <th className="num">收入合计</th>
              <th>最后修改</th>
              {canEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {budgets.map((b) => (
              <tr key={b.id}>
                <td>{b.year}</td>
                <td>{b.region.name}</td>
                <td>
                  <Link href={b.kind === "final" ? `/workspace/finals/${b.id}` : `/workspace/budgets/${b.id}`}>
                    {b.unit ? `${b.unit.code} ${b.unit.name}` : `${b.department.code} ${b.department.name}`}
                  </Link>
                  {b.unit ? (
                    <span className="badge" data-testid="kind-unit">
                      单位预算
                    </span>
                  ) : null}
                  {b.kind === "final" ? (
                    <span className="badge" data-testid="kind-final">
                      决算
                    </span>
                  ) : null}
                </td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <MoneyCell yuan={b.incomeTotal} />
                <td>{formatDateTime(b.updatedAt)}</td>
                {canEdit ? (
                  <td>
                    {canStartNext(b) ? <StartNextYearButton fromBudgetId={b.id} nextYear={b.year + 1} provisional={b.status === "SUBMITTED"} /> : null}
                    {canStartFinal(b) ? <StartFinalButton fromBudgetId={b.id} year={b.year} /> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {departments.length > 0 ? <CreateBudgetForm departments={departments} defaultYear={new Date().getFullYear() + 1} /> : null}
      {departments.length > 0 ? <BlankTemplateForm departments={departments} defaultYear={new Date().getFullYear() + 1} /> : null}
      {canEdit && hasPermission(user, "budget.import") ? <BatchImportPanel /> : null}
    </>
  );
}
