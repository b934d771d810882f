import type { Failure, Result } from "@/lib/result";
import type { PackageError } from "@/lib/budget/package/schema";
import type { ImportIntoResult } from "@/lib/workflow/import-into-budget";

/** What an import (a package through the action, a workbook through its route) answers the panel. */
export type ImportAnswer = ImportIntoResult | Failure;

/** A refusal the browser makes itself (too large, the network failed) in the same shape. */
export const importRefused = (message: string): ImportAnswer => ({ ok: false, code: "rejected", message, errors: [{ path: "", message }] });

/** Every problem of a refused import: the package's errors, or the refusal's one sentence. */
export function importProblems(answer: Exclude<Result, { ok: true }>): PackageError[] {
  return "errors" in answer && Array.isArray(answer.errors) ? (answer.errors as PackageError[]) : [{ path: "", message: answer.message }];
}
