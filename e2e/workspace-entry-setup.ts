/**
 * The hand-entry spec's own world in the e2e server's database: a department of 500109 that no
 * other spec touches (its 本级 sub-unit carries the petition office's code, so the fixture's
 * projects fit it unchanged) and its accountant. Idempotent. Prints the world as JSON.
 */
import { hashPassword } from "@/lib/auth/verify-credentials";
import { createDb } from "@/lib/db/client";
import { ENTRY_WORLD } from "./workspace-entry-world";

async function main() {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const region = await db.region.findUniqueOrThrow({ where: { code: "500109" } });
    const department = await db.department.upsert({
      where: { regionId_code: { regionId: region.id, code: ENTRY_WORLD.department } },
      create: {
        regionId: region.id,
        code: ENTRY_WORLD.department,
        name: ENTRY_WORLD.name,
        subUnits: { create: { code: ENTRY_WORLD.subUnit.code, name: ENTRY_WORLD.subUnit.name } },
      },
      update: {},
    });
    await db.user.upsert({
      where: { username: ENTRY_WORLD.accountant },
      create: {
        username: ENTRY_WORLD.accountant,
        displayName: "手工录入测试会计",
        passwordHash: await hashPassword(ENTRY_WORLD.password),
        memberships: { create: { role: "ACCOUNTANT", departmentId: department.id } },
      },
      update: {},
    });
    process.stdout.write(JSON.stringify({ departmentId: department.id }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
