import { exportPackage } from "@/lib/db/budgets/export-package";
import { exportFinalPackage } from "@/lib/db/finals/read-final";
import { parseArgs, type CliIo } from "../io";
import { withDatabase } from "../with-database";

/** `budget export --region 500109 --unit 104 --year 2024 [--kind final]`: prints the stored budget as budget-package/1. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { options } = parseArgs(args);
  const region = options.region;
  const unit = options.unit;
  const year = Number(options.year);
  const kind = options.kind === undefined ? "budget" : options.kind;
  if (typeof region !== "string" || typeof unit !== "string" || !Number.isInteger(year) || (kind !== "budget" && kind !== "final")) {
    io.stderr("用法：npm run budget -- export --region <行政区划代码> --unit <部门编码> --year <年度> [--kind budget|final]\n");
    return 1;
  }
  const pkg = await withDatabase<object | null>((db) =>
    kind === "final" ? exportFinalPackage(db, { region, unit, year }) : exportPackage(db, { region, unit, year, kind }),
  );
  if (!pkg) {
    io.stderr(`未找到${kind === "final" ? "决算" : "预算"}：行政区划 ${region}，部门 ${unit}，${year} 年\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(pkg, null, 2)}\n`);
  return 0;
}
