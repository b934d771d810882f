/**
 * The suite's output: a table on stdout and bench/results.json. `measures` holds flat numbers
 * (the keys the issue asks for, plus p50/max companions); `details` holds everything measured,
 * including the profiles that explain a missed target.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

export interface Target {
  key: string;
  label: string;
  unit: string;
  /** The value must be ≤ (or ≥) this. */
  limit: number;
  better: "lower" | "higher";
  /** Companion keys printed next to it (p50, max). */
  p50?: string;
  max?: string;
}

export const TARGETS: Target[] = [
  {
    key: "tables_p95_ms",
    p50: "tables_p50_ms",
    max: "tables_max_ms",
    label: "(1) tables + narrative + rules, one budget from the DB",
    unit: "ms",
    limit: 10,
    better: "lower",
  },
  { key: "final_tables_ms", p50: "final_tables_p50_ms", label: "(1b) 决算 tables + narrative + rules, one department", unit: "ms", limit: 25, better: "lower" },
  {
    key: "tables_vs_rows_ratio",
    label: "(2) … ÷ every row of the budget in one SQL statement (p95/p95)",
    unit: "×",
    limit: 3,
    better: "lower",
  },
  { key: "rollup_p95_ms", p50: "rollup_p50_ms", max: "rollup_max_ms", label: "(3) district rollup, 100 departments", unit: "ms", limit: 200, better: "lower" },
  {
    key: "city_dashboard_ms",
    p50: "city_dashboard_p50_ms",
    label: "(3b) city overview, 40 districts × 100 departments (p95)",
    unit: "ms",
    limit: 1000,
    better: "lower",
  },
  {
    key: "public_page_p95_ms",
    p50: "public_page_p50_ms",
    max: "public_page_max_ms",
    label: "(4) public budget page, 50 connections, as a browser asks (brotli)",
    unit: "ms",
    limit: 50,
    better: "lower",
  },
  { key: "public_vs_static_rps_ratio", label: "(4) page req/s ÷ static file req/s", unit: "", limit: 0.5, better: "higher" },
  {
    key: "save_p95_ms",
    p50: "save_p50_ms",
    max: "save_max_ms",
    label: "(5) save 200-line section, 20 editors at once",
    unit: "ms",
    limit: 150,
    better: "lower",
  },
  { key: "import_ms", p50: "import_ms", max: "import_max_ms", label: "(6) import one package (p50)", unit: "ms", limit: 300, better: "lower" },
  { key: "pdf_ms", p50: "pdf_ms", max: "pdf_max_ms", label: "(6) PDF of one budget (p50)", unit: "ms", limit: 1000, better: "lower" },
  { key: "xlsx_ms", p50: "xlsx_ms", max: "xlsx_max_ms", label: "(6) Excel of one budget (p50)", unit: "ms", limit: 500, better: "lower" },
  { key: "catalog_import_csv_ms", label: "(6b) import a 2,020-row catalogue, CSV (p50)", unit: "ms", limit: 2000, better: "lower" },
  { key: "catalog_import_xlsx_ms", label: "(6b) import a 2,020-row catalogue, Excel (p50)", unit: "ms", limit: 2000, better: "lower" },
  {
    key: "xlsx_import_ms",
    p50: "xlsx_import_ms",
    max: "xlsx_import_max_ms",
    label: "(6c) read + validate a 500-line entry workbook (p50)",
    unit: "ms",
    limit: 500,
    better: "lower",
  },
  {
    key: "grid_500_key_p95_ms",
    p50: "grid_500_key_p50_ms",
    max: "grid_500_key_max_ms",
    label: "(8) a key in the 500-line grid, to next paint",
    unit: "ms",
    limit: 100,
    better: "lower",
  },
  { key: "cold_start_s", label: "(7) cold start to first 200, already built", unit: "s", limit: 15, better: "lower" },
  { key: "rss_mb", label: "(7) next-server RSS under load", unit: "MB", limit: 500, better: "lower" },
  { key: "public_js_kb_gz", label: "(7) public page client JS, gzipped", unit: "KB", limit: 50, better: "lower" },
  {
    key: "cli_check_s",
    p50: "cli_check_s",
    max: "cli_check_max_s",
    label: "(9) npm run -s budget -- check, whole process (p50)",
    unit: "s",
    limit: 0.5,
    better: "lower",
  },
  {
    key: "full_flow_s",
    p50: "full_flow_s",
    max: "full_flow_max_s",
    label: "(9) import+tables+narrative+check+PDF+Excel, 6 processes (p50)",
    unit: "s",
    limit: 2,
    better: "lower",
  },
  { key: "district_import_s", label: "(9) import a district's 100 packages, one CLI process", unit: "s", limit: 20, better: "lower" },
  { key: "publish_100_failures", label: "publish 100 approved budgets at once (20 reviewers)", unit: "", limit: 0, better: "lower" },
];

export const INFORMATIONAL: { key: string; label: string; unit: string }[] = [
  { key: "province_budgets", label: "budgets in the province measured", unit: "" },
  { key: "load_province_s", label: "load the province (batched INSERT … unnest)", unit: "s" },
  { key: "tables_p95_ms_small", label: "scale: (1) on the first 4 districts (1,200 budgets), p95", unit: "ms" },
  { key: "tables_vs_rows_ratio_small", label: "scale: (2) on 1,200 budgets", unit: "×" },
  { key: "rollup_p95_ms_small", label: "scale: (3) rollup on 1,200 budgets, p95", unit: "ms" },
  { key: "save_p95_ms_small", label: "scale: (5) 20 saves at once on 1,200 budgets, p95", unit: "ms" },
  { key: "save_alone_cpu_ms_small", label: "scale: (5) CPU per save alone on 1,200 budgets (p50)", unit: "ms" },
  { key: "read_all_sql_alternating_p95_ms", label: "(2) the floor, p95, in the blocks alternating with (1)", unit: "ms" },
  { key: "tables_alternating_p95_ms", label: "(2) (1) itself, p95, in those blocks", unit: "ms" },
  { key: "tables_vs_rows_ratio_alternating", label: "(2) the ratio with the two timed in alternating blocks", unit: "×" },
  { key: "read_all_sql_p95_ms", label: "(2) the floor: every row of the budget in one SQL statement, p95", unit: "ms" },
  { key: "eight_parts_sql_p95_ms", label: "(2) the floor until 5 Dec 2026 (8 of the 13 parts, not the budget's row), p95", unit: "ms" },
  { key: "tables_vs_eight_parts_ratio", label: "(2) (1) ÷ that floor (p95/p95)", unit: "×" },
  { key: "tables_vs_sql_ratio", label: "(2) before issue 17: (1) ÷ one SQL aggregate of its lines (p95/p95)", unit: "×" },
  { key: "sql_p95_ms", label: "(2) that aggregate itself, p95", unit: "ms" },
  { key: "load_p50_ms", label: "(1) of which loadForEngine (p50)", unit: "ms" },
  { key: "public_rps", label: "(4) public page requests/s", unit: "req/s" },
  { key: "static_rps", label: "(4) static file requests/s", unit: "req/s" },
  { key: "static_p95_ms", label: "(4) static file p95 latency", unit: "ms" },
  { key: "public_page_plain_p95_ms", label: "(4) public page p95 asking for no encoding (130 KB plain sent)", unit: "ms" },
  { key: "public_plain_rps", label: "(4) the same, requests/s", unit: "req/s" },
  { key: "save_alone_p50_ms", label: "(5) the same save, one editor alone (p50)", unit: "ms" },
  { key: "save_alone_cpu_ms", label: "(5) of which the app process's CPU per save (p50)", unit: "ms" },
  { key: "save_load_cpu_ms", label: "(5) the app process's CPU per save during the 20 at once (mean)", unit: "ms" },
  { key: "snapshot_p50_ms", label: "publish: freeze one snapshot (p50)", unit: "ms" },
  { key: "grid_500_key_cpu_ms", label: "(8) of which the browser's main-thread CPU per key", unit: "ms" },
  { key: "pdf_first_ms", label: "(6) PDF, first of a process (fonts parsed)", unit: "ms" },
  { key: "cli_check_node_s", label: "(9) the same check through node lib/cli/launch.cjs (no npm), p50", unit: "s" },
  { key: "full_flow_node_s", label: "(9) the same flow through node lib/cli/launch.cjs (no npm), p50", unit: "s" },
  { key: "cli_check_no_extra_ca_s", label: "(9) check, npm run -s, without NODE_EXTRA_CA_CERTS, p50", unit: "s" },
  { key: "cli_check_node_no_extra_ca_s", label: "(9) check, node launch.cjs, without NODE_EXTRA_CA_CERTS, p50", unit: "s" },
  { key: "full_flow_no_extra_ca_s", label: "(9) flow, npm run -s, without NODE_EXTRA_CA_CERTS, p50", unit: "s" },
  { key: "full_flow_node_no_extra_ca_s", label: "(9) flow, node launch.cjs, without NODE_EXTRA_CA_CERTS, p50", unit: "s" },
  { key: "node_start_s", label: "(9) node -e 0 as this machine starts it, p50", unit: "s" },
  { key: "node_start_no_extra_ca_s", label: "(9) node -e 0 without NODE_EXTRA_CA_CERTS, p50", unit: "s" },
  { key: "npm_start_s", label: "(9) npm -v as this machine starts it, p50", unit: "s" },
  { key: "npm_start_no_extra_ca_s", label: "(9) npm -v without NODE_EXTRA_CA_CERTS, p50", unit: "s" },
];

export type Measures = Record<string, number>;

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return "—";
  return Math.abs(n) >= 100 ? String(Math.round(n)) : String(Math.round(n * 100) / 100);
}

export function passes(t: Target, m: Measures): boolean | null {
  const v = m[t.key];
  if (v === undefined || Number.isNaN(v)) return null;
  return t.better === "lower" ? v <= t.limit : v >= t.limit;
}

/** `only`: the keys of a partial run (bench/cli.ts); the whole suite prints every line. */
export function printTable(m: Measures, options: { only?: readonly string[] } = {}) {
  const shown = (key: string) => !options.only || options.only.includes(key);
  const rows: string[][] = [["measure", "p50", "headline", "max", "target", "met"]];
  for (const t of TARGETS.filter((t) => shown(t.key))) {
    const ok = passes(t, m);
    rows.push([
      t.label,
      t.p50 ? fmt(m[t.p50]) : "",
      `${fmt(m[t.key])} ${t.unit}`.trim(),
      t.max ? fmt(m[t.max]) : "",
      `${t.better === "lower" ? "≤" : "≥"} ${t.limit} ${t.unit}`.trim(),
      ok === null ? "n/a" : ok ? "yes" : "NO",
    ]);
  }
  for (const i of INFORMATIONAL.filter((i) => shown(i.key))) rows.push([i.label, "", `${fmt(m[i.key])} ${i.unit}`.trim(), "", "", ""]);
  // Width by code points is close enough for a terminal; CJK-free labels keep it aligned.
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? "")].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  process.stdout.write(`\n${line(rows[0]!)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const r of rows.slice(1)) process.stdout.write(`${line(r)}\n`);
  process.stdout.write("\n");
}

export function writeResults(file: string, results: { meta: unknown; measures: Measures; details: unknown }) {
  const targets = Object.fromEntries(TARGETS.map((t) => [t.key, { limit: t.limit, better: t.better, met: passes(t, results.measures) }]));
  writeFileSync(file, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  process.stdout.write(`results written to ${path.relative(process.cwd(), file)}\n`);
}
