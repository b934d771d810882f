import { readPublished } from "@/lib/public/read-published";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceAnswerView } from "@/components/trace/TraceAnswer";
import { searchParamsOf, type PageSearch } from "@/lib/http/search-params";
import { findPublishedFinal } from "@/lib/db/queries/public-snapshots";
import { FINAL_SOURCE_LABELS } from "@/lib/final/trace";
import { answerFinalTrace } from "@/lib/public/published-final-trace";
import { finalApiPath, finalPath, parsePublicKey } from "@/lib/public/public-key";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "数字来源（决算）" };

type Params = Promise<{ region: string; year: string; unit: string }>;

/** /b/{region}/{year}/{unit}/final/trace?table=F3&row=201&column=total — the lines behind one figure of a published 决算. */
export default async function FinalTracePage({ params, searchParams }: { params: Params; searchParams: PageSearch }) {
  const p = await params;
  const key = parsePublicKey(p.region, p.year, p.unit);
  const final = key ? await readPublished((d) => findPublishedFinal(d, key)) : null;
  if (!key || !final) notFound();
  const search = await searchParamsOf(searchParams);
  const answer = await answerFinalTrace(final, search);
  const base = finalPath(key);
  const api = finalApiPath(key);
  return (
    <>
      <p className="muted">
        <Link href={base}>
          {final.unit.name} {final.year} 年度部门决算
        </Link>{" "}
        / 数字来源
      </p>
      <TraceAnswerView
        answer={answer}
        base={base}
        sourceLabels={FINAL_SOURCE_LABELS}
        csvHref={`${api}/trace?${search.toString()}&format=csv&v=${final.snapshotId}`}
      />
      <p className="muted">
        数字按公开时冻结的决算数据计算，公开后不再变化。
        <a href={`${api}/trace?${search.toString()}`}>JSON 数据</a>
      </p>
    </>
  );
}
