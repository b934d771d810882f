/**
 * Measure (6a): importing one Budget Package (`importPackageText`, what `npm run budget -- import`
 * and the workspace's import page run): parse, validate against the catalogue, store in one
 * transaction. The package is a province budget (about 100 basic lines and 10 projects with
 * indicators) re-addressed to a new department each run, so every run creates a budget.
 */
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import type { Db } from "@/lib/db/client";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { parsePackageJson } from "@/lib/budget/package/schema";
import { nowMs, summarize, type Summary } from "./stats";

export interface ImportMeasure {
  packageKb: number;
  failures: number;
  total: Summary;
  /** Parsing and validating alone (no database), p50 ms. */
  parseP50Ms: number;
}

export async function measureImport(db: Db, sourceBudgetId: number, runs: number): Promise<ImportMeasure> {
  const input = await loadForEngine(db, sourceBudgetId, {});
  if (!input) throw new Error(`budget ${sourceBudgetId} not found`);
  const pkg = budgetToPackage(input.budget, { unit: "元" });
  const textFor = (i: number) => {
    const code = String(900 + i);
    return JSON.stringify({
      ...pkg,
      unit: { ...pkg.unit, code, name: `基准导入单位${code}`, subUnits: [{ code: `${code}001`, name: "本级" }] },
      projects: (pkg.projects ?? []).map((p) => ({ ...p, subUnit: `${code}001` })),
    });
  };
  let failures = 0;
  const samples: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const text = textFor(i);
    const t0 = nowMs();
    const result = await importPackageText(db, text, { status: "DRAFT" });
    const ms = nowMs() - t0;
    if (!result.ok) {
      failures++;
      if (failures === 1) process.stderr.write(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}\n`);
    }
    if (i >= 2) samples.push(ms); // the first two warm the code paths and the pool
  }
  // Parsing (JSON + the zod schema) alone, to split the import into its in-process and database parts.
  const parseOnly: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = nowMs();
    parsePackageJson(textFor(0));
    parseOnly.push(nowMs() - t0);
  }
  return {
    packageKb: Math.round(Buffer.byteLength(textFor(0)) / 102.4) / 10,
    failures,
    total: summarize(samples),
    parseP50Ms: summarize(parseOnly).p50,
  };
}
