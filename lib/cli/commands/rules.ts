import { ruleDocs } from "@/lib/public/rule-docs";
import type { CliIo } from "../io";

/** `budget rules [--json]`: every rule with its id, severity, title and an example finding. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const docs = ruleDocs();
  if (args.includes("--json")) {
    io.stdout(`${JSON.stringify({ rules: docs }, null, 2)}\n`);
    return 0;
  }
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length > 0) {
    io.stderr(`未知参数：${unknown.join(" ")}\n用法：budget rules [--json]\n`);
    return 1;
  }
  for (const d of docs) {
    io.stdout(`${d.id}  [${d.scope}·${d.severity === "error" ? "错误" : "提示"}]  ${d.title}\n`);
    if (d.example) io.stdout(`    例：${d.example.field}（${d.example.path}）：${d.example.message}\n`);
  }
  io.stdout(`共 ${docs.length} 条规则\n`);
  return 0;
}
