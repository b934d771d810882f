/**
 * Seeds the units spec's world (units-world.ts) through the app's own use cases: the budgets are
 * created as each accountant's 新建预算 creates them. Idempotent.
 */
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/connect";
import { runScript } from "./run-script";
import { seedUnitsDepartment } from "./seed-units-department";
import { UNITS_WORLD as W } from "./units-world";

async function main() {
  const db = createDb(process.env.DATABASE_URL);
  try {
    await seedUnitsDepartment(db, W, await hashPassword(W.password));
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
