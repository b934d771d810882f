import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { importPriorYearWorkbook } from "@/lib/workflow/import-prior-year-workbook";
import { MAX_WORKBOOK_BYTES } from "@/lib/workflow/import-workbook";
import { receiveBudgetUpload, refuse } from "@/lib/http/receive-upload";

const uploadFields = z.object({
  expectedVersion: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  apply: z.enum(["0", "1"]).transform((v) => v === "1"),
});

/**
 * Upload of last year's published disclosure workbook (T1–T11 Excel) into the 上年 section of a
 * draft: the figures it would fill, or with apply=1 the fill in one transaction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const received = await receiveBudgetUpload(request, (await params).id, "budget.import", { bytes: MAX_WORKBOOK_BYTES, what: "上年公开的工作簿" });
  if (received instanceof Response) return received;
  const fields = uploadFields.safeParse({ expectedVersion: received.form.get("expectedVersion"), apply: received.form.get("apply") });
  if (!fields.success) return refuse("请求无效");
  const result = await importPriorYearWorkbook(db(), received.user, { budgetId: received.id, ...fields.data, data: received.data });
  if (result.ok && result.applied) revalidatePath(`/workspace/budgets/${received.id}`, "layout");
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}
