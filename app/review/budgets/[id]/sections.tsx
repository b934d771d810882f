import { formatWanDisplay, formatDateTime } from "@/lib/format";
import Decimal from "decimal.js";
import type { Finding } from "@/lib/budget/rules";
import { fieldLabel } from "@/lib/budget/rules/examples";
import { STATUS_LABELS } from "@/lib/budget/status";
import type { BudgetReview } from "@/lib/review/load-budget-review";
import type { ComparisonRow } from "@/lib/review/prior-comparison";
import type { TrailEntry } from "@/lib/review/load-budget-trail";
import { partOfPath } from "@/lib/budget/parts";
import { commentPlace } from "@/lib/workflow/comment-anchors";
import styles from "./budget-review.module.css";

const wan = (s: string) => formatWanDisplay(new Decimal(s));
const signed = (s: string) => (s.startsWith("-") || s === "0.00" ? wan(s) : `+${wan(s)}`);

export function FindingsSection({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className={styles.ok}>引擎检查未发现问题。</p>;
  return (
    <table className="data" data-testid="findings">
      <thead>
        <tr>
          <th>级别</th>
          <th>问题</th>
          <th>字段</th>
          <th>规则</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={i}>
            <td className={f.severity === "error" ? styles.error : styles.warning}>{f.severity === "error" ? "错误" : "提示"}</td>
            <td>{f.message}</td>
            <td>
              {fieldLabel(f.path)} <code>{f.path}</code>
            </td>
            <td>
              <a href={`/rules#${f.rule}`}>
                <code>{f.rule}</code>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComparisonTable({ rows, caption, testId }: { rows: ComparisonRow[]; caption: string; testId: string }) {
  return (
    <table className="data" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>科目</th>
          <th className="num">本年</th>
          <th className="num">上年</th>
          <th className="num">增减</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td>
              {r.code} {r.name}
            </td>
            <td className="num">{wan(r.current)}</td>
            <td className="num">{r.prior === null ? "—" : wan(r.prior)}</td>
            <td className="num">{r.change === null ? "—" : signed(r.change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ComparisonSection({ comparison }: { comparison: BudgetReview["comparison"] }) {
  return (
    <>
      <p className="muted">一般公共预算财政拨款支出，单位：万元，按增减额绝对值从大到小排列。</p>
      {comparison.priorKnown.byFunction ? null : <p className="muted">没有上年按功能分类的预算数，只列本年金额。</p>}
      <ComparisonTable rows={comparison.byFunction} caption="按功能分类（项）" testId="comparison-function" />
      {comparison.priorKnown.byEconomic ? null : <p className="muted">数据库中没有该部门上年已审核的预算，经济分类无法对比。</p>}
      <ComparisonTable rows={comparison.byEconomic} caption="按经济分类（款）" testId="comparison-economic" />
    </>
  );
}

const CHANGE_LABELS = { added: "新增", removed: "删除", changed: "修改" } as const;

export function DiffSection({ diff }: { diff: NonNullable<BudgetReview["diff"]> }) {
  return (
    <>
      <p className="muted">
        第 {diff.to.sequence} 次报送（{formatDateTime(diff.to.submittedAt)}）与第 {diff.from.sequence} 次报送（{formatDateTime(diff.from.submittedAt)}）相比：
        {diff.entries.length === 0 ? "没有变化。" : `${diff.entries.length} 处变化。`}
      </p>
      {diff.entries.length > 0 ? (
        <table className="data" data-testid="submission-diff">
          <thead>
            <tr>
              <th>变化</th>
              <th>部分</th>
              <th>内容</th>
              <th>上次报送</th>
              <th>本次报送</th>
            </tr>
          </thead>
          <tbody>
            {diff.entries.map((e) => (
              <tr key={e.key} className={e.change === "added" ? styles.added : e.change === "removed" ? styles.removed : undefined}>
                <td>{CHANGE_LABELS[e.change]}</td>
                <td>{partOfPath(e.section)?.label ?? e.section}</td>
                <td>{e.label}</td>
                <td>{e.before ?? ""}</td>
                <td>{e.after ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function CommentList({ comments, projectNames }: { comments: BudgetReview["comments"]; projectNames?: BudgetReview["projectNames"] }) {
  if (comments.length === 0) return <p className="muted">还没有审核意见。</p>;
  return (
    <ul className={styles.comments} data-testid="comments">
      {comments.map((c) => (
        <li key={c.id} className={c.resolvedAt ? styles.resolved : styles.open}>
          <strong>{commentPlace(c.section, c.anchor, projectNames)}</strong>：{c.body}
          <div className="muted">
            {c.author} · {formatDateTime(c.createdAt)} ·{" "}
            {c.resolvedAt ? `已答复（${formatDateTime(c.resolvedAt)}）${c.answer ? `：${c.answer}` : ""}` : "待答复"}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function TrailSection({ trail }: { trail: TrailEntry[] }) {
  return (
    <table className="data" data-testid="budget-trail">
      <thead>
        <tr>
          <th>时间</th>
          <th>操作人</th>
          <th>事项</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {trail.map((e) => (
          <tr key={`${e.kind}-${e.id}`}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actor}</td>
            {e.kind === "event" ? (
              <>
                <td>
                  {e.label}（{e.fromStatus ? `${STATUS_LABELS[e.fromStatus]} → ` : ""}
                  {STATUS_LABELS[e.toStatus]}，第 {e.version} 版）
                </td>
                <td>{e.comment}</td>
              </>
            ) : (
              <>
                <td>意见：{e.place}</td>
                <td>
                  {e.body}
                  {e.resolvedAt ? (
                    <div className="muted">
                      {e.resolvedBy ?? ""} 已答复{e.answer ? `：${e.answer}` : ""}
                    </div>
                  ) : null}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
