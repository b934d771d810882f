import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fixturesDir, isFinalPackageText } from "@/lib/budget/testing/fixtures";

/**
 * Every budget fixture package in test/fixtures, so that new fixtures are tested without code
 * changes. 决算 packages (kind "final") are left out: the database does not store them yet
 * (lib/final/testing/fixtures.ts loads them for the engine's tests).
 */
export function fixturePackages(): { name: string; file: string; text: string }[] {
  const dir = fixturesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".package.json"))
    .sort()
    .map((f) => ({ name: f.replace(".package.json", ""), file: path.join(dir, f), text: readFileSync(path.join(dir, f), "utf8") }))
    .filter((f) => !isFinalPackageText(f.text));
}
