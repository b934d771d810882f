import type { Measures } from "./report";
import { measureCliCheck, measureFullFlow } from "./measure-cli";
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
}
