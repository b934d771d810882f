/**
 * Gives one spec a department of its own in the e2e server's database (DATABASE_URL), so that it
 * depends on no other spec: the department (from a fixture budget imported as a draft, or empty
 * with one 本级 sub-unit) and its accountant. Idempotent. The world comes as JSON in OWN_WORLD.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { fixturesDir } from "@/test/support/budget/fixtures";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { createDb } from "@/lib/db/connect";
import { createFinalFromBudget } from "@/lib/workflow/start-final";
import type { OwnWorld } from "./own-world";

async function main() {
  const world = JSON.parse(process.env.OWN_WORLD ?? "{}") as OwnWorld;
  const db = createDb(process.env.DATABASE_URL);
  try {
    const region = await db.region.findUniqueOrThrow({ where: { code: "500109" } });
    const where = { regionId_code: { regionId: region.id, code: world.department } };
    if (world.fixture && !(await db.department.findUnique({ where }))) {
      const pkg = JSON.parse(readFileSync(path.join(fixturesDir(), `${world.fixture}.package.json`), "utf8"));
      pkg.unit.code = world.department;
      pkg.unit.name = world.name;
      if (world.year) {
        pkg.year = world.year;
        delete pkg.priorYear;
      }
      const result = await importPackageText(db, JSON.stringify(pkg), { status: "DRAFT" });
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
      if (world.final) {
        const started = await db.$transaction((tx) => createFinalFromBudget(tx, result.budgetId, null));
        if (!started.ok) throw new Error(started.message);
      }
    }
    const department = await db.department.upsert({
      where,
      create: { regionId: region.id, code: world.department, name: world.name, subUnits: { create: world.subUnit ? [world.subUnit] : [] } },
      update: {},
    });
    await db.user.upsert({
      where: { username: world.accountant },
      create: {
        username: world.accountant,
        displayName: `${world.name}会计`,
        passwordHash: await hashPassword(world.password),
        memberships: { create: { role: "ACCOUNTANT", departmentId: department.id } },
      },
      update: {},
    });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
