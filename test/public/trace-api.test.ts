import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/open/budgets/[region]/[year]/[unit]/trace/route";
import { sum } from "@/lib/budget/money";
import { narrativeKeys, printedCells, type Trace } from "@/lib/budget/trace";
import { listPublishedBudgets } from "@/lib/db/queries/public-snapshots";
import { seedDemo } from "@/lib/db/seed-demo";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  // The route reads the database of the process (lib/db/client), this test's own.
  process.env.DATABASE_URL = t.url;
  await seedDemo(t.db, () => undefined);
});
afterAll(async () => t.drop());

const get = (k: { region: string; year: number; unit: string }, query: string) =>
  GET(new Request(`http://localhost/api/open/budgets/${k.region}/${k.year}/${k.unit}/trace?${query}`), {
    params: Promise.resolve({ region: k.region, year: String(k.year), unit: k.unit }),
  });

const key104 = { region: "500109", year: 2024, unit: "104" };

function expectSums(trace: Trace, where: string) {
  expect(sum(trace.lines.map((l) => new Decimal(l.amount))).toFixed(2), where).toBe(trace.sum);
  expect(sum(trace.atoms.map((a) => new Decimal(a.value))).toFixed(2), where).toBe(trace.value);
  if (trace.rows) expect(sum(trace.rows.map((r) => new Decimal(r.value))).toFixed(2), where).toBe(trace.value);
}

describe("GET /api/open/budgets/{region}/{year}/{unit}/trace", () => {
  it("answers for every cell of every table of every published demo budget, each summing to its frozen cell", async () => {
    const published = await listPublishedBudgets(t.db);
    expect(published.length).toBeGreaterThan(0);
    for (const b of published) {
      const key = { region: b.region.code, year: b.year, unit: b.unit.code };
      const cells = printedCells(b.tables);
      expect(cells.length).toBeGreaterThan(100);
      for (const cell of cells) {
        const where = `${b.unit.code} ${cell.table}/${cell.row}/${cell.column}`;
        const res = await get(key, new URLSearchParams({ table: cell.table, row: cell.row, column: cell.column }).toString());
        expect(res.status, where).toBe(200);
        const trace = (await res.json()) as Trace;
        expect(trace.value, where).toBe(cell.value);
        expectSums(trace, where);
      }
    }
  });

  it("answers for the narrative's figures", async () => {
    const res = await get(key104, "narrative=basic");
    expect(res.status).toBe(200);
    const trace = (await res.json()) as Trace;
    expect(trace.narrative).toBe("basic");
    expectSums(trace, "basic");
    const change = (await (await get(key104, "narrative=basicChange")).json()) as Trace;
    expect(change.lines.some((l) => l.source === "prior" && l.amount.startsWith("-"))).toBe(true);
    expect(narrativeKeys).toBeTypeOf("function");
  });

  it("shows T2 一般公共服务支出 with its lines in 元 and the shape of the spec", async () => {
    const res = await get(key104, "table=T2&row=201&column=total");
    const trace = (await res.json()) as Trace;
    expect(res.headers.get("etag")).toMatch(/^"snapshot-\d+"$/);
    expect(trace).toMatchObject({ table: "T2", row: "201", column: "total" });
    expect(trace.lines[0]).toMatchObject({ source: "basic", fund: "generalBudget" });
    expect(trace.lines[0]!.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it("keeps a published figure's trace when the live lines change (the frozen snapshot only)", async () => {
    const before = await (await get(key104, "table=T2&row=total&column=basic")).json();
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    await t.db.$executeRaw`update "BasicLine" set amount = amount + 100 where "budgetId" = ${budget.id} and position = 0`;
    expect(await (await get(key104, "table=T2&row=total&column=basic")).json()).toEqual(before);
    await t.db.$executeRaw`update "BasicLine" set amount = amount - 100 where "budgetId" = ${budget.id} and position = 0`;
  });

  it("refuses bad parameters with a Chinese message (400) and drafts or unknown cells (404)", async () => {
    for (const q of ["", "table=T99&row=1&column=total", "table=T2&column=total", "table=T2&row=201", "table=T2&row=%3Cx%3E&column=total", "narrative=a-b"]) {
      const res = await get(key104, q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/参数|缺少/);
    }
    expect((await get(key104, "table=T2&row=999&column=total")).status).toBe(404);
    expect((await get(key104, "narrative=nothing")).status).toBe(404);
    // 111's budget is submitted, not published.
    expect((await get({ ...key104, unit: "111" }, "table=T2&row=total&column=total")).status).toBe(404);
  });
});
