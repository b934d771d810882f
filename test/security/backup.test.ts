import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/connect";
import { exportPackage } from "@/lib/db/budgets/export-package";
import { seedDemo } from "@/lib/db/seed-demo";
import { DEMO_BUDGETS } from "@/lib/db/demo";
import { REPO_ROOT } from "@/lib/db/runtime";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { importDepartmentBudget, rowCounts } from "./support/world";

/**
 * `npm run db:backup` / `npm run db:restore` (lib/cli/backup.ts), run as commands against real
 * databases: a backup restored into a fresh database gives back every budget's exported package
 * unchanged, every row and every published snapshot; a non-empty target is refused unless
 * --force, and a damaged file never costs the target its contents.
 */

const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function command(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, [TSX, "lib/cli/backup.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An empty database on the test server, named so that the global teardown drops it if we do not. */
async function emptyDatabase(like: string): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const pid = new URL(like).pathname.split("_").pop();
  const name = `mingzhang_test_restore_${randomBytes(4).toString("hex")}_${pid}`;
  const admin = new URL(like);
  admin.pathname = "/postgres";
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`create database "${name}"`);
  const url = new URL(like);
  url.pathname = `/${name}`;
  const db = createDb(url.toString());
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await run(`drop database if exists "${name}" with (force)`);
    },
  };
}

async function everyPackage(db: Db) {
  const budgets = await db.budget.findMany({ include: { department: { include: { region: true } } }, orderBy: { id: "asc" } });
  return Promise.all(
    budgets.map(async (b) => ({
      key: `${b.department.region.code}/${b.department.code}/${b.year}/${b.kind}`,
      status: b.status,
      version: b.version,
      pkg: await exportPackage(db, { region: b.department.region.code, unit: b.department.code, year: b.year, kind: b.kind }),
    })),
  );
}

const snapshots = (db: Db) => db.publishedSnapshot.findMany({ orderBy: { id: "asc" } });

let source: TestDatabase;
let dir: string;
let dump: string;
beforeAll(async () => {
  source = await freshDatabase();
  await seedDemo(source.db, () => undefined);
  await importDepartmentBudget(source.db, "880", { name: "备份测试部门" });
  dir = mkdtempSync(path.join(tmpdir(), "mingzhang-backup-"));
  dump = path.join(dir, "mingzhang.dump");
}, 120_000);
afterAll(async () => {
  await source.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into a fresh database with every exported package equal to the original", async () => {
    const backup = command(["backup", dump], source.url);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain("已备份到");

    const target = await emptyDatabase(source.url);
    try {
      const restore = command(["restore", dump], target.url);
      expect(restore.stderr).toBe("");
      expect(restore.code).toBe(0);
      const original = await everyPackage(source.db);
      // The demo budgets (the reference fixtures) and the one imported above.
      expect(original.length).toBeGreaterThanOrEqual(DEMO_BUDGETS.length + 1);
      expect(original.every((b) => b.pkg !== null)).toBe(true);
      expect(await everyPackage(target.db)).toEqual(original);
      expect(await rowCounts(target.db)).toEqual(await rowCounts(source.db));
      expect(await snapshots(target.db)).toEqual(await snapshots(source.db));
      // The restored database is a working one: accounts and their memberships came along.
      expect(await target.db.user.count()).toBe(await source.db.user.count());
    } finally {
      await target.drop();
    }
  }, 180_000);

  it("refuses to restore over a database that holds data, and changes nothing", async () => {
    const before = await everyPackage(source.db);
    const refused = command(["restore", dump], source.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("目标数据库不是空的");
    expect(await everyPackage(source.db)).toEqual(before);
  }, 120_000);

  it("overwrites a non-empty database only with --force, and never for a damaged file", async () => {
    const target = await emptyDatabase(source.url);
    try {
      expect(command(["restore", dump], target.url).code).toBe(0);
      // Someone changes the restored copy; --force brings it back to the backup exactly.
      await target.db.budget.updateMany({ data: { unitName: "被改动的名称" } });
      const damaged = path.join(dir, "damaged.dump");
      writeFileSync(damaged, "not a pg_dump archive");
      const bad = command(["restore", damaged, "--force"], target.url);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("备份文件无法读取，未做任何改动");
      expect(await target.db.budget.count({ where: { unitName: "被改动的名称" } })).toBeGreaterThan(0);

      const forced = command(["restore", dump, "--force"], target.url);
      expect(forced.stderr).toBe("");
      expect(forced.code).toBe(0);
      expect(await everyPackage(target.db)).toEqual(await everyPackage(source.db));
    } finally {
      await target.drop();
    }
  }, 180_000);
});
