import { execFileSync } from "node:child_process";
import { e2eDatabaseUrl, ROOT, TSX } from "./security-world";

/** A department of one spec's own (see own-world-setup.ts). */
export interface OwnWorld {
  department: string;
  name: string;
  accountant: string;
  password: string;
  /** A fixture budget (test/fixtures/<name>.package.json) imported as the department's draft. */
  fixture?: string;
  /** A 决算 draft started from the fixture's budget, as the demo starts 134's (lib/db/seed-demo.ts). */
  final?: boolean;
  /** The fixture moved to this year, without its 上年 figures: a first year in 明账. */
  year?: number;
  /** The 本级 sub-unit of a department made without a fixture. */
  subUnit?: { code: string; name: string };
}

export function seedOwnWorld(world: OwnWorld) {
  execFileSync(process.execPath, [TSX, "e2e/own-world-setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), OWN_WORLD: JSON.stringify(world) },
    encoding: "utf8",
    timeout: 120_000,
  });
}
