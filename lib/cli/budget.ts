/**
 * `npm run -s budget -- <command> …`: the command line of 明账. Each command is a thin wrapper
 * in lib/cli/commands; this file only dispatches, and turns an unexpected failure into one
 * Chinese line instead of a stack trace.
 */
import { config } from "zod";
import type { CliIo } from "./io";
import { exitAfterFlush } from "./exit";

// One process reads one package: compiling each object schema's parser (zod's JIT, `new
// Function`, never in V8's code cache) costs more than it saves on one parse. Set before any
// command's module builds its schemas; the web server keeps the JIT.
config({ jitless: true });

type Command = { run: (args: string[], io: CliIo) => Promise<number> };

const COMMANDS: Record<string, { describe: string; load: () => Promise<Command> }> = {
  import: { describe: "import <预算包.json|录入工作簿.xlsx>… [--replace]   校验并导入（每个文件一个事务）", load: () => import("./commands/import") },
  export: {
    describe: "export --region <代码> --unit <编码> --year <年度> [--format xlsx --out <文件>]   导出预算包或录入工作簿",
    load: () => import("./commands/export"),
  },
  "prior-year": {
    describe: "prior-year <预算包.json> <上年公开表.xlsx> <输出.json>   从上年公开的预算 Excel 填入上年数",
    load: () => import("./commands/prior-year"),
  },
  convert: { describe: "convert <输入> <输出>   预算包 .json ↔ 录入工作簿 .xlsx", load: () => import("./commands/convert") },
  tables: {
    describe: "tables <预算包.json|.xlsx>   输出公开表（JSON）：预算 T1–T11（或预算包 disclosure.tables 所列的表），决算 F1–F10",
    load: () => import("./commands/tables"),
  },
  narrative: { describe: "narrative <预算包.json|.xlsx>   输出部门预算或决算情况说明（Markdown）", load: () => import("./commands/narrative") },
  rules: { describe: "rules [--json]   列出所有检查规则（编号、级别、标题及示例）", load: () => import("./commands/rules") },
  check: { describe: "check <预算包.json|.xlsx>   输出一致性检查结果（JSON），有错误时退出码为 1", load: () => import("./commands/check") },
  disclosure: {
    describe: "disclosure <预算包.json|.xlsx> --out <文件.pdf|文件.xlsx> [--date <公开日期>]   生成公开文件：PDF（公开表与情况说明）或公开表 Excel",
    load: () => import("./commands/disclosure"),
  },
};

const io: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${name ? `未知命令：${name}\n` : ""}用法：npm run -s budget -- <命令>\n`);
    for (const c of Object.values(COMMANDS)) io.stderr(`  ${c.describe}\n`);
    return 1;
  }
  return (await command.load()).run(args, io);
}

main(process.argv.slice(2))
  .then((code) => exitAfterFlush(code))
  .catch((error: unknown) => {
    io.stderr(`命令执行失败：${error instanceof Error ? error.message : String(error)}\n`);
    exitAfterFlush(1);
  });
