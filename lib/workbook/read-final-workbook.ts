import ExcelJS from "exceljs";
import type { PathSegment } from "@/lib/budget/package/labels";
import { issuesToErrors, PACKAGE_FORMAT, type PackageError } from "@/lib/budget/package/schema";
import { finalPackageSchema, type FinalPackage } from "@/lib/final/package/schema";
import { describeFinalField } from "@/lib/final/package/labels";
import { FINAL_SHEETS } from "./final-layout";
import type { FormSheet, ListSheet } from "./layout";
import { pathSegments, Reader, readStamp, type WorkbookProblem } from "./read-entry-workbook";
import type { WorkbookStamp } from "./write-entry-workbook";

export type ReadFinalWorkbookResult =
  | { ok: true; pkg: FinalPackage; stamp: WorkbookStamp; cellOf: (path: string) => string | undefined }
  | { ok: false; errors: WorkbookProblem[]; stamp?: WorkbookStamp };

function unflatten(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const keys = key.split(".");
    let cur = out;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[keys[keys.length - 1]!] = value;
  }
  return out;
}

const INDICATOR_KEYS = ["level1", "level2", "name", "unit", "operator", "value", "weight", "core", "actual", "ratio", "score", "reason"] as const;

/**
 * Reads a 决算's entry workbook back into a 决算 package (amounts in 元) through the 决算
 * package schema, with the budget workbook's reader (read-entry-workbook.ts): every problem
 * names its sheet, cell and field, and any problem means no package at all.
 */
export async function readFinalWorkbook(data: Uint8Array | ArrayBuffer): Promise<ReadFinalWorkbookResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer, { ignoreNodes: ["dataValidations", "conditionalFormatting", "sheetProtection"] } as never);
  } catch {
    return { ok: false, errors: [{ path: "", message: "文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后上传" }] };
  }
  const stamp = readStamp(wb);
  if (typeof stamp === "string") return { ok: false, errors: [{ path: "", message: stamp }] };
  if (stamp.kind !== "final")
    return { ok: false, errors: [{ path: "", message: "这是预算的录入工作簿，不能导入决算；请在决算的“导入与下载”页下载决算录入工作簿" }], stamp };

  const reader = new Reader();
  reader.describe = (path: readonly PathSegment[]) => {
    const at = reader.locate(path);
    return at ? `${at.cell}（${at.label}）` : describeFinalField(path);
  };
  const missing: WorkbookProblem[] = [];
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) missing.push({ path: "", message: `缺少工作表“${name}”，请勿删除或重命名录入工作簿的工作表` });
    return ws;
  };
  const raw: Record<string, unknown> = { format: PACKAGE_FORMAT, kind: "final", year: stamp.year, amountUnit: "元" };
  const form = (s: FormSheet) => {
    const ws = sheet(s.name);
    if (ws) reader.readForm(ws, s, raw);
  };
  const list = (s: ListSheet, base: (i: number) => PathSegment[]) => {
    const ws = sheet(s.name);
    return ws ? reader.readList(ws, s, base) : [];
  };
  const S = FINAL_SHEETS;

  form(S.unit);
  const unit = (raw.unit ??= {}) as Record<string, unknown>;
  unit.functions = list(S.functions, (i) => ["unit", "functions", i]).map(({ item }) => item.text);
  unit.subUnits = list(S.subUnits, (i) => ["unit", "subUnits", i]).map(({ item }) => item);
  raw.income = list(S.income, (i) => ["income", i]).map(({ item: { functionName: _f, ...l } }) => l);
  form(S.carryover);
  raw.basicExpenditure = list(S.basic, (i) => ["basicExpenditure", i]).map(({ item: { functionName: _f, economicName: _e, ...l } }) => l);
  const projects = list(S.projects, (i) => ["projects", i]).map(({ item: { functionName: _f, ...p } }) => unflatten(p));
  raw.projects = projects;
  const byCode = new Map<unknown, number>();
  projects.forEach((p, i) => {
    if (!byCode.has(p.code)) byCode.set(p.code, i);
  });
  const indicatorSheet = sheet(S.indicators.name);
  if (indicatorSheet) {
    // As in the budget's workbook: indicator rows are read alone, then placed under their
    // project, their cells known by the path they end up at.
    const scratch = new Reader();
    const rows = scratch.readList(indicatorSheet, S.indicators, (i) => ["indicators", i]);
    reader.problems.push(...scratch.problems);
    rows.forEach(({ row, item }, i) => {
      const at = byCode.get(item.project);
      if (at === undefined) {
        reader.problem(
          `${S.indicators.name}!A${row}`,
          "项目编码",
          item.project === undefined ? "缺少所属项目的编码" : `“项目”表中没有编码为 ${String(item.project)} 的项目`,
        );
        return;
      }
      const evaluation = (projects[at]!.selfEvaluation ??= { budget: {}, actual: {} }) as Record<string, unknown>;
      const target = (evaluation.indicators ??= []) as unknown[];
      const j = target.length;
      target.push(Object.fromEntries(INDICATOR_KEYS.filter((k) => item[k] !== undefined).map((k) => [k, item[k]])));
      for (const [key, place] of scratch.places) {
        const prefix = `indicators[${i}]`;
        if (key === prefix || key.startsWith(`${prefix}.`))
          reader.places.set(`projects[${at}].selfEvaluation.indicators[${j}]${key.slice(prefix.length)}`, place);
      }
    });
  }
  // A self-evaluation needs its two splits even when only its texts are filled.
  for (const p of projects) {
    const e = p.selfEvaluation as Record<string, unknown> | undefined;
    if (e) {
      e.budget ??= {};
      e.actual ??= {};
    }
  }
  form(S.threePublic);
  form(S.other);
  form(S.reasons);
  const byClass = list(S.reasonsByClass, () => ["reasons", "byClass", "?"]);
  if (byClass.length > 0) {
    const map: Record<string, unknown> = {};
    for (const { row, item } of byClass) {
      const code = String(item.class ?? "");
      const ref = `${S.reasonsByClass.name}!A${row}`;
      if (code === "") reader.problem(ref, "功能分类科目（类）编码", "缺少科目编码");
      else if (code in map) reader.problem(ref, "功能分类科目（类）编码", `科目 ${code} 重复，每类只能有一行`);
      else {
        map[code] = item.text ?? "";
        reader.place(["reasons", "byClass", code], `${S.reasonsByClass.name}!B${row}`, "增减变化原因");
      }
    }
    ((raw.reasons ??= {}) as Record<string, unknown>).byClass = map;
  }
  form(S.prior);

  if (missing.length > 0) return { ok: false, errors: missing, stamp };
  const failedCells = new Set(reader.problems.map((p) => p.path).filter((p) => p !== ""));
  const errors: WorkbookProblem[] = [...reader.problems];
  const parsed = finalPackageSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const e of issuesToErrors(parsed.error.issues, reader.describe)) {
      if (failedCells.has(e.path)) continue;
      const place = e.path === "" ? undefined : reader.locate(pathSegments(e.path));
      errors.push(place ? { ...e, cell: place.cell } : (e as PackageError));
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, stamp };
  const cellOf = (path: string) => (path === "" ? undefined : reader.locate(pathSegments(path))?.cell);
  return { ok: true, pkg: parsed.data, stamp, cellOf };
}
