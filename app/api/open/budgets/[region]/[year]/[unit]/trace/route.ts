import { traceCsv } from "@/lib/budget/trace";
import { attachment, isNotModified, snapshotHeaders } from "@/lib/public/http";
import { notFoundJson, publishedFromParams, type BudgetParams } from "@/lib/public/published-resource";
import { answerTrace, parseTraceQuery } from "@/lib/public/published-trace";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * GET /api/open/budgets/{region}/{year}/{unit}/trace?table=T2&row=201&column=total (or
 * ?narrative=<key>) → the lines behind one published figure (docs/spec/disclosure-tables.md,
 * "Traces"); `&format=csv` → the same lines as CSV.
 */
export async function GET(request: Request, { params }: { params: BudgetParams }) {
  const search = new URL(request.url).searchParams;
  const format = search.get("format");
  if (format !== null && format !== "json" && format !== "csv") {
    return Response.json({ error: "参数 format 只能是 json 或 csv" }, { status: 400, headers: noStore });
  }
  // Bad parameters are refused before any database work.
  const query = parseTraceQuery(search);
  if (!query.ok) return Response.json({ error: query.error }, { status: 400, headers: noStore });
  const found = await publishedFromParams(params);
  if (!found) return notFoundJson();
  const { budget } = found;
  const headers = snapshotHeaders(request.url, budget.snapshotId);
  if (isNotModified(request, budget.snapshotId)) return new Response(null, { status: 304, headers });
  const answer = await answerTrace(budget, search);
  if (answer.status !== 200) return Response.json({ error: answer.error }, { status: answer.status, headers: noStore });
  if (format === "csv") {
    const t = answer.trace;
    const name = t.narrative ? `trace-${t.narrative}` : `trace-${t.table}-${t.row === "total" ? "total" : t.row}-${t.column}`;
    return new Response(traceCsv(t), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`${name}.csv`, `${name}.csv`) },
    });
  }
  return Response.json(answer.trace, { headers });
}
