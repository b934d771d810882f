import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceView } from "@/components/trace/TraceView";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { FINAL_SOURCE_LABELS } from "@/lib/final/trace";
import { loadReviewFinalTrace } from "@/lib/review/load-review-final-trace";

export const metadata: Metadata = { title: "数字来源（决算审核）" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The lines behind one figure of the 决算 under review. */
export default async function ReviewFinalTracePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.review", `/review/finals/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") search.set(k, v);
  const answer = await loadReviewFinalTrace(db(), user, budgetId, search);
  if (!answer) notFound();
  const base = `/review/finals/${budgetId}`;
  return (
    <>
      <p>
        <Link href={`${base}#preview`}>
          ← 返回 {answer.unitName} {answer.year} 年度部门决算审核
        </Link>
      </p>
      {answer.status !== 200 ? (
        <p role="alert" className="error">
          {answer.error}
        </p>
      ) : (
        <TraceView
          trace={answer.trace}
          sourceLabels={FINAL_SOURCE_LABELS}
          rowHref={(r) => (r.table ? `${base}/trace?${new URLSearchParams({ table: r.table, row: r.row, column: r.column })}` : undefined)}
        />
      )}
    </>
  );
}
