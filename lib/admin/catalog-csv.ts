import {
  CatalogParseError,
  parseEconomicSubjectsCsv,
  parseFunctionSubjectsCsv,
  type EconomicSubject,
  type FunctionSubject,
} from "@/lib/catalog/catalog";

/**
 * Reading an uploaded catalogue CSV (data/catalogues format) for the admin's preview: unlike
 * the parsers of lib/catalog, which stop at the first bad row, every bad row is reported, so the
 * administrator can fix the file in one go.
 */
export type CatalogKind = "function" | "economic" | "crosswalk";

export interface CrosswalkEntry {
  kind: "function" | "economic";
  fromCode: string;
  toCode: string;
}

export type ParsedCatalog =
  | { kind: "function"; rows: FunctionSubject[]; errors: string[] }
  | { kind: "economic"; rows: EconomicSubject[]; errors: string[] }
  | { kind: "crosswalk"; rows: CrosswalkEntry[]; errors: string[] };

export const CATALOG_KIND_LABELS: Record<CatalogKind, string> = {
  function: "支出功能分类科目（code,name,level）",
  economic: "支出经济分类科目（code,name,level,category）",
  crosswalk: "上年→本年科目对照（fromCode,toCode[,kind]）",
};

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

export function parseCrosswalkCsv(text: string): { rows: CrosswalkEntry[]; errors: string[] } {
  const what = "科目对照";
  const all = lines(text);
  const header = all[0]?.raw.split(",").map((c) => c.trim());
  if (!header) return { rows: [], errors: [`${what}：文件为空`] };
  const missing = ["fromCode", "toCode"].filter((c) => !header.includes(c));
  if (missing.length > 0) return { rows: [], errors: missing.map((c) => `${what}：第 1 行（表头）缺少列“${c}”`) };
  const col = (cells: string[], name: string) => (header.includes(name) ? (cells[header.indexOf(name)] ?? "") : "");
  const rows: CrosswalkEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of all.slice(1)) {
    const cells = raw.split(",").map((c) => c.trim());
    const kind = col(cells, "kind") || "function";
    const fromCode = col(cells, "fromCode");
    const toCode = col(cells, "toCode");
    const problems: string[] = [];
    if (kind !== "function" && kind !== "economic") problems.push(`“kind”列应为 function 或 economic，实际为“${kind}”`);
    const lengths = kind === "economic" ? [3, 5] : [3, 5, 7];
    for (const [name, code] of [["fromCode", fromCode], ["toCode", toCode]] as const) {
      if (!/^\d+$/.test(code) || !lengths.includes(code.length)) problems.push(`“${name}”列应为 ${lengths.join("、")} 位数字，实际为“${code}”`);
    }
    if (problems.length === 0 && fromCode.length !== toCode.length) problems.push(`对照前后科目级次不同（${fromCode} → ${toCode}）`);
    const key = `${kind}:${fromCode}`;
    if (problems.length === 0 && seen.has(key)) problems.push(`编码 ${fromCode} 重复（第 ${seen.get(key)} 行已有）`);
    if (problems.length > 0) {
      errors.push(`${what}：第 ${line} 行${problems.join("；")}`);
      continue;
    }
    seen.set(key, line);
    rows.push({ kind: kind as CrosswalkEntry["kind"], fromCode, toCode });
  }
  return { rows, errors };
}

export function parseCatalogCsv(kind: CatalogKind, text: string): ParsedCatalog {
  const total = lines(text).length - 1;
  if (total > MAX_CATALOG_ROWS) return { kind, rows: [], errors: [`文件有 ${total} 行，超过上限 ${MAX_CATALOG_ROWS} 行`] } as ParsedCatalog;
  if (kind === "function") return { kind, ...eachRow(text, parseFunctionSubjectsCsv, "支出功能分类科目") };
  if (kind === "economic") return { kind, ...eachRow(text, parseEconomicSubjectsCsv, "支出经济分类科目") };
  return { kind, ...parseCrosswalkCsv(text) };
}
