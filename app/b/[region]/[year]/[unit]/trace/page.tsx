import { readPublished } from "@/lib/public/read-published";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceAnswerView } from "@/components/trace/TraceAnswer";
import { searchParamsOf, type PageSearch } from "@/lib/http/search-params";
import { cachedPublishedBudget } from "@/lib/public/published-cache";
import { answerTrace } from "@/lib/public/published-trace";
import { apiPath, budgetPath, parsePublicKey } from "@/lib/public/public-key";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "数字来源" };

type Params = Promise<{ region: string; year: string; unit: string }>;

/** /b/{region}/{year}/{unit}/trace?table=T2&row=201&column=total — the lines behind one published figure. */
export default async function TracePage({ params, searchParams }: { params: Params; searchParams: PageSearch }) {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  const budget = key ? await readPublished((d) => cachedPublishedBudget(d, key)) : null;
  if (!key || !budget) notFound();
  const search = await searchParamsOf(searchParams);
  const answer = await answerTrace(budget, search);
  const base = budgetPath(key);
  return (
    <>
      <p className="muted">
        <Link href={base}>
          {budget.unit.name} {budget.year} 年部门预算
        </Link>{" "}
        / 数字来源
      </p>
      <TraceAnswerView answer={answer} base={base} csvHref={`${apiPath(key)}/trace?${search.toString()}&format=csv&v=${budget.snapshotId}`} />
      <p className="muted">
        数字按公开时冻结的预算数据计算，公开后不再变化。
        <a href={`${apiPath(key)}/trace?${search.toString()}`}>JSON 数据</a>
      </p>
    </>
  );
}
