import { checkBudget } from "@/lib/budget/rules";
import { checkFinal } from "@/lib/final/evaluate";
import { fieldLabel } from "@/lib/budget/rules/examples";
import { finalFieldLabel } from "@/lib/final/rules/examples";
import { loadPackageFile, runCommand, WorkbookInvalid, type CommandIo, type LoadedPackage } from "./load-budget-file";

/**
 * `budget check <package.json|workbook.xlsx>`: every rule's findings as JSON; exit 1 when any is
 * an error. A workbook's findings also name their cell (`基本支出!E17`), and a workbook that
 * cannot be read is reported the same way, one finding per problem.
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    let loaded: LoadedPackage;
    try {
      loaded = await loadPackageFile(args, "budget check <预算包或决算包.json|录入工作簿.xlsx>");
    } catch (e) {
      if (!(e instanceof WorkbookInvalid)) throw e;
      const findings = e.problems.map(({ message, path, cell }) => ({ rule: "workbook.cell", severity: "error", message, path, ...(cell ? { cell } : {}) }));
      io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
      return 1;
    }
    const all = loaded.kind === "final" ? checkFinal(loaded.final, loaded.catalog) : checkBudget(loaded.budget, loaded.catalog);
    const cellOf = loaded.cellOf;
    const field = loaded.kind === "final" ? finalFieldLabel : fieldLabel;
    // `field` names the path in Chinese (情况说明.基本支出增减原因), as the UI shows it.
    const findings = all.map(({ rule, severity, message, path }) => {
      const cell = cellOf?.(path);
      return { rule, severity, message, path, field: field(path), ...(cell ? { cell } : {}) };
    });
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  });
}
