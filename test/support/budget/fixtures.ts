/**
 * Test support: the fixtures of test/fixtures (copied from the reference material), discovered by globbing, so a new
 * `<name>.package.json` + `<name>.expected.json` pair is checked without touching a test.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Budget } from "@/lib/budget/model";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageJson, type BudgetPackage } from "@/lib/budget/package/schema";
import { loadReferenceCatalog } from "@/lib/catalog/reference";
import type { Catalog } from "@/lib/catalog/catalog";

export interface Fixture {
  name: string;
  text: string;
  pkg: BudgetPackage;
  budget: Budget;
  catalog: Catalog;
  /** Parsed `<name>.expected.json`, or undefined when the fixture has none. */
  expected?: Record<string, unknown> & { narrative?: Record<string, unknown> };
}

export function fixturesDir(): string {
  return path.resolve(__dirname, "..", "..", "..", "test", "fixtures");
}

/** True for a package whose top-level `kind` is "final" (a 部门决算). */
export function isFinalPackageText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "final";
  } catch {
    return false;
  }
}

export function loadFixtures(): Fixture[] {
  const dir = fixturesDir();
  return (
    readdirSync(dir)
      .filter((f) => f.endsWith(".package.json"))
      .sort()
      .map((file) => ({ file, text: readFileSync(path.join(dir, file), "utf8") }))
      // 决算 packages (kind "final") have their own shape and loader: test/support/final/fixtures.ts.
      .filter(({ text }) => !isFinalPackageText(text))
      .map(({ file, text }) => {
        const name = file.replace(/\.package\.json$/, "");
        const parsed = parsePackageJson(text);
        if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join("; ")}`);
        const expectedFile = path.join(dir, `${name}.expected.json`);
        const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, "utf8")) : undefined;
        const budget = packageToBudget(parsed.pkg);
        return { name, text, pkg: parsed.pkg, budget, catalog: loadReferenceCatalog(budget.year), expected };
      })
  );
}
