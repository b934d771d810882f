import type { Measures } from "./report";
import { DISTRICT_REGION, DISTRICT_UNITS, DISTRICT_YEAR, measureCliCheck, measureDistrictImport, measureFullFlow } from "./measure-cli";
import { measurePublish100 } from "./measure-publish";
import { progress } from "./stats";

/** Runs both command-line measures and records them under their keys (shared by bench/run.ts and bench/cli.ts). */
export function cliMeasures(databaseUrl: string, measures: Measures, details: Record<string, unknown>) {
  progress("(9) budget check of one package as a whole process, npm run -s and node …");
  const check = measureCliCheck(7);
  measures.cli_check_s = check.npm.p50;
  measures.cli_check_p95_s = check.npm.p95;
  measures.cli_check_max_s = check.npm.max;
  measures.cli_check_node_s = check.node.p50;
  details.cliCheck = check;
  progress(
    `check: npm run -s p50 ${check.npm.p50} s (p95 ${check.npm.p95}); node launch.cjs p50 ${check.node.p50} s (p95 ${check.node.p95}) over ${check.npm.runs} runs`,
  );
  progress("(9) full flow of one package (import, tables, narrative, check, PDF, Excel) as whole processes …");
  const flow = measureFullFlow(databaseUrl, 3);
  measures.full_flow_s = flow.npm.p50;
  measures.full_flow_max_s = flow.npm.max;
  measures.full_flow_node_s = flow.node.p50;
  details.fullFlow = flow;
  const steps = Object.entries(flow.steps)
    .map(([name, s]) => `${name} ${s}`)
    .join(", ");
  progress(`full flow: npm run -s p50 ${flow.npm.p50} s (${steps} s); node launch.cjs p50 ${flow.node.p50} s over ${flow.npm.runs} runs`);
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
