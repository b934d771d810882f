import { readPublished } from "@/lib/public/read-published";
import { listPublishedBudgets } from "@/lib/db/queries/public-snapshots";
import { publishedSummary } from "@/lib/public/budget-summary";
import { apiPath, budgetPath, parseRegionYear } from "@/lib/public/public-key";
import { REVALIDATE } from "@/lib/public/snapshot-cache";

export const dynamic = "force-dynamic";

/**
 * GET /api/open/budgets[?region=500109][&year=2024]: every published budget (current version)
 * with its totals in 万元 and the URLs of its page and files (versioned by snapshot).
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const region = q.get("region") ?? undefined;
  const yearText = q.get("year") ?? undefined;
  if ((region !== undefined && !parseRegionYear(region, "2000")) || (yearText !== undefined && !parseRegionYear("0", yearText)))
    return Response.json({ error: "参数 region 或 year 格式不正确" }, { status: 400 });
  const budgets = await readPublished((d) =>
    listPublishedBudgets(d, {
      ...(region !== undefined ? { region } : {}),
      ...(yearText !== undefined ? { year: Number(yearText) } : {}),
    }),
  );
  const origin = new URL(request.url).origin;
  return Response.json(
    {
      amountUnit: "万元",
      budgets: budgets.map((b) => {
        const key = { region: b.region.code, year: b.year, unit: b.unit.code };
        const { byClass: _byClass, ...totals } = publishedSummary(b);
        const v = `?v=${b.snapshotId}`;
        return {
          region: b.region,
          year: b.year,
          unit: b.unit,
          version: b.sequence,
          publishedAt: b.publishedAt.toISOString(),
          totals,
          urls: {
            page: `${origin}${budgetPath(key)}`,
            json: `${origin}${apiPath(key)}${v}`,
            xlsx: `${origin}${apiPath(key)}/tables.xlsx${v}`,
            pdf: `${origin}${apiPath(key)}/report.pdf${v}`,
            csv: `${origin}/api/open/lines.csv?region=${key.region}&year=${key.year}&unit=${key.unit}`,
          },
        };
      }),
    },
    { headers: { "Cache-Control": REVALIDATE } },
  );
}
