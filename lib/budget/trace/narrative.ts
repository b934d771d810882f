import type { Atom, Atoms } from "./atoms";
import type { Composition } from "./resolve";
import { resolveCell } from "./resolve";

/**
 * The amounts of 部门预算情况说明 (narrative/index.ts `narrativeFigures`), each by its figure key,
 * as the table cells or last-year figures it is read from. A change (…Change) is this year's
 * figure minus last year's: last year's atoms enter with a minus sign.
 */
export const NARRATIVE_FIGURE_LABELS: Record<string, string> = {
  incomeTotal: "收入总计",
  incomeChange: "收入总计比上年增减",
  incomeGeneralBudget: "一般公共预算拨款收入",
  expenditureTotal: "支出总计",
  expenditureChange: "支出总计比上年增减",
  generalBudgetIncome: "一般公共预算财政拨款收入",
  generalBudgetExpenditure: "一般公共预算财政拨款支出",
  generalBudgetChange: "一般公共预算财政拨款支出比上年增减",
  basic: "基本支出",
  basicChange: "基本支出比上年增减",
  project: "项目支出",
  projectChange: "项目支出比上年增减",
  threePublicTotal: "“三公”经费合计",
  threePublicChange: "“三公”经费比上年增减",
  abroad: "因公出国（境）费",
  abroadChange: "因公出国（境）费比上年增减",
  reception: "公务接待费",
  receptionChange: "公务接待费比上年增减",
  vehicleOperation: "公务用车运行维护费",
  vehicleOperationChange: "公务用车运行维护费比上年增减",
  vehiclePurchase: "公务用车购置费",
  vehiclePurchaseChange: "公务用车购置费比上年增减",
  operatingFunds: "机关运行经费",
  operatingFundsChange: "机关运行经费比上年增减",
  procurementTotal: "政府采购预算总额",
  procurementGeneralBudget: "政府采购预算（一般公共预算）",
  performanceManagedProjects: "实行绩效目标管理的项目金额",
};

type Cell = [table: string, row: string, column: string];

const CURRENT: Record<string, Cell> = {
  incomeTotal: ["T6", "incomeTotal", "total"],
  incomeGeneralBudget: ["T6", "generalBudget", "total"],
  expenditureTotal: ["T6", "expenditureTotal", "total"],
  generalBudgetIncome: ["T1", "income", "generalBudget"],
  generalBudgetExpenditure: ["T2", "total", "total"],
  basic: ["T2", "total", "basic"],
  project: ["T2", "total", "project"],
  threePublicTotal: ["T4", "current", "total"],
  abroad: ["T4", "current", "abroad"],
  reception: ["T4", "current", "reception"],
  vehicleOperation: ["T4", "current", "vehicleOperation"],
  vehiclePurchase: ["T4", "current", "vehiclePurchase"],
  operatingFunds: ["T3", "total", "public"],
  procurementTotal: ["T9", "total", "total"],
  procurementGeneralBudget: ["T9", "total", "generalBudget"],
  performanceManagedProjects: ["T2", "total", "project"],
};

function priorAtoms(a: Atoms, of: string): Atom[] | undefined {
  const p = a.prior;
  if (!a.hasPrior) return undefined;
  switch (of) {
    case "total":
      return p.byFunction.length > 0 ? p.byFunction : [p.basic!, p.project!];
    case "basic":
      return [p.basic!];
    case "project":
      return [p.project!];
    case "operatingFunds":
      return [p.operatingFunds!];
    case "threePublicTotal":
      return p.threePublic;
    default:
      return p.threePublic.filter((x) => x.part === of);
  }
}

const CHANGES: Record<string, [current: string, prior: string]> = {
  incomeChange: ["incomeTotal", "total"],
  expenditureChange: ["expenditureTotal", "total"],
  generalBudgetChange: ["generalBudgetExpenditure", "total"],
  basicChange: ["basic", "basic"],
  projectChange: ["project", "project"],
  threePublicChange: ["threePublicTotal", "threePublicTotal"],
  abroadChange: ["abroad", "abroad"],
  receptionChange: ["reception", "reception"],
  vehicleOperationChange: ["vehicleOperation", "vehicleOperation"],
  vehiclePurchaseChange: ["vehiclePurchase", "vehiclePurchase"],
  operatingFundsChange: ["operatingFunds", "operatingFunds"],
};

/** Every amount figure key of the narrative (expenditureByClass.<类>: one per printed 类). */
export function narrativeKeys(a: Atoms): string[] {
  const classes = [...new Set([...a.basic, ...a.projects].filter((x) => !x.printed.isZero()).map((x) => (x.function ?? "").slice(0, 3)))].sort();
  return [...Object.keys(CURRENT), ...classes.map((c) => `expenditureByClass.${c}`), ...(a.hasPrior ? Object.keys(CHANGES) : [])];
}

export function narrativeLabel(key: string): string {
  const cls = key.match(/^expenditureByClass\.(\d{3})$/);
  return cls ? `支出 ${cls[1]} 类` : (NARRATIVE_FIGURE_LABELS[key] ?? key);
}

/** The composition of one narrative figure, or null for an unknown key. */
export function resolveNarrative(a: Atoms, key: string): (Composition & { cell?: Cell }) | null {
  const cls = key.match(/^expenditureByClass\.(\d{3})$/);
  if (cls) {
    const c = resolveCell(a, "T6", cls[1]!, "total");
    return c ? { ...c, cell: ["T6", cls[1]!, "total"] } : null;
  }
  const cell = CURRENT[key];
  if (cell) {
    const c = resolveCell(a, ...cell);
    return c ? { parts: c.parts, rows: [{ table: cell[0], row: cell[1], column: cell[2] }], cell } : null;
  }
  const change = CHANGES[key];
  if (!change) return null;
  const current = CURRENT[change[0]]!;
  const now = resolveCell(a, ...current);
  const before = priorAtoms(a, change[1]);
  if (!now || !before) return null;
  return {
    parts: [...now.parts, ...before.map((atom) => ({ atom, sign: -1 as const }))],
    rows: [
      { table: current[0], row: current[1], column: current[2] },
      {
        table: "prior",
        row: "prior",
        column: change[1],
        label: `上年${narrativeLabel(change[0])}（减）`,
        parts: before.map((atom) => ({ atom, sign: -1 as const })),
      },
    ],
  };
}
