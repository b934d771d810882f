import { findEconomic, findFunction, missingSubjectMessage, priorFunctionProblem, type Catalog } from "@/lib/catalog/catalog";
import { describeField, formatPath, type PathSegment } from "./package/labels";

/**
 * Semantic checks a schema cannot make: codes against the year's catalogue and references
 * inside the budget. They read only codes, so they accept a parsed package and a `Budget` alike.
 * The importer runs the schema, then these; the rules registry reports the same checks by name.
 */

export interface ValidationError {
  path: string;
  message: string;
}

export interface CodesView {
  unit: { code?: string; subUnits?: readonly { code: string }[] };
  basicExpenditure?: readonly { function: string; economic: string; fund?: string }[];
  projects?: readonly { code: string; function: string; economic?: string; subUnit: string; tier?: string }[];
  /** 上年 figures use last year's codes: checked against this year's and last year's catalogues. */
  priorYear?: { expenditureByFunction?: Readonly<Record<string, unknown>> };
}

function error(path: PathSegment[], message: string): ValidationError {
  return { path: formatPath(path), message: `${describeField(path)}：${message}` };
}

function functionProblem(catalog: Catalog, code: string): string | undefined {
  const subject = findFunction(catalog, code);
  if (!subject) {
    return code.length === 7 ? missingSubjectMessage(catalog.year, code) : `功能分类科目应为 7 位的“项”级编码，${code} 是 ${code.length} 位`;
  }
  if (subject.level !== 3) return `功能分类科目应填到“项”级（7 位），${code} ${subject.name} 是${subject.level === 1 ? "类" : "款"}级`;
  return undefined;
}

function economicProblem(catalog: Catalog, code: string): string | undefined {
  const subject = findEconomic(catalog, code);
  if (!subject) {
    return code.length === 5 ? missingSubjectMessage(catalog.year, code) : `经济分类科目应为 5 位的“款”级编码，${code} 是 ${code.length} 位`;
  }
  if (subject.level !== 2) return `经济分类科目应填到“款”级（5 位），${code} ${subject.name} 是类级`;
  return undefined;
}

export function checkFunctionCodes(b: CodesView, catalog: Catalog): ValidationError[] {
  const out: ValidationError[] = [];
  (b.basicExpenditure ?? []).forEach((l, i) => {
    const p = functionProblem(catalog, l.function);
    if (p) out.push(error(["basicExpenditure", i, "function"], p));
  });
  (b.projects ?? []).forEach((pr, i) => {
    const p = functionProblem(catalog, pr.function);
    if (p) out.push(error(["projects", i, "function"], p));
  });
  for (const code of Object.keys(b.priorYear?.expenditureByFunction ?? {})) {
    const p = priorFunctionProblem(catalog, code);
    if (p) out.push(error(["priorYear", "expenditureByFunction", code], p));
  }
  return out;
}

export function checkEconomicCodes(b: CodesView, catalog: Catalog): ValidationError[] {
  const out: ValidationError[] = [];
  (b.basicExpenditure ?? []).forEach((l, i) => {
    const p = economicProblem(catalog, l.economic);
    if (p) out.push(error(["basicExpenditure", i, "economic"], p));
  });
  (b.projects ?? []).forEach((pr, i) => {
    if (pr.economic === undefined) return;
    const p = economicProblem(catalog, pr.economic);
    if (p) out.push(error(["projects", i, "economic"], p));
  });
  return out;
}

export function checkProjectCodesUnique(b: CodesView): ValidationError[] {
  const first = new Map<string, number>();
  const out: ValidationError[] = [];
  (b.projects ?? []).forEach((pr, i) => {
    const seen = first.get(pr.code);
    if (seen === undefined) first.set(pr.code, i);
    else out.push(error(["projects", i, "code"], `项目编码 ${pr.code} 与 projects[${seen}] 重复`));
  });
  return out;
}

export function checkProjectSubUnits(b: CodesView): ValidationError[] {
  const known = new Set((b.unit.subUnits ?? []).map((s) => s.code));
  const out: ValidationError[] = [];
  (b.projects ?? []).forEach((pr, i) => {
    // A 一级项目 is compiled by the department itself, as its published table says.
    if (pr.tier === "program" && pr.subUnit === b.unit.code) return;
    if (!known.has(pr.subUnit)) {
      const list = [...known].join("、") || "（未填写所属单位）";
      out.push(error(["projects", i, "subUnit"], `编制单位 ${pr.subUnit} 不是本部门的所属单位（${list}）`));
    }
  });
  return out;
}

/**
 * One basic-expenditure line per 功能分类 × 经济分类 × fund (the grid's rows): a second line with
 * the same key would be one amount entered twice, and the grid could not show which is which.
 */
export function checkBasicLinesUnique(b: CodesView): ValidationError[] {
  const first = new Map<string, number>();
  const out: ValidationError[] = [];
  (b.basicExpenditure ?? []).forEach((l, i) => {
    const key = `${l.function}|${l.economic}|${l.fund ?? "generalBudget"}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else out.push(error(["basicExpenditure", i], `与 basicExpenditure[${seen}] 重复（同一功能分类、经济分类和资金来源只能有一行）`));
  });
  return out;
}

/** Each sub-unit once: the budget lists its sub-units by code. */
export function checkSubUnitsUnique(b: CodesView): ValidationError[] {
  const first = new Map<string, number>();
  const out: ValidationError[] = [];
  (b.unit.subUnits ?? []).forEach((s, i) => {
    const seen = first.get(s.code);
    if (seen === undefined) first.set(s.code, i);
    else out.push(error(["unit", "subUnits", i, "code"], `单位编码 ${s.code} 与 unit.subUnits[${seen}] 重复`));
  });
  return out;
}

/** All semantic checks of a parsed package, in the order an accountant fixes them. */
export function validatePackage(b: CodesView, catalog: Catalog): ValidationError[] {
  return [
    ...checkFunctionCodes(b, catalog),
    ...checkEconomicCodes(b, catalog),
    ...checkBasicLinesUnique(b),
    ...checkSubUnitsUnique(b),
    ...checkProjectCodesUnique(b),
    ...checkProjectSubUnits(b),
  ];
}
