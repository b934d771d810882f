import { readPublished } from "@/lib/public/read-published";
import { listPublishedFinals } from "@/lib/db/queries/public-snapshots";
import { finalApiPath, finalPath, parseRegionYear } from "@/lib/public/public-key";
import { REVALIDATE } from "@/lib/public/snapshot-cache";

export const dynamic = "force-dynamic";

/**
 * GET /api/open/finals[?region=500109][&year=2020]: every published 决算 (current version) with
 * its 收入/支出 totals in 万元 and the URLs of its page and files (versioned by snapshot).
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const region = q.get("region") ?? undefined;
  const yearText = q.get("year") ?? undefined;
  if ((region !== undefined && !parseRegionYear(region, "2000")) || (yearText !== undefined && !parseRegionYear("0", yearText)))
    return Response.json({ error: "参数 region 或 year 格式不正确" }, { status: 400 });
  const finals = await readPublished((d) =>
    listPublishedFinals(d, {
      ...(region !== undefined ? { region } : {}),
      ...(yearText !== undefined ? { year: Number(yearText) } : {}),
    }),
  );
  const origin = new URL(request.url).origin;
  return Response.json(
    {
      amountUnit: "万元",
      finals: finals.map((f) => {
        const key = { region: f.region.code, year: f.year, unit: f.unit.code };
        const v = `?v=${f.snapshotId}`;
        return {
          region: f.region,
          year: f.year,
          unit: f.unit,
          version: f.sequence,
          publishedAt: f.publishedAt.toISOString(),
          totals: {
            income: f.tables.F1.income.total,
            expenditure: f.tables.F1.expenditure.total,
            grandTotal: f.tables.F1.income.grandTotal,
            threePublic: f.tables.F7.actual.total,
          },
          urls: {
            page: `${origin}${finalPath(key)}`,
            json: `${origin}${finalApiPath(key)}${v}`,
            xlsx: `${origin}${finalApiPath(key)}/tables.xlsx${v}`,
            pdf: `${origin}${finalApiPath(key)}/report.pdf${v}`,
          },
        };
      }),
    },
    { headers: { "Cache-Control": REVALIDATE } },
  );
}
