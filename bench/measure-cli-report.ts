import type { Measures } from "./report";
import {
  type CliEnv,
  DISTRICT_REGION,
  DISTRICT_UNITS,
  DISTRICT_YEAR,
  EXTRA_CA_CERTS,
  measureCliCheck,
  measureDistrictImport,
  measureFullFlow,
  measureStarts,
} from "./measure-cli";
import { measurePublish100 } from "./measure-publish";
import { progress } from "./stats";

/** Runs both command-line measures and records them under their keys (shared by bench/run.ts and bench/cli.ts). */
export function cliMeasures(databaseUrl: string, measures: Measures, details: Record<string, unknown>) {
  // Both environments when this machine sets NODE_EXTRA_CA_CERTS: the figures with it are the
  // issue's (a user's shell), those without show what our code costs apart from that variable.
  const envs: CliEnv[] = EXTRA_CA_CERTS ? ["machine", "noExtraCa"] : ["machine"];
  const suffix = (which: CliEnv) => (which === "machine" ? "" : "_no_extra_ca");
  const label = (which: CliEnv) => (which === "machine" ? "" : " [without NODE_EXTRA_CA_CERTS]");
  for (const which of envs) {
    const starts = measureStarts(which);
    measures[`node_start${suffix(which)}_s`] = starts.node;
    measures[`npm_start${suffix(which)}_s`] = starts.npm;
    details[`starts${suffix(which)}`] = starts;
    progress(`bare starts${label(which)}: node -e 0 p50 ${starts.node} s, npm -v p50 ${starts.npm} s`);
  }
  details.extraCaCerts = EXTRA_CA_CERTS ?? null;
  for (const which of envs) {
    progress(`(9) budget check of one package as a whole process, npm run -s and node${label(which)} …`);
    const check = measureCliCheck(7, which);
    measures[`cli_check${suffix(which)}_s`] = check.npm.p50;
    measures[`cli_check${suffix(which)}_p95_s`] = check.npm.p95;
    measures[`cli_check${suffix(which)}_max_s`] = check.npm.max;
    measures[`cli_check_node${suffix(which)}_s`] = check.node.p50;
    details[`cliCheck${which === "machine" ? "" : "NoExtraCa"}`] = check;
    progress(
      `check${label(which)}: npm run -s p50 ${check.npm.p50} s (p95 ${check.npm.p95}); node launch.cjs p50 ${check.node.p50} s (p95 ${check.node.p95}) over ${check.npm.runs} runs`,
    );
  }
  for (const which of envs) {
    progress(`(9) full flow of one package (import, tables, narrative, check, PDF, Excel) as whole processes${label(which)} …`);
    const flow = measureFullFlow(databaseUrl, 3, which);
    measures[`full_flow${suffix(which)}_s`] = flow.npm.p50;
    measures[`full_flow${suffix(which)}_max_s`] = flow.npm.max;
    measures[`full_flow_node${suffix(which)}_s`] = flow.node.p50;
    details[`fullFlow${which === "machine" ? "" : "NoExtraCa"}`] = flow;
    const steps = Object.entries(flow.steps)
      .map(([name, s]) => `${name} ${s}`)
      .join(", ");
    progress(`full flow${label(which)}: npm run -s p50 ${flow.npm.p50} s (${steps} s); node launch.cjs p50 ${flow.node.p50} s over ${flow.npm.runs} runs`);
  }
  progress("(9) a district's 100 packages through one budget import process …");
  const district = measureDistrictImport(databaseUrl);
  measures.district_import_s = district.seconds;
  details.districtImport = district;
  progress(`district import: ${district.packages} packages (${district.basicLines} basic lines, ${district.projects} projects each) in ${district.seconds} s`);
}

/**
 * Publishing the district the import above brought in (its 2024 budgets, approved first) by 20
 * reviewers at once: `publish_100_failures`. Runs after cliMeasures, which imports them.
 */
export async function publishMeasures(databaseUrl: string, measures: Measures, details: Record<string, unknown>) {
  progress("publishing 100 approved budgets at once (20 reviewers) …");
  const publish = await measurePublish100(databaseUrl, DISTRICT_REGION, DISTRICT_UNITS, DISTRICT_YEAR);
  measures.publish_100_failures = publish.failures;
  measures.publish_100_s = publish.seconds;
  details.publish100 = publish;
  progress(
    `publish: ${publish.budgets} budgets, ${publish.failures} failures (${publish.published} published, ${publish.withPdf} with their PDF) in ${publish.seconds} s; each p50 ${publish.each.p50} ms, p95 ${publish.each.p95} ms${publish.messages.length > 0 ? `; ${publish.messages.join(" | ")}` : ""}`,
  );
}
