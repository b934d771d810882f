import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { listMigrations } from "@/lib/db/migrate";
import { eventChanges } from "@/lib/db/budgets/event-changes";

/**
 * The migration that moved the trail's amount changes from rows into their events keeps every
 * change of every event, in the order written, with its value to the fen — run here on a
 * database that has the rows, as a deployed one had.
 */
const MIGRATION = "20261208800000_event_amount_changes";

const admin = new URL(inject("templateUrl"));
admin.pathname = "/postgres";
const name = `mingzhang_migration_${randomBytes(4).toString("hex")}`;
let client: pg.Client;

beforeAll(async () => {
  const a = new pg.Client({ connectionString: admin.toString() });
  await a.connect();
  await a.query(`create database "${name}"`);
  await a.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const m of listMigrations().filter((m) => m.name < MIGRATION)) await client.query(m.sql);
});

afterAll(async () => {
  await client.end();
  const a = new pg.Client({ connectionString: admin.toString() });
  await a.connect();
  await a.query(`drop database if exists "${name}" with (force)`);
  await a.end();
});

describe(MIGRATION, () => {
  it("moves every amount change into its event, in order and to the fen, and drops the rows' table", async () => {
    const region = await client.query<{ id: number }>(`insert into "Region" (code, name) values ('500999', '测试区') returning id`);
    const dept = await client.query<{ id: number }>(`insert into "Department" ("regionId", code, name) values ($1, '901', '测试部门') returning id`, [
      region.rows[0]!.id,
    ]);
    const budget = await client.query<{ id: number }>(
      `insert into "Budget" ("departmentId", year, "unitName", "updatedAt") values ($1, 2024, '测试部门', now()) returning id`,
      [dept.rows[0]!.id],
    );
    const event = (action: string) =>
      client
        .query<{ id: number }>(`insert into "BudgetEvent" ("budgetId", action, "toStatus", version) values ($1, $2, 'DRAFT', 1) returning id`, [
          budget.rows[0]!.id,
          action,
        ])
        .then((r) => r.rows[0]!.id);
    const edit = await event("edit.basic");
    const submit = await event("submit");
    // Written out of key order on purpose: the order kept is the order written.
    const rows: [string, string, string | null, string | null][] = [
      ["basic/2010301/30103/generalBudget", "基本支出 行政运行 奖金", "99999999999999.99", null],
      ["basic/2010301/30101/generalBudget", "基本支出 行政运行 基本工资", "1249300.00", "1250300.05"],
      ["basic/2010301/30102/generalBudget", "基本支出 行政运行 津贴补贴", null, "0.01"],
    ];
    for (const [key, label, oldValue, newValue] of rows) {
      await client.query(`insert into "AmountChange" ("eventId", key, label, "oldValue", "newValue") values ($1, $2, $3, $4, $5)`, [
        edit,
        key,
        label,
        oldValue,
        newValue,
      ]);
    }

    await client.query(listMigrations().find((m) => m.name === MIGRATION)!.sql);

    const after = await client.query<{ id: number; changes: unknown }>(`select id, changes from "BudgetEvent" order by id`);
    expect(after.rows.map((r) => [r.id, eventChanges(r.changes as never)])).toEqual([
      [edit, rows.map(([key, label, oldValue, newValue]) => ({ key, label, oldValue, newValue }))],
      [submit, []],
    ]);
    const table = await client.query(`select to_regclass('"AmountChange"') as t`);
    expect(table.rows[0].t).toBeNull();
  });
});
