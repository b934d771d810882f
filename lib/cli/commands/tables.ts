import { buildTables } from "@/lib/budget/tables";
import { buildFinalTables } from "@/lib/final/tables";
import { loadPackageFile, runCommand, type CommandIo } from "./load-budget-file";

/** `budget tables <package.json>`: the disclosure tables as JSON (万元 strings); T1–T11 of a budget, F1–F10 of a 决算. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const loaded = await loadPackageFile(args, "budget tables <预算包.json>");
    const tables = loaded.kind === "final" ? buildFinalTables(loaded.final, loaded.catalog) : buildTables(loaded.budget, loaded.catalog);
    io.stdout(`${JSON.stringify(tables, null, 2)}\n`);
    return 0;
  });
}
