import { describe, expect, it } from "vitest";
import { loadFinalFixtures } from "@/test/support/final/fixtures";
import { buildFinalNarrative, checkFinal, evaluateFinal } from "./evaluate";
import { buildFinalTables } from "./tables";

describe("evaluateFinal", () => {
  it.each(loadFinalFixtures().map((f) => [f.name, f] as const))("gives what the separate functions give (%s)", (_name, f) => {
    const e = evaluateFinal(f.final, f.catalog);
    expect(e.tables).toEqual(buildFinalTables(f.final, f.catalog));
    expect(e.narrative).toEqual(buildFinalNarrative(f.final, f.catalog));
    expect(e.findings).toEqual(checkFinal(f.final, f.catalog));
  });

  it("times one department (target ≤ 25 ms; printed, not asserted)", () => {
    for (const f of loadFinalFixtures()) {
      for (let i = 0; i < 20; i++) evaluateFinal(f.final, f.catalog);
      const runs = 100;
      const start = performance.now();
      for (let i = 0; i < runs; i++) evaluateFinal(f.final, f.catalog);
      const ms = (performance.now() - start) / runs;
      console.log(`evaluateFinal ${f.name}: ${ms.toFixed(2)} ms per department (tables + narrative + rules)`);
    }
  });
});
