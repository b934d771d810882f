/**
 * Copies the demo district into the region of DISTRICT_WORLD (JSON, see district-world.ts) in the
 * e2e server's database (DATABASE_URL): the demo budgets under the region's code, taken to their
 * statuses through the workflow use cases (so trails, frozen submissions and published snapshots
 * are what the app makes), a reviewer of the region and an accountant per department.
 * Idempotent: a second run completes what is missing. Prints the world as JSON.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sessionUserByName } from "@/lib/db/queries/session-user";
import { hashPassword } from "@/lib/auth/password";
import { DATA_DIR } from "@/lib/catalog/reference";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { createDb, type Db } from "@/lib/db/connect";
import { DEMO_BUDGETS, DEMO_PASSWORD, DEMO_USERS, PATH_TO } from "@/lib/db/demo";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { accountantOf, reviewerOf, type DemoUnit, type DistrictWorld, type SeededDistrict, type Status } from "./district-world";
import { runScript } from "./run-script";

const STEP: Record<Status, typeof submitBudget> = {
  DRAFT: () => Promise.reject(new Error("a draft is where every budget starts")),
  SUBMITTED: submitBudget,
  RETURNED: returnBudget,
  APPROVED: approveBudget,
  PUBLISHED: publishBudget,
};

const sessionUser = sessionUserByName;

async function user(
  db: Db,
  username: string,
  displayName: string,
  hash: string,
  membership: { role: "REVIEWER" | "ACCOUNTANT"; regionId?: number; departmentId?: number },
) {
  await db.user.upsert({
    where: { username },
    create: {
      username,
      displayName,
      passwordHash: hash,
      memberships: { create: { role: membership.role, regionId: membership.regionId ?? null, departmentId: membership.departmentId ?? null } },
    },
    update: {},
  });
}

/** Imports one demo budget under the world's region (unless there) and walks it to `status`. */
async function copy(db: Db, world: DistrictWorld, file: string, status: Status, hash: string) {
  const pkg = JSON.parse(readFileSync(path.join(DATA_DIR, "demo", file), "utf8"));
  pkg.region = world.region;
  const unit = pkg.unit.code as DemoUnit;
  const where = { year: pkg.year as number, kind: "budget" as const, department: { code: unit, region: { code: world.region.code } } };
  let row = await db.budget.findFirst({ where });
  if (!row) {
    const result = await importPackageText(db, JSON.stringify(pkg), { status: "DRAFT" });
    if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => e.message).join("; ")}`);
    row = await db.budget.findUniqueOrThrow({ where: { id: result.budgetId } });
  }
  const demoUser = DEMO_USERS.find((u) => u.department === unit);
  await user(db, accountantOf(world.region.code, unit), demoUser?.displayName ?? `${pkg.unit.name}会计`, hash, {
    role: "ACCOUNTANT",
    departmentId: row.departmentId,
  });
  const done = PATH_TO[row.status as Status];
  for (const to of PATH_TO[status].slice(done.length)) {
    const actor = await sessionUser(db, to === "SUBMITTED" ? accountantOf(world.region.code, unit) : reviewerOf(world.region.code));
    const { version } = await db.budget.findUniqueOrThrow({ where: { id: row.id } });
    const result = await STEP[to](db, actor, { budgetId: row.id, expectedVersion: version, comment: "演示数据副本" });
    if (!result.ok) throw new Error(`${file} → ${to}: ${result.message}`);
  }
  const now = await db.budget.findUniqueOrThrow({ where: { id: row.id } });
  return { unit, id: now.id, year: now.year, status: now.status as Status };
}

async function main() {
  const world = JSON.parse(process.env.DISTRICT_WORLD ?? "{}") as DistrictWorld;
  const db = createDb(process.env.DATABASE_URL);
  try {
    const hash = await hashPassword(DEMO_PASSWORD);
    const region = await db.region.upsert({ where: { code: world.region.code }, create: world.region, update: {} });
    await user(db, reviewerOf(region.code), `${region.name}审核员`, hash, { role: "REVIEWER", regionId: region.id });
    const seeded: SeededDistrict = {
      regionId: region.id,
      budgets: {},
      reviewer: reviewerOf(region.code),
      accountants: { "104": accountantOf(region.code, "104"), "111": accountantOf(region.code, "111"), "134": accountantOf(region.code, "134") },
      password: DEMO_PASSWORD,
    };
    for (const demo of DEMO_BUDGETS) {
      const unit = JSON.parse(readFileSync(path.join(DATA_DIR, "demo", demo.file), "utf8")).unit.code as DemoUnit;
      const status = world.budgets ? world.budgets[unit] : demo.status;
      if (!status) continue;
      const b = await copy(db, world, demo.file, status, hash);
      seeded.budgets[b.unit] = { id: b.id, year: b.year, status: b.status };
    }
    process.stdout.write(JSON.stringify(seeded));
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
