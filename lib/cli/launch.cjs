/**
 * `node lib/cli/launch.cjs <name> …`: runs lib/cli/<name>.ts from its prebuilt bundle
 * (lib/cli/bundle.cjs), rebuilding it first when a source is newer. Plain CommonJS so that node
 * starts it without any compiler.
 */
const { isAscii } = require("node:buffer");
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

/**
 * A bundle's text: as Latin-1 when it is all ASCII (bundle.cjs writes it so), which Node 20
 * decodes 5–7 ms faster than UTF-8 for these 2 MB files; otherwise (a bundle of an older
 * builder) as UTF-8.
 */
function readSource(file) {
  const bytes = fs.readFileSync(file);
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/**
 * Runs a CommonJS file through V8's code cache (<file>.cache), valid only for `stamp`. `source` is
 * the file's text when the caller has read it already: reading the 1.7 MB bundle is ~6 ms a start.
 */
function loadCached(file, stamp, source = readSource(file)) {
  const cacheFile = `${file}.cache`;
  const cachedData = readCache(cacheFile, stamp);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  // Written at exit, so that it holds every function this run compiled, not only the top level.
  if (!cachedData || script.cachedDataRejected) process.once("exit", () => writeCache(cacheFile, stamp, script));
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, path.dirname(file));
  loaded.loaded = true;
  return loaded;
}

/**
 * The vendored packages (dist/cli/vendor, exceljs) are loaded the same way: compiling exceljs's
 * one big file was a quarter of a cold `disclosure --out x.xlsx`. Its cache is stamped with the
 * file's size and time, as the file carries no build line.
 */
const vendored = new Map();
function requireVendored(file) {
  if (!vendored.has(file)) {
    const stat = fs.statSync(file);
    vendored.set(file, loadCached(file, `vendor-${stat.size}-${Math.round(stat.mtimeMs)}`).exports);
  }
  return vendored.get(file);
}

function run(bundle) {
  process.argv[1] = bundle;
  // The bundle's import() of packages (lib/cli/bundle.cjs, EXTERNAL_IMPORT): this module's
  // import() works whatever compiled the bundle, and resolves from the same node_modules.
  globalThis.__mingzhangImport = (specifier) => import(specifier);
  globalThis.__mingzhangRequireVendored = requireVendored;
  const source = readSource(bundle);
  const build = /^\/\/ build (\w+)/.exec(source)?.[1];
  if (!build) return require(bundle);
  loadCached(bundle, build, source);
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
