import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceAnswerView } from "@/components/trace/TraceAnswer";
import { searchParamsOf, type PageSearch } from "@/lib/http/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { FINAL_SOURCE_LABELS } from "@/lib/final/trace";
import { loadReviewFinalTrace } from "@/lib/review/load-review-final-trace";

export const metadata: Metadata = { title: "数字来源（决算审核）" };

/** The lines behind one figure of the 决算 under review. */
export default async function ReviewFinalTracePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: PageSearch }) {
  const { id } = await params;
  const user = await requirePagePermission("budget.review", `/review/finals/${id}`);
  const budgetId = Number(id);
  if (!Number.isSafeInteger(budgetId) || budgetId <= 0) notFound();
  const search = await searchParamsOf(searchParams);
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
      <TraceAnswerView answer={answer} base={base} sourceLabels={FINAL_SOURCE_LABELS} />
    </>
  );
}
