import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { MAX_WORKBOOK_BYTES } from "@/lib/workflow/import-workbook";
import { finalCatalog } from "@/lib/db/finals/final-catalog";
import { importFinalWorkbook } from "@/lib/workflow/import-final-workbook";
import { loadFinalById } from "@/lib/db/finals/read-final";
import { budgetScope } from "@/lib/db/scope";
import { receiveBudgetUpload, refuse } from "@/lib/http/receive-upload";
import { strictId } from "@/lib/validation/fields";
import { writeFinalWorkbook } from "@/lib/workbook/write-final-workbook";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const notFound = () => Response.json({ error: "未找到该决算" }, { status: 404 });
const finalId = strictId();

/** The entry workbook of a 决算, for a user allowed to export it; anyone else gets "not found". */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await permittedUser("budget.export");
  const id = finalId.safeParse((await params).id);
  if (!user || !id.success) return notFound();
  const final = await loadFinalById(db(), id.data, budgetScope(user, "budget.export"));
  if (!final) return notFound();
  const catalog = await finalCatalog(db(), final.year);
  const buffer = await writeFinalWorkbook(final.pkg, { stamp: { budgetId: final.id, version: final.version }, catalog });
  const name = `final-entry-${final.pkg.region.code}-${final.pkg.unit.code}-${final.year}-v${final.version}.xlsx`;
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": XLSX, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
}

const uploadFields = z.object({
  expectedVersion: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  apply: z.enum(["0", "1"]).transform((v) => v === "1"),
});

/** Upload of a filled 决算 entry workbook: the changes it would make, or with apply=1 the import in one transaction. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const received = await receiveBudgetUpload(request, (await params).id, "budget.import", { bytes: MAX_WORKBOOK_BYTES, what: "决算录入工作簿" });
  if (received instanceof Response) return received;
  const fields = uploadFields.safeParse({ expectedVersion: received.form.get("expectedVersion"), apply: received.form.get("apply") });
  if (!fields.success) return refuse("请求无效");
  const result = await importFinalWorkbook(db(), received.user, { budgetId: received.id, ...fields.data, data: received.data });
  if (result.ok && result.applied) revalidatePath(`/workspace/finals/${received.id}`);
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}
