import {
  economicCategoryOf,
  economicLevelOf,
  economicParentCode,
  functionLevelOf,
  functionParentCode,
  type EconomicCategory,
  type EconomicSubject,
  type FunctionSubject,
} from "@/lib/catalog/catalog";

/**
 * Reading an official catalogue laid out as a table (the 财政部 volumes are spreadsheets): a code
 * column and a name column somewhere, maybe title rows above, a header row, and other columns
 * (说明) beside. Levels come from the code length (3/5/7 digits 功能分类, 3/5 经济分类); an
 * economic subject's category from its 类 unless a `category` column says otherwise. Pure: the
 * grid comes from a CSV or an Excel sheet, and `where` names a cell the way its source does.
 */

export interface Grid {
  /** Cell texts, row by row (index 0 = the source's first row). */
  rows: string[][];
  /** "工作表“目录”第 5 行 A5 单元格" or "第 5 行第 1 列". */
  where(row: number, col: number): string;
  /** "工作表“目录”第 5 行" or "第 5 行". */
  whereRow(row: number): string;
}

export type TableKind = "function" | "economic";

const HEADER = {
  code: /^(code|科目编码|科目代码|编码|代码|功能分类科目编码|经济分类科目编码)$/i,
  name: /^(name|科目名称|名称|功能分类科目名称|经济分类科目名称)$/i,
  level: /^(level|级次|科目级次)$/i,
  category: /^(category)$/i,
};
/** How far down a header or the first code is looked for (title rows, notes). */
const HEADER_SCAN_ROWS = 30;

const CATEGORIES: readonly EconomicCategory[] = ["personnel", "public", "capital", "other"];

const clean = (s: string | undefined) => (s ?? "").replace(/[\s\u3000]+/g, " ").trim();

interface Layout {
  code: number;
  /** 类/款/项 in separate columns (the printed 财政部 layout): 款 and 项 hold two digits, the 类/款 above carry down. */
  split?: { lei: number; kuan: number; xiang?: number };
  name: number;
  level?: number;
  category?: number;
  /** First data row. */
  start: number;
  /** Found by header names rather than guessed from the data. */
  fromHeader: boolean;
}

function findLayout(grid: Grid): Layout | undefined {
  const scan = grid.rows.slice(0, HEADER_SCAN_ROWS);
  // 科目编码 split into 类 | 款 | 项 sub-columns, the name header in that row or the merged row above.
  for (let r = 0; r < scan.length; r++) {
    const cells = scan[r]!.map(clean);
    const lei = cells.indexOf("类");
    const kuan = cells.indexOf("款");
    if (lei < 0 || kuan < 0) continue;
    const xiang = cells.indexOf("项");
    const nameAt = (row: string[] | undefined) => (row ?? []).map(clean).findIndex((c) => HEADER.name.test(c));
    const name = nameAt(scan[r]) >= 0 ? nameAt(scan[r]) : nameAt(scan[r - 1]);
    if (name < 0) continue;
    return { code: lei, split: { lei, kuan, ...(xiang >= 0 ? { xiang } : {}) }, name, start: r + 1, fromHeader: true };
  }
  for (let r = 0; r < scan.length; r++) {
    const cells = scan[r]!.map(clean);
    const code = cells.findIndex((c) => HEADER.code.test(c));
    const name = cells.findIndex((c) => HEADER.name.test(c));
    if (code < 0 || name < 0) continue;
    const level = cells.findIndex((c) => HEADER.level.test(c));
    const category = cells.findIndex((c) => HEADER.category.test(c));
    return { code, name, start: r + 1, fromHeader: true, ...(level >= 0 ? { level } : {}), ...(category >= 0 ? { category } : {}) };
  }
  // No header: the first row whose some cell is a 3-digit 类 code followed by a text cell.
  for (let r = 0; r < scan.length; r++) {
    const cells = scan[r]!.map(clean);
    const code = cells.findIndex((c) => /^\d{3}$/.test(c));
    if (code < 0) continue;
    const name = cells.findIndex((c, i) => i > code && c !== "" && !/^\d+$/.test(c));
    if (name >= 0) return { code, name, start: r, fromHeader: false };
  }
  return undefined;
}

export interface TableResult<T> {
  rows: T[];
  errors: string[];
  warnings: string[];
}

export function readCatalogTable(kind: "function", grid: Grid, what: string): TableResult<FunctionSubject>;
export function readCatalogTable(kind: "economic", grid: Grid, what: string): TableResult<EconomicSubject>;
export function readCatalogTable(kind: TableKind, grid: Grid, what: string): TableResult<FunctionSubject | EconomicSubject>;
export function readCatalogTable(kind: TableKind, grid: Grid, what: string): TableResult<FunctionSubject | EconomicSubject> {
  const layout = findLayout(grid);
  if (!layout) {
    return {
      rows: [],
      errors: [`${what}：前 ${HEADER_SCAN_ROWS} 行中找不到表头（需有“科目编码”和“科目名称”列，或 code 和 name 列），也找不到以 3 位类级编码开头的数据行`],
      warnings: [],
    };
  }
  const lengths = kind === "function" ? "3、5 或 7" : "3 或 5";
  const rows: (FunctionSubject | EconomicSubject)[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  let skipped = 0;
  const carried = { lei: "", kuan: "" };
  for (let r = layout.start; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const name = clean(cells[layout.name]);
    let rawCode: string;
    let codeCol = layout.code;
    if (layout.split) {
      const part = joinSplitCode(cells, layout.split, carried);
      if ("error" in part) {
        errors.push(`${what}：${grid.where(r, part.col)}：${part.error}`);
        continue;
      }
      rawCode = part.code;
      codeCol = part.col;
    } else rawCode = clean(cells[layout.code]);
    if (rawCode === "" && name === "") continue;
    // Codes printed with spaces or dots between 类/款/项 ("201 03 01") are one code.
    const code = rawCode.replace(/[ .．]/g, "");
    if (rawCode === "") {
      // A note or a section title inside the table, not a subject.
      skipped++;
      continue;
    }
    const level = kind === "function" ? functionLevelOf(code) : economicLevelOf(code);
    const problems: string[] = [];
    if (level === undefined) {
      if (!layout.fromHeader && !/\d/.test(code)) {
        skipped++;
        continue;
      }
      errors.push(`${what}：${grid.where(r, codeCol)}：编码“${rawCode}”应为 ${lengths} 位数字`);
      continue;
    }
    if (name === "") problems.push(`${grid.where(r, layout.name)}：科目名称不能为空`);
    if (layout.level !== undefined) {
      const stated = clean(cells[layout.level]);
      if (stated !== "" && stated !== String(level))
        problems.push(`${grid.where(r, layout.level)}：级次“${stated}”与编码 ${code} 的位数（第 ${level} 级）不符`);
    }
    let category: EconomicCategory | undefined;
    if (kind === "economic") {
      const stated = layout.category !== undefined ? clean(cells[layout.category]) : "";
      if (stated === "") category = economicCategoryOf(code);
      else if ((CATEGORIES as readonly string[]).includes(stated)) category = stated as EconomicCategory;
      else problems.push(`${grid.where(r, layout.category!)}：类别应为 ${CATEGORIES.join("、")} 之一，实际为“${stated}”`);
    }
    const first = seen.get(code);
    if (first !== undefined) problems.push(`${grid.where(r, codeCol)}：编码 ${code} 重复（${first}已有）`);
    if (problems.length > 0) {
      errors.push(...problems.map((p) => `${what}：${p}`));
      continue;
    }
    seen.set(code, grid.whereRow(r));
    if (kind === "function") {
      const parent = functionParentCode(code);
      rows.push({ code, name, level: level as FunctionSubject["level"], ...(parent ? { parent } : {}) });
    } else {
      const parent = economicParentCode(code);
      rows.push({ code, name, level: level as EconomicSubject["level"], category: category!, ...(parent ? { parent } : {}) });
    }
  }
  if (skipped > 0) warnings.push(`${what}：跳过 ${skipped} 行没有科目编码的行（标题或说明）`);
  return { rows, errors, warnings };
}

/**
 * The code of a row in the split layout: the rightmost filled part, prefixed by the 类/款 carried
 * down from the rows above (a 款 row prints only "03" under 款). A part may also be printed whole.
 */
function joinSplitCode(
  cells: string[],
  split: NonNullable<Layout["split"]>,
  carried: { lei: string; kuan: string },
): { code: string; col: number } | { error: string; col: number } {
  const lei = clean(cells[split.lei]).replace(/\s/g, "");
  const kuan = clean(cells[split.kuan]).replace(/\s/g, "");
  const xiang = split.xiang !== undefined ? clean(cells[split.xiang]).replace(/\s/g, "") : "";
  if (lei !== "") {
    carried.lei = lei;
    carried.kuan = "";
  }
  if (kuan !== "") {
    if (/^\d{5}$/.test(kuan)) carried.kuan = kuan;
    else if (/^\d{2}$/.test(kuan)) {
      if (carried.lei === "") return { error: `款“${kuan}”之前没有类级编码`, col: split.kuan };
      carried.kuan = carried.lei + kuan;
    } else return { error: `款“${kuan}”应为 2 位数字`, col: split.kuan };
  }
  if (xiang !== "") {
    if (/^\d{7}$/.test(xiang)) return { code: xiang, col: split.xiang! };
    if (!/^\d{2}$/.test(xiang)) return { error: `项“${xiang}”应为 2 位数字`, col: split.xiang! };
    if (carried.kuan === "") return { error: `项“${xiang}”之前没有款级编码`, col: split.xiang! };
    return { code: carried.kuan + xiang, col: split.xiang! };
  }
  if (kuan !== "") return { code: carried.kuan, col: split.kuan };
  return { code: lei, col: split.lei };
}

/** A CSV as a grid ("第 5 行第 2 列"); quoted cells may hold commas. */
export function csvGrid(text: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = body.split(/\r?\n/).map(splitCsvLine);
  return {
    rows,
    where: (row, col) => `第 ${row + 1} 行第 ${col + 1} 列`,
    whereRow: (row) => `第 ${row + 1} 行`,
  };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      out.push(cell);
      cell = "";
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

/** Excel column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
