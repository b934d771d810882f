import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/open/finals/[region]/[year]/[unit]/trace/route";
import { sum } from "@/lib/budget/money";
import type { Trace } from "@/lib/budget/trace";
import { findPublishedFinal } from "@/lib/db/queries/public-snapshots";
import { seedDemo } from "@/lib/db/seed-demo";
import { finalNarrativeKeys, printedFinalCells } from "@/lib/final/trace";
import { snapshotFinalTraceSource } from "@/lib/public/published-final-trace";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  // The route reads the database of the process (lib/db/client), this test's own.
  process.env.DATABASE_URL = t.url;
  await seedDemo(t.db, () => undefined);
});
afterAll(async () => t.drop());

const key104 = { region: "500109", year: 2020, unit: "104" };

const get = (k: { region: string; year: number; unit: string }, query: string) =>
  GET(new Request(`http://localhost/api/open/finals/${k.region}/${k.year}/${k.unit}/trace?${query}`), {
    params: Promise.resolve({ region: k.region, year: String(k.year), unit: k.unit }),
  });

function expectSums(trace: Trace, where: string) {
  expect(sum(trace.lines.map((l) => new Decimal(l.amount))).toFixed(2), where).toBe(trace.sum);
  expect(sum(trace.atoms.map((a) => new Decimal(a.value))).toFixed(2), where).toBe(trace.value);
  if (trace.rows) expect(sum(trace.rows.map((r) => new Decimal(r.value))).toFixed(2), where).toBe(trace.value);
}

describe("GET /api/open/finals/{region}/{year}/{unit}/trace", () => {
  it("answers for every cell of every table and every narrative amount of the published demo 决算, each summing to its frozen figure", async () => {
    const final = (await findPublishedFinal(t.db, key104))!;
    expect(final).not.toBeNull();
    const cells = printedFinalCells(final.tables);
    expect(cells.length).toBeGreaterThan(100);
    for (const cell of cells) {
      const where = `${cell.table}/${cell.row}/${cell.column}`;
      const res = await get(key104, new URLSearchParams({ table: cell.table, row: cell.row, column: cell.column }).toString());
      expect(res.status, where).toBe(200);
      const trace = (await res.json()) as Trace;
      expect(trace.value, where).toBe(cell.value);
      expectSums(trace, where);
    }
    const src = (await snapshotFinalTraceSource(final))!;
    for (const k of finalNarrativeKeys(src)) {
      const res = await get(key104, `narrative=${k}`);
      expect(res.status, k).toBe(200);
      expectSums((await res.json()) as Trace, k);
    }
  });

  it("gives a figure's lines in 元 as JSON and CSV", async () => {
    const res = await get(key104, "table=F3&row=201&column=total");
    expect(res.status).toBe(200);
    const trace = (await res.json()) as Trace;
    expect(trace).toMatchObject({ table: "F3", row: "201", column: "total" });
    expect(trace.lines.every((l) => l.function?.startsWith("201") && l.column === "actual")).toBe(true);
    const csv = await get(key104, "table=F3&row=201&column=total&format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("合计（元）");
  });

  it("keeps a published figure's trace when the live 决算 changes (the frozen snapshot only)", async () => {
    const before = await (await get(key104, "table=F1&row=incomeTotal&column=amount")).json();
    const row = await t.db.budget.findFirstOrThrow({ where: { year: 2020, kind: "final", department: { code: "104" } }, include: { finalContent: true } });
    const pkg = structuredClone(row.finalContent!.package) as { income: { amount: string }[] };
    pkg.income[0]!.amount = new Decimal(pkg.income[0]!.amount).plus(1000).toFixed(2);
    await t.db.finalContent.update({ where: { budgetId: row.id }, data: { package: pkg } });
    expect(await (await get(key104, "table=F1&row=incomeTotal&column=amount")).json()).toEqual(before);
  });

  it("refuses bad parameters with a Chinese message (400), unknown cells and unpublished 决算 (404), as the budget trace does", async () => {
    for (const q of [
      "",
      "table=T2&row=201&column=total",
      "table=F11&row=1&column=total",
      "table=F3&column=total",
      "table=F3&row=%3Cx%3E&column=total",
      "format=xml&table=F3&row=201&column=total",
    ]) {
      const res = await get(key104, q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/参数|缺少/);
    }
    for (const q of ["table=F3&row=999&column=total", "table=F1&row=income&column=total", "narrative=nothing"]) {
      const res = await get(key104, q);
      expect(res.status, q).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/没有/);
    }
    expect((await get({ ...key104, unit: "134" }, "table=F1&row=incomeTotal&column=amount")).status).toBe(404);
    expect((await get({ ...key104, year: 2024 }, "table=F1&row=incomeTotal&column=amount")).status).toBe(404);
  });
});
