import { traceCsv } from "@/lib/budget/trace";
import { FINAL_SOURCE_LABELS } from "@/lib/final/trace";
import { attachment, isNotModified, snapshotHeaders } from "@/lib/public/http";
import { answerFinalTrace } from "@/lib/public/published-final-trace";
import { notFoundJson, publishedFinalFromParams, type BudgetParams } from "@/lib/public/published-resource";
import { parseTraceQuery } from "@/lib/public/published-trace";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * GET /api/open/finals/{region}/{year}/{unit}/trace?table=F3&row=201&column=total (or
 * ?narrative=<key>) → the lines behind one figure of the published 决算
 * (docs/spec/final-tables.md, "Traces"); `&format=csv` → the same lines as CSV. From the frozen
 * snapshot only: an unpublished or unknown 决算, or a cell it does not print, is 404; bad parameters 400.
 */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const search = new URL(request.url).searchParams;
  const format = search.get("format");
  if (format !== null && format !== "json" && format !== "csv") {
    return Response.json({ error: "参数 format 只能是 json 或 csv" }, { status: 400, headers: noStore });
  }
  // Bad parameters are refused before any database work.
  const query = parseTraceQuery(search, "final");
  if (!query.ok) return Response.json({ error: query.error }, { status: 400, headers: noStore });
  const found = await publishedFinalFromParams(params);
  if (!found) return notFoundJson("决算");
  const { budget: final } = found;
  const headers = snapshotHeaders(request.url, final.snapshotId);
  if (isNotModified(request, final.snapshotId)) return new Response(null, { status: 304, headers });
  const answer = await answerFinalTrace(final, search);
  if (answer.status !== 200) return Response.json({ error: answer.error }, { status: answer.status, headers: noStore });
  if (format === "csv") {
    const t = answer.trace;
    const name = t.narrative ? `final-trace-${t.narrative}` : `final-trace-${t.table}-${t.row}-${t.column}`;
    return new Response(traceCsv(t, FINAL_SOURCE_LABELS), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`${name}.csv`, `${name}.csv`) },
    });
  }
  return Response.json(answer.trace, { headers });
}
