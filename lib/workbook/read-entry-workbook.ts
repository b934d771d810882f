import { packageToBudget } from "@/lib/budget/package/to-budget";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { budgetPackageSchema, PACKAGE_FORMAT, type BudgetPackage } from "@/lib/budget/package/schema";
import { describeField } from "@/lib/budget/package/labels";
import { validatePackage } from "@/lib/budget/validate";
import type { Catalog } from "@/lib/catalog/catalog";
import { SHEETS } from "./layout";
import { openEntryWorkbook, pathSegments, placeIndicators, Reader, readKeyedRows, sheetsOf, workbookProblems, type WorkbookProblem } from "./sheet-reader";
import type { WorkbookStamp } from "./write-entry-workbook";

export type ReadWorkbookResult =
  | { ok: true; pkg: BudgetPackage; stamp: WorkbookStamp; cellOf: (path: string) => string | undefined }
  | { ok: false; errors: WorkbookProblem[]; stamp?: WorkbookStamp };

export interface ReadOptions {
  /** The catalogue of the workbook's year; without it codes are checked by the schema only. */
  catalogFor?: (year: number) => Catalog | null | Promise<Catalog | null>;
}

const PLAIN_INDICATOR_KEYS = ["level1", "level2", "name", "unit", "operator", "value", "weight", "core"] as const;
const pickIndicator = (item: Record<string, unknown>) => Object.fromEntries(PLAIN_INDICATOR_KEYS.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));

/**
 * Reads an entry workbook back into a budget package (amounts in 元) through the package
 * schema and, given the year's catalogue, the same code checks as every other import. Any
 * problem, named by sheet, cell and field, means no package at all.
 */
export async function readEntryWorkbook(data: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<ReadWorkbookResult> {
  const opened = await openEntryWorkbook(data, "budget");
  if (!("wb" in opened)) return opened;
  const { wb, stamp } = opened;
  const reader = new Reader();
  const { missing, sheet, form: formInto, list } = sheetsOf(wb, reader);
  const raw: Record<string, unknown> = { format: PACKAGE_FORMAT, kind: "budget", year: stamp.year, amountUnit: "元" };
  const form = (s: Parameters<typeof formInto>[0]) => formInto(s, raw);

  form(SHEETS.unit);
  const unit = (raw.unit ??= {}) as Record<string, unknown>;
  unit.functions = list(SHEETS.functions, (i) => ["unit", "functions", i]).map(({ item }) => item.text);
  // A function is one value: the whole row is its cell.
  unit.subUnits = list(SHEETS.subUnits, (i) => ["unit", "subUnits", i]).map(({ item }) => item);
  form(SHEETS.income);
  raw.basicExpenditure = list(SHEETS.basic, (i) => ["basicExpenditure", i]).map(({ item: { functionName: _f, economicName: _e, ...l } }) => l);

  const projects = list(SHEETS.projects, (i) => ["projects", i]).map(
    ({ item }) => ({ ...item, indicators: [] as unknown[] }) as Record<string, unknown> & { indicators: unknown[] },
  );
  raw.projects = projects;
  const indicatorSheet = sheet(SHEETS.indicators.name);
  if (indicatorSheet) {
    placeIndicators(
      reader,
      indicatorSheet,
      SHEETS.indicators,
      projects,
      (at) => ({ list: projects[at]!.indicators, path: `projects[${at}].indicators` }),
      pickIndicator,
    );
  }

  form(SHEETS.threePublic);
  raw.procurement = list(SHEETS.procurement, (i) => ["procurement", i]).map(({ item }) => item);
  form(SHEETS.assets);
  form(SHEETS.performance);
  const perf = (raw.performance ??= {}) as Record<string, unknown>;
  perf.indicators = list(SHEETS.performanceIndicators, (i) => ["performance", "indicators", i]).map(({ item }) => pickIndicator(item));
  form(SHEETS.narrative);

  // 上年 is there when anything of it is filled: a first year leaves both sheets empty.
  const prior: Record<string, unknown> = {};
  const priorFilled = form(SHEETS.prior) && raw.priorYear !== undefined;
  if (raw.priorYear) Object.assign(prior, raw.priorYear);
  delete raw.priorYear;
  const byFunction = list(SHEETS.priorByFunction, () => ["priorYear", "expenditureByFunction", "?"]);
  if (byFunction.length > 0) {
    prior.expenditureByFunction = readKeyedRows(reader, byFunction, {
      sheet: SHEETS.priorByFunction.name,
      key: "function",
      keyLabel: "功能分类科目编码",
      each: "每个科目",
      value: "amount",
      fallback: "0",
      column: "C",
      valueLabel: "上年一般公共预算支出（元）",
      path: ["priorYear", "expenditureByFunction"],
    });
  }
  if (priorFilled || byFunction.length > 0) raw.priorYear = prior;

  if (missing.length > 0) return { ok: false, errors: missing, stamp };

  const parsed = budgetPackageSchema.safeParse(raw, { reportInput: true });
  const errors = workbookProblems(reader, parsed);
  const catalog = options.catalogFor ? await options.catalogFor(stamp.year) : null;
  if (options.catalogFor && !catalog) {
    errors.push({ path: "year", message: `数据库中没有 ${stamp.year} 年的科目目录，请先由管理员导入该年度的功能分类和经济分类科目` });
  }
  if (catalog) {
    const schemaPaths = new Set(errors.map((e) => e.path));
    for (const e of validatePackage(codesView(raw), catalog)) {
      if (schemaPaths.has(e.path)) continue;
      const segs = pathSegments(e.path);
      const prefix = `${describeField(segs)}：`;
      const message = e.message.startsWith(prefix) ? `${reader.describe(segs)}：${e.message.slice(prefix.length)}` : e.message;
      errors.push(reader.at({ path: e.path, message }));
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, stamp };
  return { ok: true, pkg: budgetToPackage(packageToBudget(parsed.data), { unit: "元" }), stamp, cellOf: reader.cellOf };
}

/** The codes of a package not yet known to pass the schema, made safe to check. */
function codesView(raw: Record<string, unknown>) {
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  const arr = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const unit = (raw.unit ?? {}) as Record<string, unknown>;
  return {
    unit: { code: s(unit.code), subUnits: arr(unit.subUnits).map((x) => ({ code: s(x.code) })) },
    basicExpenditure: arr(raw.basicExpenditure).map((l) => ({ function: s(l.function), economic: s(l.economic), fund: l.fund as string | undefined })),
    projects: arr(raw.projects).map((p) => ({
      code: s(p.code),
      function: s(p.function),
      economic: p.economic === undefined ? undefined : s(p.economic),
      subUnit: s(p.subUnit),
      tier: p.tier as string | undefined,
    })),
    priorYear: raw.priorYear as { expenditureByFunction?: Record<string, unknown> } | undefined,
  };
}
