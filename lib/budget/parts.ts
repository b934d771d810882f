/**
 * The parts of a budget, listed once, in the order of the published document and of the
 * accountant's workspace. Each part is named three ways because three layers meet it: the
 * workspace's section (its URL, `three-public`), the Budget Package's top-level key
 * (`threePublic`, also a package path's first segment and a comment's section) and the stored
 * part a section save rewrites (`threePublic`; the unit section rewrites the sub-units).
 */
export const BUDGET_PARTS = [
  { section: "unit", key: "unit", part: "subUnits", label: "单位基本情况" },
  { section: "income", key: "income", part: "income", label: "收入预算" },
  { section: "basic", key: "basicExpenditure", part: "basic", label: "基本支出" },
  { section: "projects", key: "projects", part: "projects", label: "项目支出" },
  { section: "three-public", key: "threePublic", part: "threePublic", label: "“三公”经费" },
  { section: "procurement", key: "procurement", part: "procurement", label: "政府采购" },
  { section: "assets", key: "assets", part: "assets", label: "国有资产" },
  { section: "performance", key: "performance", part: "performance", label: "整体绩效目标" },
  { section: "narrative", key: "narrative", part: "narrative", label: "情况说明" },
  { section: "prior", key: "priorYear", part: "prior", label: "上年预算数" },
] as const;

export type BudgetPartDef = (typeof BUDGET_PARTS)[number];
/** A workspace section (its URL segment). */
export type SectionId = BudgetPartDef["section"];
/** A Budget Package top-level key that holds a part. */
export type PackageKey = BudgetPartDef["key"];
/** A stored part of a budget below its row (lib/db/budgets/write-budget.ts). */
export type BudgetPart = BudgetPartDef["part"];

export const SECTION_ORDER: readonly SectionId[] = BUDGET_PARTS.map((p) => p.section);
export const PACKAGE_KEY_ORDER: readonly PackageKey[] = BUDGET_PARTS.map((p) => p.key);
export const ALL_PARTS: readonly BudgetPart[] = BUDGET_PARTS.map((p) => p.part);

export function isSectionId(value: string): value is SectionId {
  return (SECTION_ORDER as readonly string[]).includes(value);
}

export function partOfSection<S extends SectionId>(section: S): Extract<BudgetPartDef, { section: S }> {
  return BUDGET_PARTS.find((p) => p.section === section) as Extract<BudgetPartDef, { section: S }>;
}

/** The part a package path ("projects[2].amount", "threePublic.reception") or a top-level key belongs to. */
export function partOfPath(path: string): BudgetPartDef | undefined {
  const top = path.split(/[.[/]/)[0] ?? "";
  return BUDGET_PARTS.find((p) => p.key === top);
}
