"use server";
import { revalidatePath } from "next/cache";
import { importCatalog, previewCatalogImport } from "@/lib/admin/import-catalog";
import { defineFormAction } from "@/lib/server/action";
import { catalogImportSchema } from "@/lib/actions/admin/catalog.schema";

/** Preview or import, chosen by the button pressed (`intent`); the file is re-read either way. */
export const catalogAction = defineFormAction({
  tier: { permission: "admin.catalog" },
  refused: "您没有导入科目目录的权限",
  input: catalogImportSchema,
  async run({ intent, ...input }, { user, db }) {
    if (intent !== "import") {
      const result = await previewCatalogImport(db, user, input);
      return result.ok ? { ok: true as const, step: "preview" as const, preview: result.preview } : result;
    }
    const result = await importCatalog(db, user, input);
    if (!result.ok) return result;
    revalidatePath("/admin");
    return { ok: true as const, step: "done" as const, message: `已导入 ${input.year} 年 ${result.stored} 条` };
  },
});
