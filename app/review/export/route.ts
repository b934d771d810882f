import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { districtWorkbook } from "@/lib/review/district-workbook";
import { loadDistrictDashboard } from "@/lib/review/load-district-dashboard";

/** 区级汇总 as Excel, for the reviewer's own region only. */
export async function GET(request: Request) {
  const user = await permittedUser("budget.review");
  if (!user) return new Response("未找到", { status: 404 });
  const url = new URL(request.url);
  const region = url.searchParams.get("region");
  const yearText = url.searchParams.get("year");
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const dashboard = await loadDistrictDashboard(db(), user, { ...(region ? { region } : {}), ...(year ? { year } : {}) });
  if (!dashboard) return new Response("未找到", { status: 404 });
  const body = await districtWorkbook(dashboard);
  const filename = `${dashboard.region.code}-${dashboard.year}-区级汇总.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="district-${dashboard.region.code}-${dashboard.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
    },
  });
}
