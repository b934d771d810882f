import { revalidatePath } from "next/cache";
import { z } from "zod";
import { strictId } from "@/lib/validation/fields";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { budgetContentInclude, budgetFromRows } from "@/lib/db/budgets/read-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { importWorkbookIntoBudget, MAX_WORKBOOK_BYTES } from "@/lib/workflow/import-workbook";
import { blankPackage, writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const notFound = () => Response.json({ error: "未找到该预算" }, { status: 404 });
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

const refuse = (message: string, status = 400) => Response.json({ ok: false, code: "rejected", message, errors: [{ path: "", message }] }, { status });

/**
 * Upload of a filled entry workbook: a preview of the changes, or with apply=1 the import in one
 * transaction. A route rather than a server action so the browser can report upload progress.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Server actions check the origin themselves; a route must, or another site could post here
  // with the accountant's cookie.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) return refuse("请求来源无效", 403);
  // A refusal is indistinguishable from a budget that does not exist, and comes before the body
  // is read: nobody outside the budget's scope learns anything from the upload's validation.
  const user = await permittedUser("budget.import");
  const id = budgetId.safeParse((await params).id);
  if (!user || !id.success) return notFound();
  const inScope = await db().budget.findFirst({ where: { AND: [budgetScope(user, "budget.import"), { id: id.data }] }, select: { id: true } });
  if (!inScope) return notFound();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_WORKBOOK_BYTES + 64 * 1024) return refuse(`工作簿过大（超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`, 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse("请求无效：请选择录入工作簿文件");
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return refuse("请求无效：请选择录入工作簿文件");
  if (file.size > MAX_WORKBOOK_BYTES) return refuse(`工作簿过大（超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB）`, 413);
  const fields = uploadFields.safeParse({ expectedVersion: form.get("expectedVersion"), mode: form.get("mode"), apply: form.get("apply") });
  if (!fields.success) return refuse(fields.error.issues.some((i) => i.path[0] === "mode") ? "请选择替换或合并" : "请求无效");
  const data = new Uint8Array(await file.arrayBuffer());
  const result = await importWorkbookIntoBudget(db(), user, { budgetId: id.data, ...fields.data, data });
  if (result.ok && result.applied) revalidatePath(`/workspace/budgets/${id.data}`, "layout");
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}
