import { revalidatePath } from "next/cache";
import { z } from "zod";
import { strictId } from "@/lib/validation/fields";
import { permittedUser } from "@/lib/auth/session";
import { notFound, receiveBudgetUpload, refuse } from "@/lib/http/receive-upload";
import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { budgetContentInclude, budgetFromRows } from "@/lib/db/budgets/read-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { importWorkbookIntoBudget, MAX_WORKBOOK_BYTES } from "@/lib/workflow/import-workbook";
import { blankPackage, writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const budgetId = strictId();

/**
 * The entry workbook of a budget (录入工作簿), or with `?template=1` the blank template of its
 * department and year; for a user allowed to export it, anyone else gets "not found".
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await permittedUser("budget.export");
  if (!user) return notFound();
  const id = budgetId.safeParse((await params).id);
  if (!id.success) return notFound();
  const row = await db().budget.findFirst({ where: { AND: [budgetScope(user, "budget.export"), { id: id.data }] }, include: budgetContentInclude });
  if (!row || row.kind !== "budget") return notFound();
  const budget = budgetFromRows(row);
  const template = new URL(request.url).searchParams.get("template") === "1";
  const pkg = template ? blankPackage(budget) : budgetToPackage(budget, { unit: "元" });
  const catalog = (await loadCatalog(db(), budget.year)) ?? undefined;
  const buffer = await writeEntryWorkbook(pkg, { stamp: template ? { budgetId: null, version: null } : { budgetId: row.id, version: row.version }, catalog });
  const name = `${template ? "template" : "entry"}-${budget.region.code}-${budget.unit.code}-${budget.year}${template ? "" : `-v${row.version}`}.xlsx`;
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

const uploadFields = z.object({
  expectedVersion: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mode: z.enum(["replace", "merge"], { message: "请选择替换或合并" }),
  apply: z.enum(["0", "1"]).transform((v) => v === "1"),
});

/**
 * Upload of a filled entry workbook: a preview of the changes, or with apply=1 the import in one
 * transaction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const received = await receiveBudgetUpload(request, (await params).id, "budget.import", { bytes: MAX_WORKBOOK_BYTES, what: "录入工作簿" });
  if (received instanceof Response) return received;
  const { user, form, data } = received;
  const fields = uploadFields.safeParse({ expectedVersion: form.get("expectedVersion"), mode: form.get("mode"), apply: form.get("apply") });
  if (!fields.success) return refuse(fields.error.issues.some((i) => i.path[0] === "mode") ? "请选择替换或合并" : "请求无效");
  const result = await importWorkbookIntoBudget(db(), user, { budgetId: received.id, ...fields.data, data });
  if (result.ok && result.applied) revalidatePath(`/workspace/budgets/${received.id}`, "layout");
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}
