import { readPublished } from "@/lib/public/read-published";
import { listPublishedBudgets } from "@/lib/db/queries/public-snapshots";
import { linesCsv } from "@/lib/export/lines-csv";
import { parsePublicKey, parseRegionYear } from "@/lib/public/public-key";
import { REVALIDATE } from "@/lib/public/snapshot-cache";

export const dynamic = "force-dynamic";

/**
 * GET /api/open/lines.csv[?region=][&year=][&unit=]: every basic-expenditure and project line of
 * the published budgets (current versions), one row each, for bulk analysis.
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const region = q.get("region") ?? undefined;
  const year = q.get("year") ?? undefined;
  const unit = q.get("unit") ?? undefined;
  if (
    (region !== undefined && !parseRegionYear(region, "2000")) ||
    (year !== undefined && !parseRegionYear("0", year)) ||
    (unit !== undefined && !parsePublicKey("0", "2000", unit))
  )
    return Response.json({ error: "参数格式不正确" }, { status: 400 });
  const budgets = (await readPublished((d) => listPublishedBudgets(d, { ...(region ? { region } : {}), ...(year ? { year: Number(year) } : {}) }))).filter(
    (b) => unit === undefined || b.unit.code === unit,
  );
  if (unit !== undefined && budgets.length === 0) return Response.json({ error: "未找到已公开的部门预算" }, { status: 404 });
  return new Response(linesCsv(budgets), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="budget-lines${region ? `-${region}` : ""}${year ? `-${year}` : ""}${unit ? `-${unit}` : ""}.csv"`,
      "Cache-Control": REVALIDATE,
    },
  });
}
