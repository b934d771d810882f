/**
 * `node lib/cli/launch.cjs <name> …`: runs lib/cli/<name>.ts from its prebuilt bundle
 * (lib/cli/bundle.cjs), rebuilding it first when a source is newer. Plain CommonJS so that node
 * starts it without any compiler.
 */
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");
const { build, current, paths } = require("./bundle.cjs");

const [name] = process.argv.splice(2, 1);
if (!name || !/^[\w-]+$/.test(name)) {
  process.stderr.write("用法：node lib/cli/launch.cjs <命令行名> [参数…]\n");
  process.exit(1);
}

/**
 * V8's code cache of the bundle (<bundle>.cache), written by the first run after a build: a run
 * then skips compiling the functions that run used. V8 checks only the source's length, so the
 * cache names the build it belongs to (the bundle's first line) and any other build ignores it.
 */
function readCache(cacheFile, build) {
  try {
    const data = fs.readFileSync(cacheFile);
    const newline = data.indexOf(10);
    return data.subarray(0, newline).toString() === build ? data.subarray(newline + 1) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile, build, script) {
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${build}\n`), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // Only a cache: the next run tries again.
  }
}

function run(bundle) {
  process.argv[1] = bundle;
  // The bundle's import() of packages (lib/cli/bundle.cjs, EXTERNAL_IMPORT): this module's
  // import() works whatever compiled the bundle, and resolves from the same node_modules.
  globalThis.__mingzhangImport = (specifier) => import(specifier);
  const source = fs.readFileSync(bundle, "utf8");
  const build = /^\/\/ build (\w+)/.exec(source)?.[1];
  if (!build) return require(bundle);
  const cacheFile = `${bundle}.cache`;
  const cachedData = readCache(cacheFile, build);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once("exit", () => writeCache(cacheFile, build, script));
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  bundleModule.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(bundleModule.exports, bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, path.dirname(bundle));
}

// The usual case stays synchronous: no promise between node's start and the command.
const ready = current(name);
if (ready) run(ready);
else {
  build(name).then(
    () => run(paths(name).bundle),
    (error) => {
      const messages =
        Array.isArray(error?.errors) && error.errors.length > 0 ? error.errors : [{ text: error instanceof Error ? error.message : String(error) }];
      const lines = messages.map((e) => `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`);
      process.stderr.write(`命令行编译失败（lib/cli/${name}.ts）：\n${lines.join("\n")}\n`);
      process.exit(1);
    },
  );
}
