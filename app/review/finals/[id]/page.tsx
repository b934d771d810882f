import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DisclosureGrid, DisclosureNarrative } from "@/components/disclosure";
import { StatusBadge } from "@/components/StatusBadge";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { finalCatalog } from "@/lib/db/finals/final-catalog";
import { loadFinalEditor } from "@/lib/db/finals/load-final-editor";
import { packageToFinal } from "@/lib/final/model";
import { finalTraceSource } from "@/lib/final/trace";
import { finalNarrativeLinks } from "@/lib/public/narrative-links";
import { finalTableLayouts } from "@/lib/public/layout";
import { loadBudgetTrail } from "@/lib/review/load-budget-trail";
import { loadReviewStage } from "@/lib/review/load-review-stage";
import { diffFinalPackages } from "@/lib/final/package/diff";
import { ReviewActions } from "../../budgets/[id]/ReviewActions";
import { TrailSection } from "../../budgets/[id]/sections";

export const metadata: Metadata = { title: "审核决算" };

/** One 决算 under review: the findings, the tables and narrative that will be published, the trail. */
export default async function FinalReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.review", `/review/finals/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  const data = await loadFinalEditor(db(), user, budgetId);
  const trail = data ? await loadBudgetTrail(db(), user, budgetId) : null;
  const review = data ? await loadReviewStage(db(), user, budgetId) : null;
  if (!data || !trail || !review) notFound();
  const errors = data.findings.filter((f) => f.severity === "error");
  // What changed since the previous submission (after a 退回), from the packages as submitted.
  const submissions = await db().budgetSubmission.findMany({ where: { budgetId: data.id }, orderBy: { sequence: "desc" }, take: 2 });
  const changes = submissions.length === 2 ? diffFinalPackages(submissions[1]!.package, submissions[0]!.package) : null;
  return (
    <>
      <p>
        <Link href={`/review?region=${data.region.code}&year=${data.year}&kind=final`}>
          ← 返回 {data.region.name} {data.year} 年决算审核汇总
        </Link>
      </p>
      <h1>
        {data.pkg.unit.name} {data.year} 年度部门决算 <StatusBadge status={data.status} />
      </h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>审核操作</h2>
        <ReviewActions
          budgetId={data.id}
          version={data.version}
          status={data.status}
          canPublish={hasPermission(user, "budget.publish")}
          what="决算"
          stage={review.stage}
          nextStage={review.nextStage}
          mayAct={data.status !== "SUBMITTED" || review.mayAct}
        />
      </section>
      <section className="card" data-testid="final-review-findings">
        <h2 style={{ marginTop: 0 }}>检查结果</h2>
        <p>
          {errors.length} 项错误，{data.findings.length - errors.length} 项提示
        </p>
        <ul>
          {data.findings.map((f, i) => (
            <li key={i} className={f.severity === "error" ? "error" : undefined}>
              {f.message}
            </li>
          ))}
        </ul>
      </section>
      {changes ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>与上次报送相比的变化</h2>
          {changes.length === 0 ? (
            <p className="muted">内容没有变化。</p>
          ) : (
            <table className="data" data-testid="final-submission-diff">
              <thead>
                <tr>
                  <th>项目</th>
                  <th>上次报送</th>
                  <th>本次报送</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.path}>
                    <td>{c.label}</td>
                    <td>{c.before ?? "（无）"}</td>
                    <td>{c.after ?? "（无）"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      <section className="card" id="preview">
        <h2 style={{ marginTop: 0 }}>将公开的内容</h2>
        <p className="muted">点击表中的金额可查看其来源明细。</p>
        <article className="dz-document">
          <DisclosureNarrative
            markdown={data.narrative}
            links={finalNarrativeLinks(finalTraceSource(packageToFinal(data.pkg), await finalCatalog(db(), data.year)), `/review/finals/${data.id}/trace`)}
          />
          {finalTableLayouts(data.tables).map((g) => (
            <DisclosureGrid
              key={g.key}
              table={g}
              traceHref={(ref) => `/review/finals/${data.id}/trace?${new URLSearchParams({ table: ref.table, row: ref.row, column: ref.column })}`}
            />
          ))}
        </article>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>审核记录</h2>
        <TrailSection trail={trail} />
      </section>
    </>
  );
}
