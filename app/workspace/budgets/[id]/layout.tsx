import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { loadEditor } from "@/lib/workspace/load-editor";
import { budgetComments } from "@/lib/db/queries/budget-comments";
import { EditorProvider } from "@/components/workspace/EditorContext";
import { ChecksPanel } from "@/components/workspace/ChecksPanel";
import { SectionNav } from "@/components/workspace/SectionNav";
import { StatusBadge } from "@/components/StatusBadge";

export default async function BudgetLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.read", `/workspace/budgets/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  // A 决算 has its own workspace; read inside the user's scope like everything else.
  const kind = await db().budget.findFirst({ where: { AND: [budgetScope(user, "budget.read"), { id: budgetId }] }, select: { kind: true } });
  if (kind?.kind === "final") redirect(`/workspace/finals/${budgetId}`);
  const data = await loadEditor(db(), user, budgetId);
  if (!data) notFound();
  const comments = await budgetComments(db(), user, budgetId);
  return (
    <EditorProvider
      budgetId={data.id}
      status={data.status}
      editable={data.editable}
      pkg={data.pkg}
      version={data.version}
      catalog={data.catalog}
      comments={comments}
      ceilings={data.ceilings}
      ceilingsBind={data.ceilingsBind}
    >
      <h1>
        {data.unitName} {data.year} 年{data.unitBudget ? "单位预算" : "部门预算"} <StatusBadge status={data.status} />
      </h1>
      <div className="workspace">
        <SectionNav budgetId={data.id} />
        <div>{children}</div>
        <ChecksPanel />
      </div>
    </EditorProvider>
  );
}
