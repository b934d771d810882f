/**
 * final_tables_ms: one department's 决算 turned into its tables F1–F10, its 部门决算情况说明 and its
 * rule findings by evaluateFinal — what the 决算 workspace, the review page and publication do.
 * The package is the demo's (104 区政府办公室, 2020 决算), read and converted once; the timing is
 * the engine alone. Runs on its own too: `npx tsx bench/measure-final.ts`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "@/lib/catalog/reference";
import { loadFinalCatalog } from "@/lib/final/catalog";
import { evaluateFinal } from "@/lib/final/evaluate";
import { packageToFinal } from "@/lib/final/model";
import { parseFinalPackageJson } from "@/lib/final/package/schema";
import { nowMs, summarize, type Summary } from "./stats";

export interface FinalMeasure {
  projects: number;
  basicLines: number;
  errors: number;
  total: Summary;
}

export function measureFinalTables(runs = 400, warmup = 40): FinalMeasure {
  const parsed = parseFinalPackageJson(readFileSync(path.join(DATA_DIR, "demo", "beibei-government-office-2020-final.package.json"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  const final = packageToFinal(parsed.pkg);
  const catalog = loadFinalCatalog(final.year);
  let errors = 0;
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = nowMs();
    const { findings } = evaluateFinal(final, catalog);
    const t1 = nowMs();
    if (i >= warmup) samples.push(t1 - t0);
    errors = findings.filter((f) => f.severity === "error").length;
  }
  return { projects: final.projects.length, basicLines: final.basicExpenditure.length, errors, total: summarize(samples) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const m = measureFinalTables();
  process.stdout.write(`${JSON.stringify({ final_tables_ms: m.total.p95, final_tables_p50_ms: m.total.p50, ...m }, null, 2)}\n`);
}
