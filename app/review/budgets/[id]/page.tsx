import { formatWanDisplay, formatDateTime } from "@/lib/format";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DisclosureDocument } from "@/components/disclosure";
import { StatusBadge } from "@/components/StatusBadge";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { budgetScope } from "@/lib/db/scope";
import { loadBudgetReview } from "@/lib/review/load-budget-review";
import { loadBudgetTrail } from "@/lib/review/load-budget-trail";
import { loadReviewFigureChanges } from "@/lib/review/load-review-trace";
import { parseWan } from "@/lib/budget/money";
import { CommentForm } from "./CommentForm";
import { ReviewActions } from "./ReviewActions";
import { budgetPath } from "@/lib/public/public-key";
import { CommentList, ComparisonSection, DiffSection, FindingsSection, TrailSection } from "./sections";
import styles from "./budget-review.module.css";

export const metadata: Metadata = { title: "审核预算" };

/** One budget under review: what will be published, the findings, last year, changes, comments, trail. */
export default async function BudgetReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.review", `/review/budgets/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  // A 决算 has its own review page; the kind is read inside the reviewer's scope.
  const kind = await db().budget.findFirst({ where: { AND: [budgetScope(user, "budget.review"), { id: budgetId }] }, select: { kind: true } });
  if (kind?.kind === "final") redirect(`/review/finals/${budgetId}`);
  const review = await loadBudgetReview(db(), user, budgetId);
  const trail = review ? await loadBudgetTrail(db(), user, budgetId) : null;
  if (!review || !trail) notFound();
  const figureChanges = await loadReviewFigureChanges(db(), user, budgetId);
  const traceHref = (q: Record<string, string>) => `/review/budgets/${budgetId}/trace?${new URLSearchParams(q)}`;
  const errors = review.findings.filter((f) => f.severity === "error").length;
  const warnings = review.findings.length - errors;

  return (
    <>
      <p>
        <Link href={`/review?region=${review.region.code}&year=${review.year}`}>
          ← 返回 {review.region.name} {review.year} 年审核汇总
        </Link>
      </p>
      <h1>
        {review.unitName} {review.year} 年部门预算 <StatusBadge status={review.status} />
      </h1>
      <section className="card">
        <dl className="facts" data-testid="review-facts">
          <dt>部门</dt>
          <dd>
            {review.department.code} {review.department.name}（{review.region.name}）
          </dd>
          <dt>版本</dt>
          <dd data-testid="budget-version">第 {review.version} 版</dd>
          {review.submittedAt ? (
            <>
              <dt>报送时间</dt>
              <dd>
                {formatDateTime(review.submittedAt)}
                {review.daysSinceSubmission !== null ? `（已等待 ${review.daysSinceSubmission} 天）` : ""}
              </dd>
            </>
          ) : null}
          {review.deadline ? (
            <>
              <dt>公开期限</dt>
              <dd className={review.deadline.overdue ? styles.overdue : undefined}>
                {review.deadline.deadline}
                {review.deadline.overdue ? `，已逾期 ${-review.deadline.daysLeft} 天` : `，还剩 ${review.deadline.daysLeft} 天`}
              </dd>
            </>
          ) : null}
          <dt>检查结果</dt>
          <dd>
            {errors} 项错误，{warnings} 项提示
          </dd>
          {review.ceilings.length > 0 ? (
            <>
              <dt>控制数</dt>
              <dd data-testid="review-ceilings">
                {review.ceilings.map((c) => `${c.label} 已安排 ${c.used} / 控制数 ${c.amount} 万元${c.exceeded ? "（超出）" : ""}`).join("；")}
              </dd>
            </>
          ) : null}
          {review.replyIssuedAt ? (
            <>
              <dt>批复</dt>
              <dd>{formatDateTime(review.replyIssuedAt)} 下达</dd>
            </>
          ) : null}
          {review.snapshots.length > 0 ? (
            <>
              <dt>已公开版本</dt>
              <dd>
                {review.snapshots.map((s) => `第 ${s.sequence} 次公开 ${formatDateTime(s.publishedAt)}${s.supersededAt ? "（已被替代）" : ""}`).join("；")}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <nav className={styles.nav} aria-label="本页内容">
        <a href="#actions">审核操作</a>
        <a href="#findings">检查结果</a>
        <a href="#comparison">与上年对比</a>
        {review.diff ? <a href="#diff">与上次报送的差异</a> : null}
        <a href="#comments">审核意见</a>
        <a href="#preview">公开内容预览</a>
        <a href="#trail">流转记录</a>
      </nav>

      <h2 id="actions">审核操作</h2>
      <section className="card">
        <ReviewActions
          budgetId={review.id}
          version={review.version}
          status={review.status}
          canPublish={hasPermission(user, "budget.publish")}
          publicUrl={budgetPath({ region: review.region.code, year: review.year, unit: review.department.code })}
          stage={review.stage}
          nextStage={review.nextStage}
          mayAct={review.status !== "SUBMITTED" || review.mayAct}
          reply={{ canIssue: hasPermission(user, "budget.approve"), url: review.replyIssuedAt ? `/api/budgets/${review.id}/reply` : null }}
        />
      </section>

      <h2 id="findings">检查结果</h2>
      <FindingsSection findings={review.findings} />

      <h2 id="comparison">与上年对比</h2>
      <ComparisonSection comparison={review.comparison} />

      {review.diff ? (
        <>
          <h2 id="diff">与上次报送的差异</h2>
          <DiffSection diff={review.diff} />
        </>
      ) : null}
      {figureChanges ? (
        <section className="card" aria-labelledby="figure-changes" data-testid="figure-changes">
          <h2 id="figure-changes">公开表中变化的数字（与第 {figureChanges.sequence} 次报送相比）</h2>
          {figureChanges.changes.length === 0 ? (
            <p className="muted">公开表中的数字没有变化。</p>
          ) : (
            <ul>
              {figureChanges.changes.map((c) => (
                <li key={`${c.table}|${c.row}|${c.column}`}>
                  <a href={traceHref({ table: c.table, row: c.row, column: c.column })}>
                    {c.table} {c.label}
                  </a>
                  ：{formatWanDisplay(parseWan(c.before))} → {formatWanDisplay(parseWan(c.after))} 万元（{c.change.startsWith("-") ? "" : "+"}
                  {formatWanDisplay(parseWan(c.change))}）
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <h2 id="comments">审核意见</h2>
      <CommentList comments={review.comments} projectNames={review.projectNames} />
      {hasPermission(user, "budget.comment") ? (
        <section className="card">
          <CommentForm budgetId={review.id} anchors={review.anchors} />
        </section>
      ) : null}

      <h2 id="preview">公开内容预览</h2>
      <p className="muted">以下是公开后公众将看到的情况说明和公开表格（表1至表11）。</p>
      <div className={styles.preview} data-testid="disclosure-preview">
        <DisclosureDocument
          tables={review.tables}
          narrative={review.narrative}
          traceHref={(ref) => traceHref({ table: ref.table, row: ref.row, column: ref.column })}
        />
      </div>

      <h2 id="trail">流转记录</h2>
      <TrailSection trail={trail} />
    </>
  );
}
