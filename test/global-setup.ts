import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database with the reference catalogues, used as the template of each test's own database. */
    templateUrl: string;
  }
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Integration tests run against a real PostgreSQL: the server named by DATABASE_URL when set
 * (in a database of their own, dropped afterwards), else an embedded one in a temporary folder.
 */
export default async function setup(project: TestProject) {
  const templateName = `mingzhang_test_template_${process.pid}`;
  let adminUrl: string;
  let stopServer = async () => undefined as void;
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    // The postgres user must reach the folder when tests run as root, so not under a private home.
    dataDir = mkdtempSync(path.join(tmpdir(), "mingzhang-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort(), database: "postgres" });
    adminUrl = server.url;
    stopServer = server.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateName}`);
  await admin.query(`create database ${templateName}`);
  const templateUrl = withDatabase(adminUrl, templateName);
  await prepareDatabase(templateUrl, { demo: false });
  project.provide("templateUrl", templateUrl);

  return async () => {
    // Test databases copied from the template are dropped by their tests; drop any left over.
    const left = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`mingzhang_test_%_${process.pid}%`]);
    for (const { datname } of left.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.query(`drop database if exists ${templateName} with (force)`);
    await admin.end();
    await stopServer();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
