/**
 * Measure (6b): an administrator's import of a year's full catalogue (issue 12: 2,000 rows ≤ 2 s),
 * as CSV and as Excel: parse, preview (what the page shows first), then import in one
 * transaction. Each run imports into a new year, so every row is an insert.
 *
 * Also runnable alone, on an embedded PostgreSQL of its own:
 *   npx tsx bench/measure-catalog-import.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { SessionUser } from "@/lib/auth/permissions";
import { importCatalog, previewCatalogImport } from "@/lib/admin/import-catalog";
import { createDb, type Db } from "@/lib/db/connect";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { nowMs, summarize, type Summary } from "./stats";

export interface CatalogImportMeasure {
  rows: number;
  csv: { preview: Summary; import: Summary };
  xlsx: { preview: Summary; import: Summary };
}

const ADMIN: SessionUser = { id: 0, username: "bench-admin", displayName: "基准管理员", memberships: [{ role: "ADMIN", departmentId: null, regionId: null }] };

/** 20 类 × 5 款 × 19 项: 2,020 function subjects, the size of a real 支出功能分类 volume. */
export function syntheticFunctionCatalogue(): [string, string][] {
  const rows: [string, string][] = [];
  for (let c = 0; c < 20; c++) {
    const cls = String(201 + c);
    rows.push([cls, `合成类${cls}`]);
    for (let k = 1; k <= 5; k++) {
      const kuan = `${cls}${String(k).padStart(2, "0")}`;
      rows.push([kuan, `合成款${kuan}`]);
      for (let x = 1; x <= 19; x++) rows.push([`${kuan}${String(x).padStart(2, "0")}`, `合成项${kuan}${String(x).padStart(2, "0")}`]);
    }
  }
  return rows;
}

async function xlsxOf(rows: [string, string][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("支出功能分类");
  ws.addRow(["合成政府收支分类科目（基准）"]);
  ws.addRow(["科目编码", "科目名称", "说明"]);
  for (const [code, name] of rows) ws.addRow([Number(code), name, ""]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

export async function measureCatalogImport(db: Db, runs: number, firstYear = 2090): Promise<CatalogImportMeasure> {
  const rows = syntheticFunctionCatalogue();
  const csv = ["科目编码,科目名称", ...rows.map(([c, n]) => `${c},${n}`)].join("\n");
  const xlsx = await xlsxOf(rows);
  const samples = { csvPreview: [] as number[], csvImport: [] as number[], xlsxPreview: [] as number[], xlsxImport: [] as number[] };
  let year = firstYear;
  for (let i = 0; i < runs; i++) {
    for (const [kind, input] of [
      ["csv", { text: csv }],
      ["xlsx", { xlsx }],
    ] as const) {
      year++;
      let t0 = nowMs();
      const preview = await previewCatalogImport(db, ADMIN, { year, kind: "function", ...input });
      const previewMs = nowMs() - t0;
      if (!preview.ok || preview.preview.errors.length > 0 || preview.preview.rows !== rows.length)
        throw new Error(`preview failed: ${JSON.stringify(preview).slice(0, 300)}`);
      t0 = nowMs();
      const result = await importCatalog(db, ADMIN, { year, kind: "function", ...input });
      const importMs = nowMs() - t0;
      if (!result.ok || result.stored !== rows.length) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
      (kind === "csv" ? samples.csvPreview : samples.xlsxPreview).push(previewMs);
      (kind === "csv" ? samples.csvImport : samples.xlsxImport).push(importMs);
    }
  }
  await db.functionSubject.deleteMany({ where: { year: { gt: firstYear, lte: year } } });
  await db.catalogRevision.deleteMany({ where: { year: { gt: firstYear, lte: year } } });
  return {
    rows: rows.length,
    csv: { preview: summarize(samples.csvPreview), import: summarize(samples.csvImport) },
    xlsx: { preview: summarize(samples.xlsxPreview), import: summarize(samples.xlsxImport) },
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mingzhang-bench-catalog-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), database: "postgres" });
  const db = createDb(server.url);
  try {
    await migrate(server.url, () => undefined);
    const m = await measureCatalogImport(db, 5);
    process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
    process.stdout.write(
      `import of ${m.rows} rows: CSV p50 ${m.csv.import.p50} ms (preview ${m.csv.preview.p50} ms), Excel p50 ${m.xlsx.import.p50} ms (preview ${m.xlsx.preview.p50} ms)\n`,
    );
  } finally {
    await db.$disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
