import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/open/budgets/[region]/[year]/[unit]/report.pdf/route";
import { findPublishedBudget } from "@/lib/db/queries/public-snapshots";
import { findSnapshotPdf } from "@/lib/db/queries/snapshot-pdf";
import { seedDemo } from "@/lib/db/seed-demo";
import { readPdfText } from "@/test/support/pdf-text";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  // The route reads the database of the process (lib/db/client), this test's own.
  process.env.DATABASE_URL = t.url;
  // Publishes the demo office's budget through publishBudget.
  await seedDemo(t.db, () => undefined);
});
afterAll(async () => t.drop());

const key104 = { region: "500109", year: 2024, unit: "104" };
const get = (query = "") =>
  GET(new Request(`http://localhost/api/open/budgets/500109/2024/104/report.pdf${query}`), {
    params: Promise.resolve({ region: "500109", year: "2024", unit: "104" }),
  });

describe("the stored PDF of a published budget", () => {
  it("is rendered when the budget is published, with a text layer of real characters", async () => {
    const published = await findPublishedBudget(t.db, key104);
    const stored = await findSnapshotPdf(t.db, published!.snapshotId);
    expect(stored).not.toBeNull();
    // The demo's other publication, 104's 2020 决算, has its own.
    expect(await t.db.snapshotPdf.count()).toBe(2);
    const { pages } = readPdfText(stored!);
    const all = pages.join("\n");
    expect(all).toContain("人员经费");
    expect(all).toContain("一般公共服务支出");
    const t2 = pages.find((p) => p.startsWith("重庆市北碚区人民政府办公室一般公共预算财政拨款支出预算表"))!;
    expect(t2.slice(t2.indexOf("合计"))).toContain("2,514.61");
  });

  it("is what report.pdf serves, immutable under its snapshot's ?v", async () => {
    const published = await findPublishedBudget(t.db, key104);
    const response = await get(`?v=${published!.snapshotId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("etag")).toBe(`"snapshot-${published!.snapshotId}"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals((await findSnapshotPdf(t.db, published!.snapshotId))!)).toBe(true);
  });

  it("is rendered and stored on the first download of a snapshot that has none, the current one after a 预算调整", async () => {
    const budget = await t.db.budget.findFirstOrThrow({ where: { year: 2024, department: { code: "104" } } });
    // A snapshot frozen without its PDF, as every snapshot published before PDFs were stored.
    const adjusted = await t.db.$transaction((tx) => freezeSnapshot(tx, budget.id, null));
    expect(await findSnapshotPdf(t.db, adjusted.id)).toBeNull();
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"snapshot-${adjusted.id}"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(readPdfText(body).pages[0]).toContain("预算调整后第 2 版");
    expect((await findSnapshotPdf(t.db, adjusted.id))!.equals(body)).toBe(true);
    expect(await t.db.snapshotPdf.count()).toBe(3);
  });

  it("never changes once stored", async () => {
    const row = await t.db.snapshotPdf.findFirstOrThrow();
    await expect(t.db.snapshotPdf.update({ where: { snapshotId: row.snapshotId }, data: { body: new Uint8Array([1]) } })).rejects.toThrow();
    await expect(t.db.snapshotPdf.delete({ where: { snapshotId: row.snapshotId } })).rejects.toThrow();
  });
});
