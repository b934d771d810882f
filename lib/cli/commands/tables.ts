import { buildTables } from "@/lib/budget/tables";
import { loadBudgetFile, runCommand, type CommandIo } from "./load-budget-file";

/** `budget tables <package.json>`: the disclosure tables as JSON (万元 strings). */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const { budget, catalog } = await loadBudgetFile(args, "budget tables <预算包.json>");
    io.stdout(`${JSON.stringify(buildTables(budget, catalog), null, 2)}\n`);
    return 0;
  });
}
