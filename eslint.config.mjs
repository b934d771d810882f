import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Next's rules (core web vitals + TypeScript), and the layers as rules (ARCHITECTURE.md): a
 * component never reaches into a route, the library never into the UI, the budget engine stays
 * pure (no database, no Node), and the database layer does not know the editor. Each zone is
 * proven to bite by test/structure/lint-zones.test.ts.
 */
export const LAYER_ZONES = [
  { target: "./components", from: "./app", message: "components/ must not import app/: a shared piece belongs in components/ or lib/." },
  { target: "./lib", from: ["./components", "./app"], message: "lib/ must not import the UI (components/, app/)." },
  { target: "./lib/budget", from: "./lib/db", message: "lib/budget is the pure engine: it must not import the database layer." },
  { target: "./lib/db", from: "./lib/workspace", message: "lib/db keeps mapping, scope and queries: it must not import the editor (lib/workspace)." },
];

// The import plugin as Next's config registers it (a second copy may not be registered).
const importPlugin = nextVitals.find((c) => c.plugins?.import)?.plugins.import;

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { import: importPlugin },
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true } },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": ["error", { zones: LAYER_ZONES }],
      // Dead code is an error; a leading underscore or a rest sibling marks what is left out on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["lib/budget/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^node:", message: "lib/budget is the pure engine: no Node built-ins (it runs in the browser too)." }] },
      ],
    },
  },
  {
    // Pages rendered once to a static HTML document (lib/public/static-page), served without
    // Next's runtime: next/link and next/head do nothing there, the document is written whole.
    files: ["components/public/**/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-head-element": "off" },
  },
  {
    // CommonJS scripts (run by node before TypeScript is available): require is their import.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "generated/**",
    "dist/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "next-env.d.ts",
  ]),
]);
