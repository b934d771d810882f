import { checkBudget } from "@/lib/budget/rules";
import { checkFinal } from "@/lib/final/evaluate";
import { loadPackageFile, runCommand, type CommandIo } from "./load-budget-file";

/** `budget check <package.json>`: every rule's findings as JSON; exit 1 when any is an error. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const loaded = await loadPackageFile(args, "budget check <预算包.json>");
    const all = loaded.kind === "final" ? checkFinal(loaded.final, loaded.catalog) : checkBudget(loaded.budget, loaded.catalog);
    const findings = all.map(({ rule, severity, message, path }) => ({ rule, severity, message, path }));
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  });
}
