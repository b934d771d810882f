import { buildNarrative } from "@/lib/budget/narrative";
import { buildFinalNarrative } from "@/lib/final/evaluate";
import { loadPackageFile, runCommand, type CommandIo } from "./load-budget-file";

/** `budget narrative <package.json>`: 部门预算情况说明 or 部门决算情况说明 in Markdown. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const loaded = await loadPackageFile(args, "budget narrative <预算包.json>");
    io.stdout(loaded.kind === "final" ? buildFinalNarrative(loaded.final, loaded.catalog).markdown : buildNarrative(loaded.budget, loaded.catalog).markdown);
    return 0;
  });
}
