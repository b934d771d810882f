/**
 * `node lib/cli/launch.cjs <name> …`: runs lib/cli/<name>.ts from its prebuilt bundle
 * (lib/cli/bundle.cjs), rebuilding it first when a source is newer. Plain CommonJS so that node
 * starts it without any compiler.
 */
const { build, current, paths } = require("./bundle.cjs");

const [name] = process.argv.splice(2, 1);
if (!name || !/^[\w-]+$/.test(name)) {
  process.stderr.write("用法：node lib/cli/launch.cjs <命令行名> [参数…]\n");
  process.exit(1);
}

function run(bundle) {
  process.argv[1] = bundle;
  require(bundle);
}

// The usual case stays synchronous: no promise between node's start and the command.
const ready = current(name);
if (ready) run(ready);
else {
  build(name).then(
    () => run(paths(name).bundle),
    (error) => {
      const messages = Array.isArray(error?.errors) && error.errors.length > 0 ? error.errors : [{ text: error instanceof Error ? error.message : String(error) }];
      const lines = messages.map((e) => `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`);
      process.stderr.write(`命令行编译失败（lib/cli/${name}.ts）：\n${lines.join("\n")}\n`);
      process.exit(1);
    },
  );
}
