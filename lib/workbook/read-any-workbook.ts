import type { BudgetPackage } from "@/lib/budget/package/schema";
import type { FinalPackage } from "@/lib/final/package/schema";
import { readEntryWorkbook, type ReadOptions } from "./read-entry-workbook";
import type { WorkbookProblem } from "./sheet-reader";
import { readFinalWorkbook } from "./read-final-workbook";
import type { WorkbookStamp } from "./write-entry-workbook";

export type ReadAnyWorkbookResult =
  | { ok: true; kind: "budget"; pkg: BudgetPackage; stamp: WorkbookStamp; cellOf: (path: string) => string | undefined }
  | { ok: true; kind: "final"; pkg: FinalPackage; stamp: WorkbookStamp; cellOf: (path: string) => string | undefined }
  | { ok: false; errors: WorkbookProblem[]; stamp?: WorkbookStamp };

/** An entry workbook of either kind (its stamp says which), for the commands that take both. */
export async function readAnyEntryWorkbook(data: Uint8Array, options: ReadOptions = {}): Promise<ReadAnyWorkbookResult> {
  const budget = await readEntryWorkbook(data, options);
  if (budget.ok) return { ...budget, kind: "budget" };
  if (budget.stamp?.kind !== "final") return budget;
  const final = await readFinalWorkbook(data);
  return final.ok ? { ...final, kind: "final" } : final;
}
