import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fixturesDir } from "@/lib/budget/testing/fixtures";

/** Every fixture package in test/fixtures, so that new fixtures are tested without code changes. */
export function fixturePackages(): { name: string; file: string; text: string }[] {
  const dir = fixturesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".package.json"))
    .sort()
    .map((f) => ({ name: f.replace(".package.json", ""), file: path.join(dir, f), text: readFileSync(path.join(dir, f), "utf8") }));
}
