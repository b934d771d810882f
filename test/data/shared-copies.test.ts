import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * 明账 ships copies of the reference material it needs and never reads ../shared. The test
 * fixtures (real budgets with the tables they must produce) must stay exactly the reference
 * ones wherever that folder happens to be beside the clone; a clone with nothing beside it has
 * nothing to compare. (Specs, catalogues and demo budgets are the product's own and evolve.)
 */
const repo = path.resolve(__dirname, "..", "..");
const shared = path.resolve(repo, "..", "shared");
const present = existsSync(path.join(shared, "fixtures"));

const pairs: [copy: string, original: string][] = [
  ...(present ? readdirSync(path.join(shared, "fixtures")) : []).map((f): [string, string] => [`test/fixtures/${f}`, `fixtures/${f}`]),
];

describe.skipIf(!present)("copies of the reference material", () => {
  it.each(pairs)("%s equals ../shared/%s", (copy, original) => {
    const ours = readFileSync(path.join(repo, copy), "utf8");
    const theirs = readFileSync(path.join(shared, original), "utf8");
    // NOTES.md keeps the reference notes verbatim and may go on with the repository's own fixtures.
    if (copy.endsWith("NOTES.md")) expect(ours.startsWith(theirs)).toBe(true);
    else expect(ours).toBe(theirs);
  });
});
