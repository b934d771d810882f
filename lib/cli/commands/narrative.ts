import { buildNarrative } from "@/lib/budget/narrative";
import { loadBudgetFile, runCommand, type CommandIo } from "./load-budget-file";

/** `budget narrative <package.json>`: 部门预算情况说明 in Markdown. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const { budget, catalog } = await loadBudgetFile(args, "budget narrative <预算包.json>");
    io.stdout(buildNarrative(budget, catalog).markdown);
    return 0;
  });
}
