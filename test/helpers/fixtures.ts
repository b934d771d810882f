import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fixturesDir, isFinalPackageText } from "@/test/support/budget/fixtures";

/**
 * Every budget fixture package in test/fixtures, so that new fixtures are tested without code
 * changes. 决算 packages (kind "final") are left out: they are stored as documents
 * (lib/db/finals) and tested on their own (test/finals; lib/final/testing/fixtures.ts).
 */
export function fixturePackages(): { name: string; file: string; text: string }[] {
  const dir = fixturesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".package.json"))
    .sort()
    .map((f) => ({ name: f.replace(".package.json", ""), file: path.join(dir, f), text: readFileSync(path.join(dir, f), "utf8") }))
    .filter((f) => !isFinalPackageText(f.text));
}
