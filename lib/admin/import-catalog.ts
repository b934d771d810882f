import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import { buildCatalog } from "@/lib/catalog/catalog";
import type { Db } from "@/lib/db/client";
import { forgetCatalogs, storeCatalog, storeCrosswalk } from "@/lib/db/catalog-store";
import { AppError } from "@/lib/errors";
import type { Failure, Result } from "@/lib/result";
import { adminFailure, requireAdmin } from "./admin-result";
import { parseCatalogCsv, parseCatalogXlsx, type CatalogKind, type ParsedCatalog } from "./catalog-csv";

export interface CatalogPreview {
  kind: CatalogKind;
  year: number;
  rows: number;
  /** Codes not yet in the year's catalogue (or crosswalk). */
  added: { code: string; name: string }[];
  /** Codes whose name (or crosswalk target) changes. */
  changed: { code: string; before: string; after: string }[];
  unchanged: number;
  /** Rows refused; the import is refused while there is any. */
  errors: string[];
  /** Worth knowing but not refused: partial catalogues are normal (see data/catalogues/SOURCES.md). */
  warnings: string[];
}

export interface CatalogImportInput {
  year: number;
  kind: CatalogKind;
  /** A CSV file's text, or … */
  text?: string;
  /** … an Excel workbook (.xlsx), base64-encoded. */
  xlsx?: string;
}

async function parseInput(input: CatalogImportInput): Promise<ParsedCatalog> {
  if (input.xlsx) return parseCatalogXlsx(input.kind, Buffer.from(input.xlsx, "base64"));
  return parseCatalogCsv(input.kind, input.text ?? "");
}

const PREVIEW_LIST_LIMIT = 200;

/**
 * What importing the file would do to the year's catalogue — nothing is written. Existing
 * subjects are never deleted (budgets of the year may use them); a crosswalk maps year − 1 to
 * `year`.
 */
export async function previewCatalogImport(db: Db, actor: SessionUser, input: CatalogImportInput): Promise<Result<{ preview: CatalogPreview }>> {
  try {
    requireAdmin(hasPermission(actor, "admin.catalog"), "导入科目目录");
    return { ok: true, preview: await preview(db, input) };
  } catch (error) {
    return adminFailure(error);
  }
}

async function preview(db: Db, input: CatalogImportInput): Promise<CatalogPreview> {
  const parsed = await parseInput(input);
  const base = { kind: input.kind, year: input.year, rows: parsed.rows.length, errors: parsed.errors };
  const added: CatalogPreview["added"] = [];
  const changed: CatalogPreview["changed"] = [];
  const warnings: string[] = [...(parsed.warnings ?? [])];
  if (parsed.kind === "crosswalk") {
    // A code's successors are replaced as a set (a split has one row per successor).
    const existing = new Map<string, string[]>();
    for (const r of await db.subjectCrosswalk.findMany({ where: { fromYear: input.year - 1, toYear: input.year }, orderBy: { toCode: "asc" } })) {
      existing.set(`${r.kind}:${r.fromCode}`, [...(existing.get(`${r.kind}:${r.fromCode}`) ?? []), r.toCode]);
    }
    const incoming = new Map<string, { fromCode: string; to: string[] }>();
    for (const r of parsed.rows) {
      const key = `${r.kind}:${r.fromCode}`;
      const entry = incoming.get(key) ?? { fromCode: r.fromCode, to: [] };
      entry.to.push(r.toCode);
      incoming.set(key, entry);
    }
    const targets = new Set((await db.functionSubject.findMany({ where: { year: input.year }, select: { code: true } })).map((r) => r.code));
    for (const [key, { fromCode, to }] of incoming) {
      const after = `→ ${[...to].sort().join("、")}`;
      const before = existing.get(key);
      if (before === undefined) added.push({ code: fromCode, name: after });
      else if (`→ ${before.join("、")}` !== after) changed.push({ code: fromCode, before: `→ ${before.join("、")}`, after });
    }
    for (const r of parsed.rows) {
      if (r.kind === "function" && targets.size > 0 && !targets.has(r.toCode)) warnings.push(`对照目标 ${r.toCode} 不在 ${input.year} 年功能分类目录中`);
    }
  } else {
    const current =
      parsed.kind === "function"
        ? await db.functionSubject.findMany({ where: { year: input.year }, select: { code: true, name: true } })
        : await db.economicSubject.findMany({ where: { year: input.year }, select: { code: true, name: true } });
    const names = new Map(current.map((r) => [r.code, r.name]));
    const codes = new Set([...names.keys(), ...parsed.rows.map((r) => r.code)]);
    for (const r of parsed.rows) {
      const before = names.get(r.code);
      if (before === undefined) added.push({ code: r.code, name: r.name });
      else if (before !== r.name) changed.push({ code: r.code, before, after: r.name });
      if (r.parent && !codes.has(r.parent)) warnings.push(`${r.code} ${r.name} 的上级科目 ${r.parent} 不在目录中`);
    }
  }
  // The lists are cut for display; the counts always cover the whole file.
  const cut = added.length > PREVIEW_LIST_LIMIT || changed.length > PREVIEW_LIST_LIMIT;
  return {
    ...base,
    added: added.slice(0, PREVIEW_LIST_LIMIT),
    changed: changed.slice(0, PREVIEW_LIST_LIMIT),
    unchanged: Math.max(
      0,
      (parsed.kind === "crosswalk" ? new Set(parsed.rows.map((r) => `${r.kind}:${r.fromCode}`)).size : parsed.rows.length) - added.length - changed.length,
    ),
    warnings: [
      ...(cut ? [`只列出前 ${PREVIEW_LIST_LIMIT} 条变化（共新增 ${added.length} 条，修改 ${changed.length} 条）`] : []),
      ...warnings.slice(0, PREVIEW_LIST_LIMIT),
    ],
  };
}

/** Imports the file in one transaction; refused as a whole while any row is bad. */
export async function importCatalog(
  db: Db,
  actor: SessionUser,
  input: CatalogImportInput,
): Promise<Result<{ stored: number }, Failure<{ errors?: string[] }>>> {
  try {
    requireAdmin(hasPermission(actor, "admin.catalog"), "导入科目目录");
    const parsed = await parseInput(input);
    if (parsed.errors.length > 0)
      return { ok: false, code: "invalid_input", message: `文件有 ${parsed.errors.length} 处错误，未导入任何内容`, errors: parsed.errors };
    if (parsed.rows.length === 0) throw new AppError("invalid_input", "文件中没有数据行");
    const stored = await db.$transaction(
      async (tx) => {
        if (parsed.kind === "crosswalk") return storeCrosswalk(tx, input.year - 1, input.year, parsed.rows);
        const catalog = parsed.kind === "function" ? buildCatalog(input.year, parsed.rows, []) : buildCatalog(input.year, [], parsed.rows);
        const counts = await storeCatalog(tx, catalog);
        return counts.functions + counts.economics;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    // Reads made while the import ran may have cached the old catalogue; other processes see the
    // bumped revision (catalog-store.ts).
    forgetCatalogs();
    return { ok: true, stored };
  } catch (error) {
    return adminFailure(error);
  }
}
