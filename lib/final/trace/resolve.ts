import { plus, treeCell, type Atom, type Composition } from "@/lib/budget/trace";
import { isPersonnelEconomic } from "@/lib/catalog/catalog";
import { incomeSourceOf } from "@/lib/final/tables/f1-summary";
import { INCOME_SOURCES } from "@/lib/final/tables/types";
import type { FinalAtoms } from "./atoms";

const FISCAL = ["generalBudget", "governmentFund", "stateCapital"];
const FUNCTION_LENGTHS = [3, 5, 7];
const fnCode = (a: Atom) => a.function;
const isFiscal = (a: Atom) => FISCAL.includes(a.fund ?? "");
const nonZeroClasses = (atoms: Atom[]) => [...new Set(atoms.filter((x) => !x.printed.isZero()).map((x) => (x.function ?? "").slice(0, 3)))].sort();

/** 功能 tree of 决算数 split into 基本/项目 (F3, F8, F9) over the expenditure atoms kept. */
function splitTree(table: string, a: FinalAtoms, keep: (x: Atom) => boolean, row: string, column: string): Composition | null {
  const exp = a.expenditure.actual.filter(keep);
  const cols: Record<string, Atom[]> = {
    total: exp,
    basic: exp.filter((x) => x.part === "basic"),
    project: exp.filter((x) => x.part === "project"),
  };
  return treeCell(table, row, column, (c) => cols[c], fnCode, FUNCTION_LENGTHS, ["basic", "project"]);
}

/** How one printed cell of the 决算 tables is composed, or null for a cell no table prints. */
export function resolveFinalCell(a: FinalAtoms, table: string, row: string, column: string): Composition | null {
  switch (table) {
    case "F1":
      return column === "amount" ? resolveF1(a, row) : null;
    case "F2": {
      const others = ["superiorSubsidy", "operations", "business", "subordinateRemit", "other"];
      const cols: Record<string, Atom[]> = { total: a.income, fiscal: a.income.filter(isFiscal) };
      for (const c of others) cols[c] = a.income.filter((x) => !isFiscal(x) && incomeSourceOf(x.fund!) === c);
      return treeCell("F2", row, column, (c) => cols[c], fnCode, FUNCTION_LENGTHS, ["fiscal", ...others]);
    }
    case "F3":
      return splitTree("F3", a, () => true, row, column);
    case "F4":
      return resolveF4(a, row, column);
    case "F5": {
      const gb = (c: "initial" | "actual") => a.expenditure[c].filter((x) => x.fund === "generalBudget");
      const actual = gb("actual");
      const cols: Record<string, Atom[]> = {
        initial: gb("initial"),
        total: actual,
        basic: actual.filter((x) => x.part === "basic"),
        project: actual.filter((x) => x.part === "project"),
      };
      return treeCell("F5", row, column, (c) => cols[c], fnCode, FUNCTION_LENGTHS, ["basic", "project"]);
    }
    case "F6": {
      const gb = a.expenditure.actual.filter((x) => x.part === "basic" && x.fund === "generalBudget");
      const cols: Record<string, Atom[]> = {
        total: gb,
        personnel: gb.filter((x) => isPersonnelEconomic(x.economic ?? "")),
        public: gb.filter((x) => !isPersonnelEconomic(x.economic ?? "")),
      };
      return treeCell(
        "F6",
        row,
        column,
        (c) => cols[c],
        (x) => x.economic,
        [3, 5],
        ["personnel", "public"],
      );
    }
    case "F7": {
      const items = row === "budget" ? a.threePublic.adjusted : row === "actual" ? a.threePublic.actual : null;
      if (!items) return null;
      const pick = (...parts: string[]) => items.filter((x) => parts.includes(x.part ?? ""));
      const ref = (...cols: string[]) => cols.map((c) => ({ table: "F7", row, column: c }));
      switch (column) {
        case "total":
          return { parts: plus(items), rows: ref("abroad", "vehicle", "reception") };
        case "vehicle":
          return { parts: plus(pick("vehiclePurchase", "vehicleOperation")), rows: ref("vehiclePurchase", "vehicleOperation") };
        case "abroad":
        case "vehiclePurchase":
        case "vehicleOperation":
        case "reception":
          return { parts: plus(pick(column)) };
        default:
          return null;
      }
    }
    case "F8": {
      const gf = (x: Atom) => x.fund === "governmentFund";
      if (row === "opening" || row === "income" || row === "closing") {
        if (column !== "total") return null;
        const atoms = row === "opening" ? a.opening : row === "income" ? a.income : a.closing;
        return { parts: plus(atoms.filter(gf)) };
      }
      return splitTree("F8", a, gf, row, column);
    }
    case "F9":
      return splitTree("F9", a, (x) => x.fund === "stateCapital", row, column);
    case "F10": {
      const se = a.selfEvaluations.find((s) => s.code === row);
      const m = column.match(/^(budget|actual)(Total|Superior|Local)$/);
      if (!se || !m) return null;
      const side = m[1] === "budget" ? se.budget : se.actual;
      if (m[2] === "Superior") return { parts: plus([side.superior]) };
      if (m[2] === "Local") return { parts: plus([side.local]) };
      return { parts: plus([side.superior, side.local]), rows: [`${m[1]}Superior`, `${m[1]}Local`].map((c) => ({ table: "F10", row, column: c })) };
    }
    default:
      return null;
  }
}

function resolveF1(a: FinalAtoms, row: string): Composition | null {
  const exp = a.expenditure.actual;
  const ref = (rows: string[]) => rows.map((r) => ({ table: "F1", row: r, column: "amount" }));
  if ((INCOME_SOURCES as readonly string[]).includes(row)) return { parts: plus(a.income.filter((x) => incomeSourceOf(x.fund!) === row)) };
  switch (row) {
    case "income":
      return { parts: plus(a.income), rows: ref([...INCOME_SOURCES]) };
    case "opening":
      return { parts: plus(a.opening) };
    case "incomeTotal":
      return { parts: plus([...a.income, ...a.opening]), rows: ref(["income", "opening"]) };
    case "expenditure":
      return { parts: plus(exp), rows: ref(nonZeroClasses(exp)) };
    case "closing":
      return { parts: plus(a.closing) };
    case "expenditureTotal":
      return { parts: plus([...exp, ...a.closing]), rows: ref(["expenditure", "closing"]) };
    default:
      return /^\d{3}$/.test(row) ? { parts: plus(exp.filter((x) => x.function?.startsWith(row))) } : null;
  }
}

function resolveF4(a: FinalAtoms, row: string, column: string): Composition | null {
  const inColumn = (atoms: Atom[]) => atoms.filter((x) => isFiscal(x) && (column === "total" || x.fund === column));
  if (column !== "total" && !FISCAL.includes(column)) return null;
  const ref = (rows: string[], col = column) => rows.map((r) => ({ table: "F4", row: r, column: col }));
  const fundRows = (r: string) => (column === "total" ? { rows: FISCAL.map((f) => ({ table: "F4", row: r, column: f })) } : {});
  const exp = inColumn(a.expenditure.actual);
  switch (row) {
    case "income":
      return { parts: plus(inColumn(a.income)), ...fundRows(row) };
    case "opening":
      return { parts: plus(inColumn(a.opening)), ...fundRows(row) };
    case "incomeTotal":
      return column === "total" ? { parts: plus([...inColumn(a.income), ...inColumn(a.opening)]), rows: ref(["income", "opening"]) } : null;
    case "expenditure":
      return { parts: plus(exp), rows: ref(nonZeroClasses(exp)) };
    case "closing":
      return { parts: plus(inColumn(a.closing)), ...fundRows(row) };
    case "expenditureTotal":
      return { parts: plus([...exp, ...inColumn(a.closing)]), rows: ref(["expenditure", "closing"]) };
    default:
      return /^\d{3}$/.test(row) ? { parts: plus(exp.filter((x) => x.function?.startsWith(row))), ...fundRows(row) } : null;
  }
}
