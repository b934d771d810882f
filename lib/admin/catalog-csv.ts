import { parseCrosswalkCsv, type CrosswalkEntry } from "@/lib/catalog/crosswalk";
import { csvGrid, readCatalogTable } from "./catalog-table";
import { xlsxGrids } from "./catalog-xlsx";
import { CatalogParseError, parseEconomicSubjectsCsv, parseFunctionSubjectsCsv, type EconomicSubject, type FunctionSubject } from "@/lib/catalog/catalog";

/**
 * Reading an uploaded catalogue for the admin's preview: a CSV in the data/catalogues format
 * (`code,name,level[,category][,source]`), or the official list as a CSV or Excel table (code and
 * name columns, levels from the code length; see catalog-table.ts). Unlike the parsers of
 * lib/catalog, which stop at the first bad row, every bad row is reported, so the administrator
 * can fix the file in one go.
 */
export type CatalogKind = "function" | "economic" | "crosswalk";

export type { CrosswalkEntry };

export type ParsedCatalog = (
  | { kind: "function"; rows: FunctionSubject[]; errors: string[] }
  | { kind: "economic"; rows: EconomicSubject[]; errors: string[] }
  | { kind: "crosswalk"; rows: CrosswalkEntry[]; errors: string[] }
) & { warnings?: string[] };

export const CATALOG_KIND_LABELS: Record<CatalogKind, string> = {
  function: "支出功能分类科目",
  economic: "支出经济分类科目",
  crosswalk: "上年→本年科目对照（CSV：fromCode,toCode[,kind]）",
};

const WHAT: Record<Exclude<CatalogKind, "crosswalk">, string> = { function: "支出功能分类科目", economic: "支出经济分类科目" };

export const MAX_CATALOG_ROWS = 20_000;

function lines(text: string): { line: number; raw: string }[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return clean
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, raw }))
    .filter((l) => l.raw.trim() !== "");
}

/** Runs a lib/catalog parser on the header plus one row at a time, keeping each row's error. */
function eachRow<T extends { code: string }>(text: string, parse: (csv: string) => T[], what: string): { rows: T[]; errors: string[] } {
  const all = lines(text);
  const header = all[0];
  if (!header) return { rows: [], errors: [`${what}：文件为空`] };
  try {
    parse(header.raw);
  } catch (error) {
    if (error instanceof CatalogParseError) return { rows: [], errors: [error.message] };
    throw error;
  }
  const rows: T[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of all.slice(1)) {
    try {
      const [row] = parse(`${header.raw}\n${raw}`);
      if (!row) continue;
      const first = seen.get(row.code);
      if (first !== undefined) {
        errors.push(`${what}：第 ${line} 行“code”列编码 ${row.code} 重复（第 ${first} 行已有）`);
        continue;
      }
      seen.set(row.code, line);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof CatalogParseError)) throw error;
      // The parser counts lines of the two-line text it was given; report the file's line.
      errors.push(error.message.replace(/第 2 行/, `第 ${line} 行`));
    }
  }
  return { rows, errors };
}

/** The data/catalogues layout: a first line naming the `code` and `name` columns. */
function isShippedLayout(text: string): boolean {
  const header = lines(text)[0]
    ?.raw.split(",")
    .map((c) => c.trim().replace(/^\uFEFF/, ""));
  return !!header && header.includes("code") && header.includes("name");
}

export function parseCatalogCsv(kind: CatalogKind, text: string): ParsedCatalog {
  const total = lines(text).length - 1;
  if (total > MAX_CATALOG_ROWS) return { kind, rows: [], errors: [`文件有 ${total} 行，超过上限 ${MAX_CATALOG_ROWS} 行`] } as ParsedCatalog;
  if (kind === "crosswalk") return { kind, ...parseCrosswalkCsv(text) };
  if (!isShippedLayout(text)) return { kind, ...readCatalogTable(kind, csvGrid(text), WHAT[kind]) } as ParsedCatalog;
  if (kind === "function") return { kind, ...eachRow(text, parseFunctionSubjectsCsv, WHAT.function) };
  return { kind, ...eachRow(text, parseEconomicSubjectsCsv, WHAT.economic) };
}

/**
 * An Excel workbook: the first sheet with a code column is read (the 财政部 volumes have one
 * classification per file); the others are named in a warning.
 */
export async function parseCatalogXlsx(kind: CatalogKind, data: Uint8Array): Promise<ParsedCatalog> {
  if (kind === "crosswalk") return { kind, rows: [], errors: ["科目对照请以 CSV 文件导入（fromCode,toCode[,kind]）"] };
  let sheets: Awaited<ReturnType<typeof xlsxGrids>>;
  try {
    sheets = await xlsxGrids(data);
  } catch {
    return { kind, rows: [], errors: ["无法读取 Excel 文件：请上传 .xlsx 格式（旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx）"] } as ParsedCatalog;
  }
  const total = sheets.reduce((n, s) => n + s.grid.rows.length, 0);
  if (total > MAX_CATALOG_ROWS) return { kind, rows: [], errors: [`文件有 ${total} 行，超过上限 ${MAX_CATALOG_ROWS} 行`] } as ParsedCatalog;
  let firstFailure: ParsedCatalog | undefined;
  for (const [i, sheet] of sheets.entries()) {
    const result = readCatalogTable(kind, sheet.grid, `${WHAT[kind]}（工作表“${sheet.name}”）`);
    if (result.rows.length === 0 && result.errors.length <= 1 && i < sheets.length - 1) {
      firstFailure ??= { kind, ...result } as ParsedCatalog;
      continue;
    }
    const others = sheets.filter((s) => s !== sheet).map((s) => `“${s.name}”`);
    const note = others.length > 0 ? [`只读取了工作表“${sheet.name}”，未读取 ${others.join("、")}`] : [];
    return { kind, ...result, warnings: [...note, ...result.warnings] } as ParsedCatalog;
  }
  return firstFailure ?? ({ kind, rows: [], errors: ["Excel 文件中没有工作表"] } as ParsedCatalog);
}
