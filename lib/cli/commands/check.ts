import { checkBudget } from "@/lib/budget/rules";
import { checkFinal } from "@/lib/final/evaluate";
import { fieldLabel } from "@/lib/budget/rules/examples";
import { loadPackageFile, runCommand, type CommandIo } from "./load-budget-file";

/** `budget check <package.json>`: every rule's findings as JSON; exit 1 when any is an error. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const loaded = await loadPackageFile(args, "budget check <预算包.json>");
    const all = loaded.kind === "final" ? checkFinal(loaded.final, loaded.catalog) : checkBudget(loaded.budget, loaded.catalog);
    // `field` names the path in Chinese (情况说明.基本支出增减原因), as the UI shows it.
    const findings = all.map(({ rule, severity, message, path }) => ({ rule, severity, message, path, field: fieldLabel(path) }));
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  });
}
