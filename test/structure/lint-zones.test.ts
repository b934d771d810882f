import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layers are rules (eslint.config.mjs), and each rule is shown to bite: planted source is
 * linted as the text of an existing file of the zone (the import rules need a real path), and
 * must be refused by the rule that guards the zone. Clean text at the same places must pass, so
 * the refusals are not an artefact of the probe.
 */
const ROOT = path.resolve(__dirname, "..", "..");
let eslint: ESLint;
let cycles: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
  // no-cycle precomputes the import graph's strongly connected components from the files on
  // disk, where the planted import does not exist; without that shortcut it walks the graph.
  cycles = new ESLint({ cwd: ROOT, overrideConfig: { rules: { "import/no-cycle": ["error", { ignoreExternal: true, disableScc: true }] } } });
}, 120_000);

async function ruleIds(filePath: string, source: string, linter = eslint): Promise<string[]> {
  const [result] = await linter.lintText(source, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("the layer zones refuse a crossing", () => {
  it.each([
    ["components ↛ app", "components/AccountNav.tsx", 'import Home from "@/app/page";\nexport const probe = Home;\n', "import/no-restricted-paths"],
    [
      "lib ↛ components",
      "lib/result.ts",
      'import { AccountNav } from "@/components/AccountNav";\nexport const probe = AccountNav;\n',
      "import/no-restricted-paths",
    ],
    ["lib ↛ app", "lib/result.ts", 'import Home from "@/app/page";\nexport const probe = Home;\n', "import/no-restricted-paths"],
    [
      "lib/budget ↛ lib/db",
      "lib/budget/money.ts",
      'import { budgetScope } from "@/lib/db/scope";\nexport const probe = budgetScope;\n',
      "import/no-restricted-paths",
    ],
    ["lib/budget ↛ node:*", "lib/budget/money.ts", 'import { readFileSync } from "node:fs";\nexport const probe = readFileSync;\n', "no-restricted-imports"],
    [
      "lib/db ↛ lib/workspace",
      "lib/db/scope.ts",
      'import { SECTIONS } from "@/lib/workspace/sections";\nexport const probe = SECTIONS;\n',
      "import/no-restricted-paths",
    ],
  ])(
    "%s",
    async (_zone, file, source, rule) => {
      expect(await ruleIds(file, source)).toContain(rule);
    },
    120_000,
  );

  it("a module that imports one of its own importers is a cycle", async () => {
    // lib/budget/package/to-budget.ts imports lib/budget/money.ts: money importing it back closes a circle.
    const source = 'import { packageToBudget } from "@/lib/budget/package/to-budget";\nexport const probe = packageToBudget;\n';
    expect(await ruleIds("lib/budget/money.ts", source, cycles)).toContain("import/no-cycle");
  }, 120_000);

  it("the same places accept an import that stays inside the layers", async () => {
    expect(await ruleIds("components/AccountNav.tsx", 'import { fail } from "@/lib/result";\nexport const probe = fail;\n')).toEqual([]);
    expect(await ruleIds("lib/budget/money.ts", 'import Decimal from "decimal.js";\nexport const probe = new Decimal(0);\n')).toEqual([]);
    expect(await ruleIds("lib/db/scope.ts", 'import { hasPermission } from "@/lib/auth/permissions";\nexport const probe = hasPermission;\n')).toEqual([]);
  }, 120_000);
});
