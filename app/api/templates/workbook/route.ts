import { z } from "zod";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import { departmentForTemplate } from "@/lib/db/queries/list-budgets";
import { blankPackage, writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const query = z.object({ departmentId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });
const notFound = () => new Response("未找到该部门", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The blank entry workbook of a department and year (空白模板): the unit, the code lists and
 * validation of that year's catalogue, no figures, stamped for no budget in particular — it
 * imports into that department's draft of that year, whichever it is (lib/workflow/import-workbook.ts).
 */
export async function GET(request: Request) {
  const user = await permittedUser("budget.export");
  const url = new URL(request.url);
  const params = query.safeParse({ departmentId: url.searchParams.get("departmentId"), year: url.searchParams.get("year") });
  if (!user || !params.success) return notFound();
  const department = await departmentForTemplate(db(), user, params.data.departmentId);
  if (!department) return notFound();
  const { year } = params.data;
  const catalog = await loadCatalog(db(), year);
  if (!catalog)
    return new Response(`系统中还没有 ${year} 年的科目目录，无法生成该年度的模板`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const pkg = blankPackage({ year, region: department.region, unit: department });
  const buffer = await writeEntryWorkbook(pkg, { stamp: { budgetId: null, version: null }, catalog });
  const name = `template-${department.region.code}-${department.code}-${year}.xlsx`;
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": XLSX, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
}
