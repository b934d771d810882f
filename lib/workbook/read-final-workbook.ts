import type { PathSegment } from "@/lib/budget/package/labels";
import { PACKAGE_FORMAT } from "@/lib/budget/package/schema";
import { finalPackageSchema, type FinalPackage } from "@/lib/final/package/schema";
import { describeFinalField } from "@/lib/final/package/labels";
import { FINAL_SHEETS } from "./final-layout";
import type { FormSheet } from "./layout";
import { openEntryWorkbook, placeIndicators, Reader, readKeyedRows, sheetsOf, workbookProblems, type WorkbookProblem } from "./sheet-reader";
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
const pickIndicator = (item: Record<string, unknown>) => Object.fromEntries(INDICATOR_KEYS.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));

/**
 * Reads a 决算's entry workbook back into a 决算 package (amounts in 元) through the 决算
 * package schema, with the budget workbook's reader (sheet-reader.ts): every problem names its
 * sheet, cell and field, and any problem means no package at all.
 */
export async function readFinalWorkbook(data: Uint8Array | ArrayBuffer): Promise<ReadFinalWorkbookResult> {
  const opened = await openEntryWorkbook(data, "final");
  if (!("wb" in opened)) return opened;
  const { wb, stamp } = opened;
  const reader = new Reader();
  reader.describe = (path: readonly PathSegment[]) => {
    const at = reader.locate(path);
    return at ? `${at.cell}（${at.label}）` : describeFinalField(path);
  };
  const { missing, sheet, form: formInto, list } = sheetsOf(wb, reader);
  const raw: Record<string, unknown> = { format: PACKAGE_FORMAT, kind: "final", year: stamp.year, amountUnit: "元" };
  const form = (s: FormSheet) => void formInto(s, raw);
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
  const indicatorSheet = sheet(S.indicators.name);
  if (indicatorSheet) {
    const into = (at: number) => {
      const evaluation = (projects[at]!.selfEvaluation ??= { budget: {}, actual: {} }) as Record<string, unknown>;
      return { list: (evaluation.indicators ??= []) as unknown[], path: `projects[${at}].selfEvaluation.indicators` };
    };
    placeIndicators(reader, indicatorSheet, S.indicators, projects, into, pickIndicator);
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
    ((raw.reasons ??= {}) as Record<string, unknown>).byClass = readKeyedRows(reader, byClass, {
      sheet: S.reasonsByClass.name,
      key: "class",
      keyLabel: "功能分类科目（类）编码",
      each: "每类",
      value: "text",
      fallback: "",
      column: "B",
      valueLabel: "增减变化原因",
      path: ["reasons", "byClass"],
    });
  }
  form(S.prior);

  if (missing.length > 0) return { ok: false, errors: missing, stamp };
  const parsed = finalPackageSchema.safeParse(raw, { reportInput: true });
  const errors = workbookProblems(reader, parsed);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, stamp };
  return { ok: true, pkg: parsed.data, stamp, cellOf: reader.cellOf };
}
