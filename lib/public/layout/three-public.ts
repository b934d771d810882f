import type { DisclosureTables, ThreePublicColumns } from "@/lib/budget/tables/types";
import { head, traced } from "./cells";
import type { TableBody } from "./function-tables";
import type { GridCell } from "./types";

/** The six 三公 headings of one year, with 公务用车购置及运行费 over its three columns. */
function yearHeads(): { top: GridCell[]; bottom: GridCell[] } {
  return {
    top: [head("合计", 1, 2), head("因公出国（境）费", 1, 2), head("公务用车购置及运行费", 3), head("公务接待费", 1, 2)],
    bottom: [head("小计"), head("公务用车购置费"), head("公务用车运行费")],
  };
}

const COLUMNS = ["total", "abroad", "vehicle", "vehiclePurchase", "vehicleOperation", "reception"] as const;
const values = (c: ThreePublicColumns, row: "prior" | "current") => COLUMNS.map((k) => traced(c[k], "T4", row, k));

/** 一般公共预算“三公”经费支出表: last year's block (when published) then this year's, one row. */
export function t4Layout(tables: DisclosureTables): TableBody | undefined {
  const t = tables.T4;
  if (!t) return undefined;
  const y = tables.year;
  const blocks = [...(t.prior ? [{ year: y - 1, columns: t.prior, row: "prior" as const }] : []), { year: y, columns: t.current, row: "current" as const }];
  return {
    columns: 6 * blocks.length,
    widths: blocks.flatMap(() => [11, 13, 11, 13, 13, 11]),
    head: [blocks.map((b) => head(`${b.year}年预算数`, 6)), blocks.flatMap(() => yearHeads().top), blocks.flatMap(() => yearHeads().bottom)],
    body: [{ cells: blocks.flatMap((b) => values(b.columns, b.row)) }],
  };
}
