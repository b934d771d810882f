import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { expectedColumnType, readPrismaSchema } from "./prisma-schema";
import { migrate } from "@/lib/db/migrate";

let t: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  t = await freshDatabase();
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await t.drop();
});

describe("the migrated database matches prisma/schema.prisma", () => {
  const schema = readPrismaSchema();

  it("has exactly the schema's tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...schema.models.keys()].sort());
  });

  it("has every field of every model with its type and nullability, and no other column", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; type: string; is_nullable: string }>(
      `select c.table_name, c.column_name, c.is_nullable,
              format_type(a.atttypid, a.atttypmod) as type
         from information_schema.columns c
         join pg_attribute a on a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass and a.attname = c.column_name
        where c.table_schema = 'public' and c.table_name <> '_prisma_migrations'`,
    );
    const actual = rows.map((r) => `${r.table_name}.${r.column_name}: ${r.type.replace(/"/g, "")}${r.is_nullable === "YES" ? " NULL" : ""}`).sort();
    const expected = [...schema.models].flatMap(([model, fields]) =>
      // Prisma leaves scalar lists nullable in the database even when the field is required.
      fields.map((f) => `${model}.${f.name}: ${expectedColumnType(f, schema.enums)}${f.optional || f.list ? " NULL" : ""}`),
    );
    expect(actual).toEqual(expected.sort());
  });

  it("has every enum with exactly the schema's values, in order", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
         from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.values]))).toEqual(Object.fromEntries(schema.enums));
  });

  it("refuses what the schema's comments promise the database refuses", async () => {
    const region = await t.db.region.create({ data: { code: "500999", name: "测试区" } });
    const department = await t.db.department.create({ data: { regionId: region.id, code: "901", name: "测试部门" } });
    const budget = await t.db.budget.create({ data: { departmentId: department.id, year: 2024, unitName: "测试部门" } });
    await expect(
      t.db.basicLine.create({ data: { budgetId: budget.id, position: 0, functionCode: "2010301", economicCode: "30101", amount: "-1.00" } }),
    ).rejects.toThrow();
    await expect(t.db.budget.create({ data: { departmentId: department.id, year: 2024, unitName: "重复" } })).rejects.toThrow();
    const user = await t.db.user.create({ data: { username: "x", displayName: "x", passwordHash: "x" } });
    // An accountant must belong to a department, not a region.
    await expect(t.db.membership.create({ data: { role: "ACCOUNTANT", regionId: region.id, userId: user.id } })).rejects.toThrow();
    const snapshot = await t.db.publishedSnapshot.create({
      data: { budgetId: budget.id, sequence: 1, package: {}, tables: {}, narrative: "已公开" },
    });
    await expect(t.db.publishedSnapshot.update({ where: { id: snapshot.id }, data: { narrative: "改写" } })).rejects.toThrow();
    // The frozen summary (issue 15) and the kind are as frozen as the tables they go with.
    await expect(t.db.publishedSnapshot.update({ where: { id: snapshot.id }, data: { summary: { total: "1.00" } } })).rejects.toThrow();
    await expect(t.db.publishedSnapshot.update({ where: { id: snapshot.id }, data: { kind: "final" } })).rejects.toThrow();
    await expect(t.db.publishedSnapshot.delete({ where: { id: snapshot.id } })).rejects.toThrow();
    await t.db.publishedSnapshot.update({ where: { id: snapshot.id }, data: { supersededAt: new Date() } });
  });

  it("applies migrations once: a second run has nothing to do", async () => {
    expect(await migrate(t.url)).toEqual([]);
  });
});
