import { formatWan, parseAmount, type AmountUnit } from "@/lib/budget/money";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import type { Fund } from "@/lib/budget/model";
import { neutralizeFormula } from "./neutralize-formula";

/** The slice of a budget-package/1 the CSV reads (the frozen snapshot's package). */
interface PackageLines {
  amountUnit?: AmountUnit;
  basicExpenditure?: { function: string; economic: string; amount: string; fund?: Fund }[];
  projects?: { code: string; name: string; function: string; economic?: string; amount: string; fund?: Fund }[];
}

export interface CsvBudget {
  region: { code: string; name: string };
  year: number;
  unit: { code: string; name: string };
  package: unknown;
  tables: DisclosureTables;
}

export const CSV_COLUMNS = [
  "region_code",
  "region_name",
  "year",
  "unit_code",
  "unit_name",
  "line_kind",
  "function_code",
  "function_name",
  "economic_code",
  "economic_name",
  "fund",
  "fund_name",
  "project_code",
  "project_name",
  "amount_yuan",
  "amount_wan",
] as const;

function field(value: string | number): string {
  const s = neutralizeFormula(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Subject names as the published tables print them (function 项 from T8, economic 款 from T3). */
function names(tables: DisclosureTables): { fn: Map<string, string>; eco: Map<string, string> } {
  return {
    fn: new Map((tables.T8?.rows ?? []).map((r) => [r.code, r.name])),
    eco: new Map((tables.T3?.rows ?? []).map((r) => [r.code, r.name])),
  };
}

/**
 * Every basic-expenditure and project line of the given published budgets, one CSV row each,
 * for bulk analysis. Amounts: exact 元 and 万元 (amount_wan has up to 6 decimals, unrounded).
 * UTF-8 with a BOM so that Excel opens the Chinese text correctly; text is neutralised.
 */
export function linesCsv(budgets: CsvBudget[]): string {
  const out: string[] = [CSV_COLUMNS.join(",")];
  for (const b of budgets) {
    const pkg = (b.package ?? {}) as PackageLines;
    const unit: AmountUnit = pkg.amountUnit === "元" ? "元" : "万元";
    const { fn, eco } = names(b.tables);
    const base = [b.region.code, b.region.name, b.year, b.unit.code, b.unit.name];
    const money = (a: string) => {
      const yuan = parseAmount(a, unit);
      return [formatWan(yuan), yuan.dividedBy(10_000).toString()];
    };
    for (const l of pkg.basicExpenditure ?? []) {
      const fund = l.fund ?? "generalBudget";
      out.push(
        [...base, "basic", l.function, fn.get(l.function) ?? "", l.economic, eco.get(l.economic) ?? "", fund, FUND_LABELS[fund], "", "", ...money(l.amount)]
          .map(field)
          .join(","),
      );
    }
    for (const p of pkg.projects ?? []) {
      const fund = p.fund ?? "generalBudget";
      out.push(
        [
          ...base,
          "project",
          p.function,
          fn.get(p.function) ?? "",
          p.economic ?? "",
          p.economic ? (eco.get(p.economic) ?? "") : "",
          fund,
          FUND_LABELS[fund],
          p.code,
          p.name,
          ...money(p.amount),
        ]
          .map(field)
          .join(","),
      );
    }
  }
  return `\uFEFF${out.join("\r\n")}\r\n`;
}
