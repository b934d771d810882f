/**
 * Prepares the crash test's own database (DATABASE_URL): migrations, catalogues, and `count`
 * departments of 500109 with a draft each (for saves and imports) plus `count` approved budgets
 * (for publishing), their accountants and a reviewer. Prints the budgets as JSON.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { fixturesDir } from "@/test/support/budget/fixtures";
import { createDb } from "@/lib/db/connect";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { prepareDatabase } from "@/lib/db/prepare";
import { SECURITY_PASSWORD } from "./security-world";
import { runScript } from "./run-script";

async function main() {
  const url = process.env.DATABASE_URL!;
  const count = Number(process.argv[2] ?? 10);
  await prepareDatabase(url, { demo: false });
  const db = createDb(url);
  try {
    const fixture = readFileSync(path.join(fixturesDir(), "beibei-petition-office-2024.package.json"), "utf8");
    const hash = await hashPassword(SECURITY_PASSWORD);
    const region = await db.region.upsert({ where: { code: "500109" }, create: { code: "500109", name: "重庆市北碚区" }, update: {} });
    await db.user.create({
      data: {
        username: "crash.reviewer",
        displayName: "crash.reviewer",
        passwordHash: hash,
        memberships: { create: { role: "REVIEWER", regionId: region.id } },
      },
    });
    const made: { kind: "draft" | "approved"; id: number; username: string; unit: string }[] = [];
    for (let i = 0; i < count * 2; i++) {
      const unit = String(600 + i);
      const kind = i < count ? "draft" : "approved";
      const pkg = JSON.parse(fixture);
      pkg.unit.code = unit;
      pkg.unit.name = `断电测试部门${unit}`;
      const result = await importPackageText(db, JSON.stringify(pkg), { status: kind === "draft" ? "DRAFT" : "APPROVED" });
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
      const { departmentId } = await db.budget.findUniqueOrThrow({ where: { id: result.budgetId } });
      const username = `crash.accountant.${unit}`;
      await db.user.create({ data: { username, displayName: username, passwordHash: hash, memberships: { create: { role: "ACCOUNTANT", departmentId } } } });
      made.push({ kind, id: result.budgetId, username, unit });
    }
    process.stdout.write(JSON.stringify(made));
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
