import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { budgetContentInclude } from "@/lib/db/budgets/read-budget";
import { seedDemo } from "@/lib/db/seed-demo";
import { startNextYear } from "@/lib/workflow/start-next-year";
import { importIntoBudget } from "@/lib/workflow/import-into-budget";
import { createFinalFromBudget } from "@/lib/workflow/start-final";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { budgetIdOf, sessionUser } from "../helpers/users";

/**
 * A transaction is one connection: a query sent while another is still running on it is what pg
 * deprecates ("Calling client.query() when the client is already executing a query", a warning
 * printed by the CLI and the server). Prisma sends an include's relations that way, so the use
 * cases that read a budget with its content inside a transaction read it in one statement instead.
 */
let t: TestDatabase;
let overlapping = 0;
const query = pg.Client.prototype.query;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  // What pg checks before its warning (client.js): a query queued behind one still running.
  pg.Client.prototype.query = function (this: pg.Client & { _queryQueue: unknown[]; _activeQuery: unknown }, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue.length > 0) overlapping += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await t.drop();
});

async function overlapsOf(work: () => Promise<unknown>): Promise<number> {
  const before = overlapping;
  await work();
  return overlapping - before;
}

describe("reading a budget with its content inside a transaction", () => {
  it("is what pg warns of when read through Prisma's include (the detector sees it)", async () => {
    const id = await budgetIdOf(t.db, "134", 2023);
    expect(await overlapsOf(() => t.db.$transaction((tx) => tx.budget.findFirst({ where: { id }, include: budgetContentInclude })))).toBeGreaterThan(0);
  });

  it("sends one query at a time in a replacing import, next year's budget, an import into a draft and a 决算 from a budget", async () => {
    // A department the demo does not have: its budget is a draft, replaceable.
    const own = JSON.parse(fixturePackages()[0]!.text);
    own.unit.code = "977";
    const text = JSON.stringify(own);
    expect((await importPackageText(t.db, text)).ok).toBe(true);
    expect(await overlapsOf(async () => expect((await importPackageText(t.db, text, { replace: true })).ok).toBe(true))).toBe(0);

    const from = await budgetIdOf(t.db, "111", 2024);
    const accountant111 = await sessionUser(t.db, "accountant.111");
    expect(await overlapsOf(async () => expect((await startNextYear(t.db, accountant111, { fromBudgetId: from })).ok).toBe(true))).toBe(0);

    const draftId = await budgetIdOf(t.db, "134", 2023);
    const accountant134 = await sessionUser(t.db, "accountant.134");
    const pkg = JSON.parse(fixturePackages().find((f) => f.name.includes("government-services-2023"))!.text);
    pkg.basicExpenditure[0].amount = "70.00";
    const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: draftId } });
    const imported = () =>
      importIntoBudget(t.db, accountant134, { budgetId: draftId, expectedVersion: version, text: JSON.stringify(pkg), mode: "merge", apply: true });
    expect(await overlapsOf(async () => expect((await imported()).ok).toBe(true))).toBe(0);

    expect(await overlapsOf(async () => expect((await t.db.$transaction((tx) => createFinalFromBudget(tx, from, null))).ok).toBe(true))).toBe(0);
  });
});
