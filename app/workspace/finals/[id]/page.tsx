import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/StatusBadge";
import { FinalHelpers, FinalSubmit } from "@/components/workspace/final/FinalActions";
import { FinalWorkbookPanel } from "@/components/workspace/final/FinalWorkbookPanel";
import {
  AssetsSection,
  CarryoverSection,
  IncomeSection,
  LinesSection,
  MeetingsSection,
  ProcurementSection,
  ReasonsSection,
  SelfEvaluationSection,
  ThreePublicSection,
  type FinalEditorProps,
} from "@/components/workspace/final/FinalSections";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { FindingItem } from "@/components/workspace/FindingItem";
import { db } from "@/lib/db/client";
import { loadFinalEditor } from "@/lib/db/finals/load-final-editor";
import { finalFieldLabel } from "@/lib/final/rules/examples";
import { finalSectionOfPath } from "@/lib/final/workspace/sections";

export const metadata: Metadata = { title: "编制决算" };

/** Where a finding's field is entered on this page (computed tables have no such place). */
function FixLink({ path }: { path: string }) {
  const section = finalSectionOfPath(path);
  return section ? (
    <>
      {" "}
      <a href={`#final-${section}`}>去修改</a>
    </>
  ) : null;
}

/** The 决算 workspace: every section on one page, the checks beside them, 报送 at the end. */
export default async function FinalWorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.read", `/workspace/finals/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  const data = await loadFinalEditor(db(), user, budgetId);
  if (!data) notFound();
  const props: FinalEditorProps = { budgetId: data.id, version: data.version, editable: data.editable, pkg: data.pkg, names: data.names, scores: data.scores };
  const errors = data.findings.filter((f) => f.severity === "error");
  const warnings = data.findings.filter((f) => f.severity !== "error");
  return (
    <>
      <p className="muted">
        <Link href="/workspace">我的预算</Link>
      </p>
      <h1>
        {data.pkg.unit.name} {data.year} 年度部门决算 <StatusBadge status={data.status} />
      </h1>
      <p className="muted" data-testid="final-version">
        第 {data.version} 版
      </p>
      {!data.editable ? <p className="notice">该决算当前状态不可编辑。</p> : null}
      {data.comments.length > 0 ? (
        <section className="card" data-testid="final-comments">
          <h2 style={{ marginTop: 0 }}>财政局审核意见</h2>
          <ul>
            {data.comments.map((c) => (
              <li key={c.id}>
                {c.author}：{c.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card checks" data-testid="final-checks">
        <h2 style={{ marginTop: 0 }}>检查结果</h2>
        {data.findings.length === 0 ? <p className="notice ok">未发现问题。</p> : null}
        {errors.length > 0 ? (
          <>
            <p className="error">有 {errors.length} 项错误，修正后才能报送：</p>
            <ul data-testid="final-errors">
              {errors.map((f, i) => (
                <FindingItem key={i} finding={f} field={finalFieldLabel(f.path)}>
                  <FixLink path={f.path} />
                </FindingItem>
              ))}
            </ul>
          </>
        ) : null}
        {warnings.length > 0 ? (
          <details>
            <summary>{warnings.length} 项提示（不影响报送）</summary>
            <ul>
              {warnings.map((f, i) => (
                <FindingItem key={i} finding={f} field={finalFieldLabel(f.path)}>
                  <FixLink path={f.path} />
                </FindingItem>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      {data.editable ? <FinalHelpers budgetId={data.id} version={data.version} /> : null}
      {hasPermission(user, "budget.export") ? (
        <FinalWorkbookPanel budgetId={data.id} version={data.version} editable={data.editable && hasPermission(user, "budget.import")} />
      ) : null}
      <div key={data.version}>
        <LinesSection {...props} />
        <IncomeSection {...props} />
        <CarryoverSection {...props} />
        <ThreePublicSection {...props} />
        <MeetingsSection {...props} />
        <AssetsSection {...props} />
        <ProcurementSection {...props} />
        <ReasonsSection {...props} />
        <SelfEvaluationSection {...props} />
      </div>
      {data.editable && hasPermission(user, "budget.submit") ? <FinalSubmit budgetId={data.id} version={data.version} /> : null}
    </>
  );
}
