/**
 * `npm run bench:cli`: only the command-line measures (`cli_check_s`, `full_flow_s`, `district_import_s`), without
 * the 15 minutes of the whole suite. Uses the benchmark's own PostgreSQL (bench/database.ts) for
 * the import, and writes bench/results-cli.json.
 */
import os from "node:os";
import path from "node:path";
import { writeFileSync } from "node:fs";
import { prepareDatabase } from "@/lib/db/prepare";
import { REPO_ROOT } from "@/lib/db/runtime";
import { openBenchDatabase } from "./database";
import { cliMeasures, publishMeasures } from "./measure-cli-report";
import { printTable, type Measures } from "./report";
import { progress } from "./stats";

async function main() {
  const loadAtStart = os.loadavg();
  progress("starting the benchmark PostgreSQL …");
  const database = await openBenchDatabase();
  const measures: Measures = {};
  const details: Record<string, unknown> = {};
  try {
    await prepareDatabase(database.url, { demo: false });
    cliMeasures(database.url, measures, details);
    await publishMeasures(database.url, measures, details);
  } finally {
    await database.stop();
  }
  printTable(measures, {
    only: [
      "cli_check_s",
      "full_flow_s",
      "district_import_s",
      "publish_100_failures",
      "cli_check_node_s",
      "full_flow_node_s",
      "cli_check_no_extra_ca_s",
      "cli_check_node_no_extra_ca_s",
      "full_flow_no_extra_ca_s",
      "full_flow_node_no_extra_ca_s",
      "node_start_s",
      "node_start_no_extra_ca_s",
      "npm_start_s",
      "npm_start_no_extra_ca_s",
    ],
  });
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cores: os.cpus().length,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg(),
  };
  const file = path.join(REPO_ROOT, "bench", "results-cli.json");
  writeFileSync(file, `${JSON.stringify({ meta, measures, details }, null, 2)}\n`);
  progress(
    `load average ${loadAtStart.map((l) => l.toFixed(2)).join(" ")} → ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; results written to bench/results-cli.json`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:cli failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
