import { plus, type Atom, type Composition, type RowRef } from "@/lib/budget/trace";
import type { FinalAtoms } from "./atoms";
import { resolveFinalCell } from "./resolve";

/**
 * The amounts of 部门决算情况说明 (narrative/index.ts `finalNarrativeFigures`) by figure key. A
 * figure is read from a table cell or from atoms the tables do not print (会议费, 政府采购…);
 * `<key>Change` is the figure minus last year's (上年决算数, its atoms with a minus sign) and
 * `<key>VsInitial` the figure minus its 年初预算数. Rates, shares, counts and per-head figures
 * are ratios, not sums of lines, and have no trace.
 */
export const FINAL_NARRATIVE_LABELS: Record<string, string> = {
  grandTotal: "收入支出总计",
  priorGrandTotal: "上年收入支出总计",
  incomeTotal: "本年收入合计",
  fiscalIncome: "财政拨款收入",
  expenditureTotal: "本年支出合计",
  basic: "基本支出",
  project: "项目支出",
  opening: "年初结转和结余",
  closing: "年末结转和结余",
  fiscalGrandTotal: "财政拨款收入支出总计",
  generalBudgetIncome: "一般公共预算财政拨款收入",
  generalBudgetExpenditure: "一般公共预算财政拨款支出",
  generalBudgetInitial: "一般公共预算财政拨款年初预算数",
  generalBudgetOpening: "一般公共预算财政拨款年初结转和结余",
  generalBudgetClosing: "一般公共预算财政拨款年末结转和结余",
  personnel: "人员经费",
  public: "公用经费",
  governmentFundIncome: "政府性基金预算财政拨款收入",
  governmentFundExpenditure: "政府性基金预算财政拨款支出",
  stateCapital: "国有资本经营预算财政拨款支出",
  threePublicTotal: "“三公”经费合计",
  abroad: "因公出国（境）费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行维护费",
  reception: "公务接待费",
  operatingFunds: "机关运行经费",
  meetings: "会议费",
  training: "培训费",
  procurementTotal: "政府采购支出总额",
  procurementGoods: "政府采购货物支出",
  procurementWorks: "政府采购工程支出",
  procurementServices: "政府采购服务支出",
  procurementSmallMedium: "授予中小企业合同金额",
  procurementMicro: "授予小微企业合同金额",
  evaluatedFunds: "开展绩效自评的项目资金",
};

type Cell = [table: string, row: string, column: string];
type Source = { cell: Cell } | { atoms: (a: FinalAtoms) => Atom[] };

const THREE_PUBLIC = {
  threePublicTotal: "total",
  abroad: "abroad",
  vehiclePurchase: "vehiclePurchase",
  vehicleOperation: "vehicleOperation",
  reception: "reception",
} as const;
const procurement = (part: string) => (a: FinalAtoms) => a.procurement.filter((x) => x.part === part);

const CURRENT: Record<string, Source> = {
  grandTotal: { cell: ["F1", "incomeTotal", "amount"] },
  incomeTotal: { cell: ["F1", "income", "amount"] },
  fiscalIncome: { cell: ["F4", "income", "total"] },
  expenditureTotal: { cell: ["F1", "expenditure", "amount"] },
  basic: { cell: ["F3", "total", "basic"] },
  project: { cell: ["F3", "total", "project"] },
  opening: { cell: ["F1", "opening", "amount"] },
  closing: { cell: ["F1", "closing", "amount"] },
  fiscalGrandTotal: { cell: ["F4", "incomeTotal", "total"] },
  generalBudgetIncome: { cell: ["F4", "income", "generalBudget"] },
  generalBudgetExpenditure: { cell: ["F5", "total", "total"] },
  generalBudgetInitial: { cell: ["F5", "total", "initial"] },
  generalBudgetOpening: { cell: ["F4", "opening", "generalBudget"] },
  generalBudgetClosing: { cell: ["F4", "closing", "generalBudget"] },
  personnel: { cell: ["F6", "total", "personnel"] },
  public: { cell: ["F6", "total", "public"] },
  governmentFundIncome: { cell: ["F8", "income", "total"] },
  governmentFundExpenditure: { cell: ["F8", "total", "total"] },
  stateCapital: { cell: ["F9", "total", "total"] },
  ...Object.fromEntries(Object.entries(THREE_PUBLIC).map(([k, c]) => [k, { cell: ["F7", "actual", c] as Cell }])),
  operatingFunds: { cell: ["F6", "total", "public"] },
  meetings: { atoms: (a) => [a.meetings] },
  training: { atoms: (a) => [a.training] },
  procurementTotal: { atoms: (a) => a.procurement.filter((x) => ["goods", "works", "services"].includes(x.part ?? "")) },
  procurementGoods: { atoms: procurement("goods") },
  procurementWorks: { atoms: procurement("works") },
  procurementServices: { atoms: procurement("services") },
  procurementSmallMedium: { atoms: procurement("smallMedium") },
  procurementMicro: { atoms: procurement("micro") },
  evaluatedFunds: { atoms: (a) => a.evaluatedFunds },
};

const FISCAL = ["generalBudget", "governmentFund", "stateCapital"];
const fiscal = (atoms: Atom[]) => atoms.filter((x) => FISCAL.includes(x.fund ?? ""));
const ofFund = (fund: string) => (atoms: Atom[]) => atoms.filter((x) => x.fund === fund);

/** Last year's figure each `<key>Change` subtracts. */
const PRIOR: Record<string, (p: NonNullable<FinalAtoms["prior"]>) => Atom[]> = {
  grandTotal: (p) => [...p.income, ...p.opening],
  incomeTotal: (p) => p.income,
  expenditureTotal: (p) => p.expenditure,
  closing: (p) => p.closing,
  fiscalGrandTotal: (p) => [...fiscal(p.income), ...fiscal(p.opening)],
  generalBudgetIncome: (p) => ofFund("generalBudget")(p.income),
  generalBudgetExpenditure: (p) => ofFund("generalBudget")(p.expenditure),
  generalBudgetClosing: (p) => ofFund("generalBudget")(p.closing),
  governmentFundIncome: (p) => ofFund("governmentFund")(p.income),
  governmentFundExpenditure: (p) => ofFund("governmentFund")(p.expenditure),
  personnel: (p) => [p.personnel],
  public: (p) => [p.public],
  threePublicTotal: (p) => p.threePublic,
  abroad: (p) => p.threePublic.filter((x) => x.part === "abroad"),
  vehiclePurchase: (p) => p.threePublic.filter((x) => x.part === "vehiclePurchase"),
  vehicleOperation: (p) => p.threePublic.filter((x) => x.part === "vehicleOperation"),
  reception: (p) => p.threePublic.filter((x) => x.part === "reception"),
  operatingFunds: (p) => [p.operatingFunds],
  meetings: (p) => [p.meetings],
  training: (p) => [p.training],
};

/** The 年初预算数 each `<key>VsInitial` subtracts. */
const INITIAL: Record<string, (a: FinalAtoms) => Atom[]> = {
  generalBudgetIncome: (a) => ofFund("generalBudget")(a.expenditure.initial),
  generalBudgetExpenditure: (a) => ofFund("generalBudget")(a.expenditure.initial),
  threePublicTotal: (a) => a.threePublic.initial,
  abroad: (a) => a.threePublic.initial.filter((x) => x.part === "abroad"),
  vehiclePurchase: (a) => a.threePublic.initial.filter((x) => x.part === "vehiclePurchase"),
  vehicleOperation: (a) => a.threePublic.initial.filter((x) => x.part === "vehicleOperation"),
  reception: (a) => a.threePublic.initial.filter((x) => x.part === "reception"),
};

/** Every amount figure key of the 决算 narrative, given the 类 rows F5 prints (byClass.<类>). */
export function finalNarrativeKeys(a: FinalAtoms, classes: string[]): string[] {
  return [
    ...Object.keys(CURRENT),
    ...(a.prior ? ["priorGrandTotal", ...Object.keys(PRIOR).map((k) => `${k}Change`)] : []),
    ...Object.keys(INITIAL).map((k) => `${k}VsInitial`),
    ...classes.flatMap((c) => [`byClass.${c}`, `byClassVsInitial.${c}`]),
  ];
}

export function finalNarrativeLabel(key: string): string {
  const cls = key.match(/^byClass(VsInitial)?\.(\d{3})$/);
  if (cls) return `一般公共预算财政拨款支出 ${cls[2]} 类${cls[1] ? "比年初预算增减" : ""}`;
  const m = key.match(/^(.+?)(Change|VsInitial)?$/)!;
  const base = FINAL_NARRATIVE_LABELS[m[1]!] ?? m[1]!;
  return m[2] === "Change" ? `${base}比上年增减` : m[2] === "VsInitial" ? `${base}比年初预算增减` : base;
}

function current(a: FinalAtoms, key: string): (Composition & { ref: RowRef }) | null {
  const s = CURRENT[key];
  if (!s) return null;
  if ("cell" in s) {
    const c = resolveFinalCell(a, ...s.cell);
    const [table, row, column] = s.cell;
    return c ? { parts: c.parts, ref: { table, row, column } } : null;
  }
  const parts = plus(s.atoms(a));
  return { parts, ref: { table: "atoms", row: key, column: key, label: finalNarrativeLabel(key), parts } };
}

const minus = (atoms: Atom[]) => atoms.map((atom) => ({ atom, sign: -1 as const }));

/** The composition of one narrative figure, or null for an unknown key. */
export function resolveFinalNarrative(a: FinalAtoms, key: string): Composition | null {
  const cls = key.match(/^byClass(VsInitial)?\.(\d{3})$/);
  if (cls) {
    const now = resolveFinalCell(a, "F5", cls[2]!, "total");
    if (!now) return null;
    const nowRef = { table: "F5", row: cls[2]!, column: "total" };
    if (!cls[1]) return { parts: now.parts, rows: [nowRef] };
    const initial = resolveFinalCell(a, "F5", cls[2]!, "initial")!;
    return {
      parts: [...now.parts, ...minus(initial.parts.map((p) => p.atom))],
      rows: [nowRef, { table: "initial", row: cls[2]!, column: "initial", label: "年初预算数（减）", parts: minus(initial.parts.map((p) => p.atom)) }],
    };
  }
  if (key === "priorGrandTotal") return a.prior ? { parts: plus(PRIOR.grandTotal!(a.prior)) } : null;
  const direct = current(a, key);
  if (direct) return direct.ref.parts ? { parts: direct.parts } : { parts: direct.parts, rows: [direct.ref] };
  const m = key.match(/^(.+?)(Change|VsInitial)$/);
  if (!m) return null;
  const now = current(a, m[1]!);
  if (!now) return null;
  const before = m[2] === "Change" ? (a.prior && PRIOR[m[1]!] ? PRIOR[m[1]!]!(a.prior) : null) : (INITIAL[m[1]!]?.(a) ?? null);
  if (!before) return null;
  const label = m[2] === "Change" ? `上年${finalNarrativeLabel(m[1]!)}（减）` : `${finalNarrativeLabel(m[1]!)}年初预算数（减）`;
  return {
    parts: [...now.parts, ...minus(before)],
    rows: [
      now.ref,
      { table: m[2] === "Change" ? "prior" : "initial", row: m[2] === "Change" ? "prior" : "initial", column: m[1]!, label, parts: minus(before) },
    ],
  };
}
