/**
 * Test support: the 决算 fixtures of test/fixtures (`<name>.package.json` whose kind is "final",
 * with `<name>.expected.json`), discovered by globbing like the budget fixtures.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "@/lib/catalog/catalog";
import { fixturesDir, isFinalPackageText } from "@/test/support/budget/fixtures";
import { packageToFinal, type FinalAccounts } from "@/lib/final/model";
import { parseFinalPackageJson, type FinalPackage } from "@/lib/final/package/schema";
import { loadFinalCatalog } from "@/lib/final/catalog";

export interface FinalFixture {
  name: string;
  file: string;
  text: string;
  pkg: FinalPackage;
  final: FinalAccounts;
  catalog: Catalog;
  expected?: Record<string, unknown> & { narrative?: Record<string, unknown> };
}

export function loadFinalFixtures(): FinalFixture[] {
  const dir = fixturesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".package.json"))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), "utf8") }))
    .filter(({ text }) => isFinalPackageText(text))
    .map(({ file, text }) => {
      const name = file.replace(/\.package\.json$/, "");
      const parsed = parseFinalPackageJson(text);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join("; ")}`);
      const expectedFile = path.join(dir, `${name}.expected.json`);
      const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, "utf8")) : undefined;
      const final = packageToFinal(parsed.pkg);
      return { name, file: path.join(dir, file), text, pkg: parsed.pkg, final, catalog: loadFinalCatalog(final.year), expected };
    });
}
