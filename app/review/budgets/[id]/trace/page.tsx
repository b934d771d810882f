import { formatWanDisplay } from "@/lib/format";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceAnswerView } from "@/components/trace/TraceAnswer";
import { searchParamsOf, type PageSearch } from "@/lib/http/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { parseWan } from "@/lib/budget/money";
import { db } from "@/lib/db/client";
import { loadReviewTrace } from "@/lib/review/load-review-trace";

export const metadata: Metadata = { title: "数字来源（审核）" };

const wan = (s: string) => formatWanDisplay(parseWan(s));
const yuan = (s: string) => formatWanDisplay(parseWan(s));

/** The lines behind one figure of the budget under review, and what changed since the previous submission. */
export default async function ReviewTracePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: PageSearch }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.review", `/review/budgets/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  const search = await searchParamsOf(searchParams);
  const answer = await loadReviewTrace(db(), user, budgetId, search);
  if (!answer) notFound();
  const base = `/review/budgets/${budgetId}`;
  return (
    <>
      <p>
        <Link href={`${base}#preview`}>
          ← 返回 {answer.unitName} {answer.year} 年部门预算审核
        </Link>
      </p>
      <TraceAnswerView answer={answer} base={base} />
      {answer.status !== 200 ? null : (
        <>
          <section className="card" aria-labelledby="since-previous" data-testid="trace-since-previous">
            <h2 id="since-previous">与上次报送相比</h2>
            {!answer.previous ? (
              <p className="muted">该预算只报送过一次，没有可比较的上次报送。</p>
            ) : answer.previous.value === answer.trace.value && answer.previous.lines.length === 0 ? (
              <p>
                第 {answer.previous.sequence} 次报送时同为 {wan(answer.previous.value)} 万元，明细行没有变化。
              </p>
            ) : (
              <>
                <p>
                  第 {answer.previous.sequence} 次报送时为 {wan(answer.previous.value)} 万元，现为 {wan(answer.trace.value)} 万元。
                </p>
                {answer.previous.lines.length > 0 ? (
                  <table className="dz-grid dz-trace-lines">
                    <thead>
                      <tr>
                        <th scope="col">变化的明细行</th>
                        <th scope="col" className="dz-num">
                          上次（元）
                        </th>
                        <th scope="col" className="dz-num">
                          现在（元）
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {answer.previous.lines.map((l) => (
                        <tr key={l.key}>
                          <td>{l.label}</td>
                          <td className="dz-num">{yuan(l.before)}</td>
                          <td className="dz-num">{yuan(l.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
