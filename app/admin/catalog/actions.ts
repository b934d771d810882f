"use server";
import { revalidatePath } from "next/cache";
import { permittedUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { importCatalog, previewCatalogImport, type CatalogPreview } from "@/lib/admin/import-catalog";
import { firstIssue, formValues } from "../form-values";
import { catalogImportSchema } from "./catalog.schema";

export type CatalogActionState =
  | { step: "preview"; preview: CatalogPreview }
  | { step: "done"; message: string }
  | { step: "error"; message: string; details?: string[] }
  | null;

const NOT_PERMITTED: CatalogActionState = { step: "error", message: "您没有导入科目目录的权限" };

/** Preview or import, chosen by the button pressed (`intent`); the file is re-read either way. */
export async function catalogAction(_: CatalogActionState, form: FormData): Promise<CatalogActionState> {
  const user = await permittedUser("admin.catalog");
  if (!user) return NOT_PERMITTED;
  const parsed = catalogImportSchema.safeParse(formValues(form));
  if (!parsed.success) return { step: "error", message: firstIssue(parsed.error) };
  if (form.get("intent") !== "import") {
    const result = await previewCatalogImport(db(), user, parsed.data);
    return result.ok ? { step: "preview", preview: result.preview } : { step: "error", message: result.message };
  }
  const result = await importCatalog(db(), user, parsed.data);
  if (!result.ok) return { step: "error", message: result.message, ...(result.errors ? { details: result.errors } : {}) };
  revalidatePath("/admin");
  return { step: "done", message: `已导入 ${parsed.data.year} 年 ${result.stored} 条` };
}
