import { FUNDS } from "@/lib/budget/model";
import { isPersonnelEconomic } from "@/lib/catalog/catalog";
import type { Atom, Atoms } from "./atoms";
import { TOTAL_ROW } from "./cells";

/** What a figure is made of: printed atoms (signed) and, for a total, the printed cells it adds. */
export interface Composition {
  parts: { atom: Atom; sign: 1 | -1 }[];
  rows?: RowRef[];
}

/** A printed cell a total adds; `parts` and `label` when it is not a table cell (last year's figure in a change). */
export interface RowRef {
  table: string;
  row: string;
  column: string;
  label?: string;
  parts?: { atom: Atom; sign: 1 | -1 }[];
}

const FISCAL = ["generalBudget", "governmentFund", "stateCapital"];
export const plus = (atoms: Atom[]) => atoms.map((atom) => ({ atom, sign: 1 as const }));

function expenditure(a: Atoms): Atom[] {
  return [...a.basic, ...a.projects];
}

/** Direct children of a subject row among the codes of `atoms` (合计 → 类, 类 → 款, 款 → 项). */
function childCodes(code: string, codes: Iterable<string>, lengths: number[]): string[] {
  const next = lengths.find((n) => n > code.length);
  if (next === undefined) return [];
  const out = new Set<string>();
  for (const c of codes) if (c.startsWith(code) && c.length >= next) out.add(c.slice(0, next));
  return [...out].sort();
}

const under = (row: string, code: string | undefined) => row === TOTAL_ROW || (code ?? "").startsWith(row);
const codeOf = (row: string) => (row === TOTAL_ROW ? "" : row);

/**
 * A subject tree table (T2, T3, T5, T7, T8, T12): `columnAtoms` gives the atoms of one column;
 * `split` the columns a row's 合计 column adds when it has no printed children.
 */
export function treeCell(
  table: string,
  row: string,
  column: string,
  columnAtoms: (column: string) => Atom[] | undefined,
  codeOfAtom: (a: Atom) => string | undefined,
  lengths: number[],
  split: string[],
): Composition | null {
  const atoms = columnAtoms(column);
  if (!atoms) return null;
  const mine = atoms.filter((a) => under(row, codeOfAtom(a)));
  if (row !== TOTAL_ROW && !/^\d+$/.test(row)) return null;
  const children = childCodes(
    codeOf(row),
    mine.filter((a) => !a.printed.isZero()).map((a) => codeOfAtom(a) ?? ""),
    lengths,
  );
  if (children.length > 0) return { parts: plus(mine), rows: children.map((c) => ({ table, row: c, column })) };
  if (column === "total") return { parts: plus(mine), rows: split.map((c) => ({ table, row, column: c })) };
  return { parts: plus(mine) };
}

const fnCode = (a: Atom) => a.function;

function fundTable(table: string, a: Atoms, fund: string, row: string, column: string): Composition | null {
  const exp = expenditure(a).filter((x) => x.fund === fund);
  const cols: Record<string, Atom[]> = {
    total: exp,
    basic: exp.filter((x) => x.part === "basic"),
    project: exp.filter((x) => x.part === "project"),
  };
  return treeCell(table, row, column, (c) => cols[c], fnCode, [3, 5, 7], ["basic", "project"]);
}

export function resolveCell(a: Atoms, table: string, row: string, column: string): Composition | null {
  switch (table) {
    case "T1":
      return resolveT1(a, row, column);
    case "T2": {
      const exp = expenditure(a).filter((x) => x.fund === "generalBudget");
      const cols: Record<string, Atom[]> = {
        total: exp,
        basic: exp.filter((x) => x.part === "basic"),
        project: exp.filter((x) => x.part === "project"),
        prior: a.prior.byFunction,
      };
      return treeCell("T2", row, column, (c) => cols[c], fnCode, [3, 5, 7], ["basic", "project"]);
    }
    case "T3": {
      const gb = a.basic.filter((x) => x.fund === "generalBudget");
      const cols: Record<string, Atom[]> = {
        total: gb,
        personnel: gb.filter((x) => isPersonnelEconomic(x.economic ?? "")),
        public: gb.filter((x) => !isPersonnelEconomic(x.economic ?? "")),
      };
      return treeCell(
        "T3",
        row,
        column,
        (c) => cols[c],
        (x) => x.economic,
        [3, 5],
        ["personnel", "public"],
      );
    }
    case "T4": {
      const items = row === "current" ? a.threePublic : row === "prior" ? a.prior.threePublic : null;
      if (!items) return null;
      const pick = (...parts: string[]) => items.filter((x) => parts.includes(x.part ?? ""));
      const ref = (...cols: string[]) => cols.map((column) => ({ table: "T4", row, column }));
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
    case "T5":
      return fundTable("T5", a, "governmentFund", row, column);
    case "T12":
      return fundTable("T12", a, "stateCapital", row, column);
    case "T6":
      return resolveT6(a, row, column);
    case "T7": {
      const exp = expenditure(a);
      const cols: Record<string, Atom[]> = { total: exp };
      for (const f of FUNDS) cols[f] = exp.filter((x) => x.fund === f);
      return treeCell("T7", row, column, (c) => cols[c], fnCode, [3, 5, 7], [...FUNDS]);
    }
    case "T8": {
      const exp = expenditure(a);
      const cols: Record<string, Atom[]> = {
        total: exp,
        basic: exp.filter((x) => x.part === "basic"),
        project: exp.filter((x) => x.part === "project"),
      };
      return treeCell("T8", row, column, (c) => cols[c], fnCode, [3, 5, 7], ["basic", "project"]);
    }
    case "T9": {
      if (column !== "total" && !(FUNDS as readonly string[]).includes(column)) return null;
      const categories = ["goods", "works", "services"];
      if (row !== TOTAL_ROW && !categories.includes(row)) return null;
      const mine = a.procurement.filter((x) => (row === TOTAL_ROW || x.part === row) && (column === "total" || x.fund === column));
      if (row === TOTAL_ROW) return { parts: plus(mine), rows: categories.map((c) => ({ table: "T9", row: c, column })) };
      if (column === "total") return { parts: plus(mine), rows: FUNDS.map((f) => ({ table: "T9", row, column: f })) };
      return { parts: plus(mine) };
    }
    case "T10":
      return row === "budget" && column === "budgetTotal" ? { parts: plus(expenditure(a)) } : null;
    case "T11": {
      const i = a.projects.findIndex((x) => x.lines[0]?.project === row);
      if (i < 0) return null;
      const project = a.projects[i]!;
      const own = a.projectParts.find((x) => x.key === `project:${i}:own`)!;
      const sup = a.projectParts.find((x) => x.key === `project:${i}:superior`)!;
      if (column === "ownArrangement") return { parts: plus([own]) };
      if (column === "superiorSubsidy") return { parts: plus([sup]) };
      if (column !== "amount") return null;
      const adds = own.printed.plus(sup.printed).equals(project.printed);
      return {
        parts: plus([project]),
        ...(adds ? { rows: ["ownArrangement", "superiorSubsidy"].map((c) => ({ table: "T11", row, column: c })) } : {}),
      };
    }
    default:
      return null;
  }
}

function resolveT1(a: Atoms, row: string, column: string): Composition | null {
  if (column !== "total" && !FISCAL.includes(column)) return null;
  const byColumn = (atoms: Atom[]) => atoms.filter((x) => FISCAL.includes(x.fund ?? "") && (column === "total" || x.fund === column));
  const fundRows = (r: string) => (column === "total" ? { rows: FISCAL.map((f) => ({ table: "T1", row: r, column: f })) } : {});
  const exp = byColumn(expenditure(a));
  switch (row) {
    case "income":
      return { parts: plus(byColumn(a.income)), ...fundRows(row) };
    case "carryover":
      return { parts: plus(byColumn(a.carryover)), ...fundRows(row) };
    case "incomeTotal":
      return column === "total"
        ? { parts: plus([...byColumn(a.income), ...byColumn(a.carryover)]), rows: ["income", "carryover"].map((r) => ({ table: "T1", row: r, column })) }
        : null;
    case "expenditure": {
      const classes = [...new Set(exp.filter((x) => !x.printed.isZero()).map((x) => (x.function ?? "").slice(0, 3)))].sort();
      return { parts: plus(exp), rows: classes.map((c) => ({ table: "T1", row: c, column })) };
    }
    case "carryForward":
      return { parts: [] };
    case "expenditureTotal":
      return { parts: plus(exp), rows: ["expenditure", "carryForward"].map((r) => ({ table: "T1", row: r, column })) };
    default:
      if (!/^\d{3}$/.test(row)) return null;
      return { parts: plus(exp.filter((x) => x.function?.startsWith(row))), ...fundRows(row) };
  }
}

function resolveT6(a: Atoms, row: string, column: string): Composition | null {
  if (column !== "total") return null;
  const carry = a.carryover.filter((x) => FISCAL.includes(x.fund ?? ""));
  const exp = expenditure(a);
  const ref = (rows: string[]) => rows.map((r) => ({ table: "T6", row: r, column: "total" }));
  if ((FUNDS as readonly string[]).includes(row)) return { parts: plus(a.income.filter((x) => x.fund === row)) };
  switch (row) {
    case "carryover":
      return { parts: plus(carry) };
    case "incomeTotal":
      return { parts: plus([...a.income, ...carry]), rows: ref([...FUNDS, "carryover"]) };
    case "expenditureTotal": {
      const classes = [...new Set(exp.filter((x) => !x.printed.isZero()).map((x) => (x.function ?? "").slice(0, 3)))].sort();
      return { parts: plus(exp), rows: ref(classes) };
    }
    default:
      if (!/^\d{3}$/.test(row)) return null;
      return { parts: plus(exp.filter((x) => x.function?.startsWith(row))) };
  }
}
