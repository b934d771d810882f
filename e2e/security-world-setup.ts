/**
 * Run by the security specs (tsx, DATABASE_URL = the e2e server's database) to give them a world
 * of their own that no other spec changes: two departments of 500109 and a second region, one
 * user per actor of the authorization matrix, a submitted and a draft budget, a published budget
 * and a published budget whose texts are hostile. Idempotent: a second run reuses what exists.
 * Prints the world as JSON on stdout.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SessionUser } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import type { BudgetStatus } from "@/generated/prisma/client";
import { setAt, type JsonObject } from "@/test/support/json-edit";
import { createDb, type Db } from "@/lib/db/connect";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { exportPackage } from "@/lib/db/budgets/export-package";
import { startNextYear } from "@/lib/workflow/start-next-year";
import { createBudget } from "@/lib/workflow/create-budget";
import { reviewUnitBudget } from "@/lib/workflow/review-unit-budget";
import { fixturesDir } from "@/test/support/budget/fixtures";
import { addComment } from "@/lib/workflow/add-comment";
import { COMMENT_SECTION_IDS } from "@/lib/workflow/comment-anchors";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { issueReply } from "@/lib/workflow/issue-reply";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { resolveComment } from "@/lib/workflow/resolve-comment";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { HOSTILE, SECURITY_PASSWORD, WORLD, type World } from "./security-world";
import { runScript } from "./run-script";
import { upsertUser as user } from "./seed-units-department";

function petition(code: string, name: string, change?: (p: JsonObject) => void): string {
  const pkg = JSON.parse(readFileSync(path.join(fixturesDir(), "beibei-petition-office-2024.package.json"), "utf8"));
  pkg.unit.code = code;
  pkg.unit.name = name;
  change?.(pkg);
  return JSON.stringify(pkg);
}

async function budget(db: Db, code: string, name: string, change?: (p: JsonObject) => void): Promise<{ id: number; departmentId: number; created: boolean }> {
  // The department's own budget: 971's unit has a budget of the same year.
  const found = await db.budget.findFirst({ where: { year: 2024, subUnitId: null, department: { code, region: { code: WORLD.regionHere } } } });
  if (found) return { id: found.id, departmentId: found.departmentId, created: false };
  const result = await importPackageText(db, petition(code, name, change), { status: "DRAFT" });
  if (!result.ok) throw new Error(`${code}: ${result.errors.map((e) => e.message).join("; ")}`);
  const row = await db.budget.findUniqueOrThrow({ where: { id: result.budgetId } });
  return { id: row.id, departmentId: row.departmentId, created: true };
}

const FINAL_YEAR = 2020;

/** The department's 2020 决算 (the 北碚 2020 决算 fixture under the department's code), as a draft. */
async function final(db: Db, code: string, name: string): Promise<{ id: number }> {
  const found = await db.budget.findFirst({
    where: { year: FINAL_YEAR, kind: "final", subUnitId: null, department: { code, region: { code: WORLD.regionHere } } },
  });
  if (found) return { id: found.id };
  const pkg = JSON.parse(readFileSync(path.join(fixturesDir(), "beibei-government-office-2020-final.package.json"), "utf8"));
  pkg.unit.code = code;
  pkg.unit.name = name;
  const result = await importPackageText(db, JSON.stringify(pkg), { status: "DRAFT" });
  if (!result.ok) throw new Error(`决算 ${code}: ${result.errors.map((e) => e.message).join("; ")}`);
  return { id: result.budgetId };
}

async function walk(db: Db, id: number, steps: [typeof submitBudget, SessionUser][]) {
  for (const [run, actor] of steps) {
    const { version } = await db.budget.findUniqueOrThrow({ where: { id } });
    let result = await run(db, actor, { budgetId: id, expectedVersion: version });
    // In a region with review stages (the demo's 500109) approving passes one stage at a time.
    while (result.ok && run === approveBudget && result.status === "SUBMITTED")
      result = await run(db, actor, { budgetId: id, expectedVersion: result.version });
    if (!result.ok) throw new Error(`budget ${id}: ${result.message}`);
  }
}

async function main() {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const hash = await hashPassword(SECURITY_PASSWORD);
    const here = await db.region.findUniqueOrThrow({ where: { code: WORLD.regionHere } });
    const there = await db.region.upsert({ where: { code: WORLD.regionThere }, create: { code: WORLD.regionThere, name: "安全测试另区" }, update: {} });

    const submitted = await budget(db, WORLD.units.submitted, "安全测试局");
    const draft = await budget(db, WORLD.units.draft, "安全测试邻局");
    const published = await budget(db, WORLD.units.published, "安全测试公开局");
    const hostile = await budget(db, WORLD.units.hostile, HOSTILE.unitName, (p) => {
      setAt(p, "projects[0].name", HOSTILE.hyperlink);
      setAt(p, "projects[1].name", HOSTILE.cmd);
      setAt(p, "projects[2].name", HOSTILE.sql);
      setAt(p, "projects[0].indicators[0].name", HOSTILE.minusCmd);
      setAt(p, "performance.indicators[0].name", HOSTILE.at);
      setAt(p, "narrative.incomeChange", HOSTILE.script);
      setAt(p, "narrative.projectUsage", HOSTILE.img);
      setAt(p, "unit.structure", HOSTILE.markdownHeading);
      setAt(p, "narrative.basicUsage", HOSTILE.markdownLink);
    });

    const users = {
      accountantSubmitted: await user(db, WORLD.users.accountantSubmitted, "ACCOUNTANT", { departmentId: submitted.departmentId }, hash),
      accountantDraft: await user(db, WORLD.users.accountantDraft, "ACCOUNTANT", { departmentId: draft.departmentId }, hash),
      reviewerHere: await user(db, WORLD.users.reviewerHere, "REVIEWER", { regionId: here.id }, hash),
      reviewerThere: await user(db, WORLD.users.reviewerThere, "REVIEWER", { regionId: there.id }, hash),
      admin: await user(db, WORLD.users.admin, "ADMIN", {}, hash),
      // A unit accountant (单位会计) of the submitted budget's department: its unit's budget only,
      // never the department's.
      unitAccountantSubmitted: await user(
        db,
        WORLD.users.unitAccountantSubmitted,
        "ACCOUNTANT",
        {
          departmentId: submitted.departmentId,
          subUnitId: (
            await db.subUnit.upsert({
              where: { departmentId_code: { departmentId: submitted.departmentId, code: `${WORLD.units.submitted}901` } },
              create: { departmentId: submitted.departmentId, code: `${WORLD.units.submitted}901`, name: "安全测试下属单位" },
              update: {},
            })
          ).id,
        },
        hash,
      ),
    };
    // The unit's own 2024 budget (单位预算), so that its accountant's 新建预算 answers "已存在";
    // handed in and accepted (部门审核), as the department's 报送 requires.
    const created = await createBudget(db, users.unitAccountantSubmitted, { departmentId: submitted.departmentId, year: 2024 });
    if (!created.ok && !/已存在/.test(created.message)) throw new Error(created.message);
    if (created.ok) {
      await walk(db, created.budgetId, [[submitBudget, users.unitAccountantSubmitted]]);
      const { version } = await db.budget.findUniqueOrThrow({ where: { id: created.budgetId } });
      const accepted = await reviewUnitBudget(db, users.accountantSubmitted, "accept", { budgetId: created.budgetId, expectedVersion: version });
      if (!accepted.ok) throw new Error(accepted.message);
    }
    for (const name of WORLD.users.rateLimited) await user(db, name, "ACCOUNTANT", { departmentId: draft.departmentId }, hash);
    const publisher = await user(db, "sec.publisher", "ACCOUNTANT", { departmentId: published.departmentId }, hash);
    const hostileAccountant = await user(db, WORLD.users.accountantHostile, "ACCOUNTANT", { departmentId: hostile.departmentId }, hash);
    // The published budget consolidates a unit (an empty 单位预算, handed in and accepted before
    // the department's 报送), so its publication has a unit's tables for the public to read.
    const publishedUnit = await db.subUnit.upsert({
      where: { departmentId_code: { departmentId: published.departmentId, code: `${WORLD.units.published}901` } },
      create: { departmentId: published.departmentId, code: `${WORLD.units.published}901`, name: "安全测试公开局下属单位" },
      update: {},
    });
    const publishedUnitAccountant = await user(
      db,
      `sec.accountant.${WORLD.units.published}.1`,
      "ACCOUNTANT",
      { departmentId: published.departmentId, subUnitId: publishedUnit.id },
      hash,
    );
    const unitCreated = await createBudget(db, publishedUnitAccountant, { departmentId: published.departmentId, year: 2024 });
    if (!unitCreated.ok && !/已存在/.test(unitCreated.message)) throw new Error(unitCreated.message);
    if (unitCreated.ok) {
      await walk(db, unitCreated.budgetId, [[submitBudget, publishedUnitAccountant]]);
      const { version } = await db.budget.findUniqueOrThrow({ where: { id: unitCreated.budgetId } });
      const accepted = await reviewUnitBudget(db, publisher, "accept", { budgetId: unitCreated.budgetId, expectedVersion: version });
      if (!accepted.ok) throw new Error(accepted.message);
    }

    // Each step only when missing, so that a second run (or one after a failure) completes the world.
    if ((await db.budget.findUniqueOrThrow({ where: { id: submitted.id } })).status === "DRAFT") {
      await walk(db, submitted.id, [[submitBudget, users.accountantSubmitted]]);
    }
    if (!(await db.budgetComment.findFirst({ where: { budgetId: submitted.id } }))) {
      // A comment the accountant has answered: resolving it again is refused without a write.
      const comment = await addComment(db, users.reviewerHere, { budgetId: submitted.id, section: COMMENT_SECTION_IDS[0], body: "请核对基本工资" });
      if (!comment.ok) throw new Error(comment.message);
      const resolved = await resolveComment(db, users.accountantSubmitted, { commentId: comment.commentId });
      if (!resolved.ok) throw new Error(resolved.message);
    }
    if (!(await db.budget.findFirst({ where: { departmentId: submitted.departmentId, year: 2025, subUnitId: null } }))) {
      // Next year already started: starting it again is refused without a write.
      const next = await startNextYear(db, users.accountantSubmitted, { fromBudgetId: submitted.id });
      if (!next.ok) throw new Error(next.message);
    }
    // That next year approved and its 批复 issued, not published: its department's accountant may publish it.
    const approved = await db.budget.findFirstOrThrow({ where: { departmentId: submitted.departmentId, year: 2025, subUnitId: null, kind: "budget" } });
    const approvedSteps: Record<string, [typeof submitBudget, SessionUser][]> = {
      DRAFT: [
        [submitBudget, users.accountantSubmitted],
        [approveBudget, users.reviewerHere],
        [issueReply, users.reviewerHere],
      ],
      SUBMITTED: [
        [approveBudget, users.reviewerHere],
        [issueReply, users.reviewerHere],
      ],
      APPROVED: approved.replyIssuedAt ? [] : [[issueReply, users.reviewerHere]],
    };
    await walk(db, approved.id, approvedSteps[approved.status] ?? []);
    const unitBudget = await db.budget.findFirstOrThrow({
      where: { departmentId: submitted.departmentId, year: 2024, kind: "budget", subUnitId: users.unitAccountantSubmitted.memberships[0]!.subUnitId! },
    });
    for (const [b, accountant] of [
      [published, publisher],
      [hostile, hostileAccountant],
    ] as const) {
      const steps: Record<string, [typeof submitBudget, SessionUser][]> = {
        DRAFT: [
          [submitBudget, accountant],
          [approveBudget, users.reviewerHere],
          [issueReply, users.reviewerHere],
          [publishBudget, users.reviewerHere],
        ],
        SUBMITTED: [
          [approveBudget, users.reviewerHere],
          [issueReply, users.reviewerHere],
          [publishBudget, users.reviewerHere],
        ],
        APPROVED: [
          [issueReply, users.reviewerHere],
          [publishBudget, users.reviewerHere],
        ],
      };
      await walk(db, b.id, steps[(await db.budget.findUniqueOrThrow({ where: { id: b.id } })).status] ?? []);
    }

    const finals = {
      submitted: await final(db, WORLD.units.submitted, "安全测试局"),
      draft: await final(db, WORLD.units.draft, "安全测试邻局"),
      published: await final(db, WORLD.units.published, "安全测试公开局"),
    };
    const finalSteps = (accountant: SessionUser, to: "SUBMITTED" | "PUBLISHED"): Record<string, [typeof submitBudget, SessionUser][]> => ({
      DRAFT:
        to === "SUBMITTED"
          ? [[submitBudget, accountant]]
          : [
              [submitBudget, accountant],
              [approveBudget, users.reviewerHere],
              [publishBudget, users.reviewerHere],
            ],
      SUBMITTED:
        to === "SUBMITTED"
          ? []
          : [
              [approveBudget, users.reviewerHere],
              [publishBudget, users.reviewerHere],
            ],
      APPROVED: to === "SUBMITTED" ? [] : [[publishBudget, users.reviewerHere]],
    });
    for (const [f, accountant, to] of [
      [finals.submitted, users.accountantSubmitted, "SUBMITTED"],
      [finals.published, publisher, "PUBLISHED"],
    ] as const) {
      await walk(db, f.id, finalSteps(accountant, to)[(await db.budget.findUniqueOrThrow({ where: { id: f.id } })).status] ?? []);
    }

    const comment = await db.budgetComment.findFirstOrThrow({ where: { budgetId: submitted.id } });
    const status = async (id: number) => (await db.budget.findUniqueOrThrow({ where: { id } })).status as BudgetStatus;
    const world: World = {
      regions: { here: { id: here.id, code: here.code }, there: { id: there.id, code: there.code } },
      budgets: {
        submitted: {
          id: submitted.id,
          departmentId: submitted.departmentId,
          unit: WORLD.units.submitted,
          unitName: "安全测试局",
          status: await status(submitted.id),
        },
        draft: { id: draft.id, departmentId: draft.departmentId, unit: WORLD.units.draft, unitName: "安全测试邻局", status: await status(draft.id) },
        published: {
          id: published.id,
          departmentId: published.departmentId,
          unit: WORLD.units.published,
          unitName: "安全测试公开局",
          status: await status(published.id),
          replied: true,
        },
        hostile: {
          id: hostile.id,
          departmentId: hostile.departmentId,
          unit: WORLD.units.hostile,
          unitName: HOSTILE.unitName,
          status: await status(hostile.id),
        },
      },
      approved: {
        id: approved.id,
        departmentId: submitted.departmentId,
        unit: WORLD.units.submitted,
        unitName: "安全测试局",
        status: await status(approved.id),
        replied: true,
      },
      unitBudget: {
        id: unitBudget.id,
        departmentId: submitted.departmentId,
        unit: WORLD.units.submitted,
        unitName: unitBudget.unitName,
        status: await status(unitBudget.id),
        subUnit: `${WORLD.units.submitted}901`,
      },
      finals: {
        submitted: {
          id: finals.submitted.id,
          departmentId: submitted.departmentId,
          unit: WORLD.units.submitted,
          unitName: "安全测试局",
          status: await status(finals.submitted.id),
        },
        draft: {
          id: finals.draft.id,
          departmentId: draft.departmentId,
          unit: WORLD.units.draft,
          unitName: "安全测试邻局",
          status: await status(finals.draft.id),
        },
        published: {
          id: finals.published.id,
          departmentId: published.departmentId,
          unit: WORLD.units.published,
          unitName: "安全测试公开局",
          status: await status(finals.published.id),
        },
      },
      commentId: comment.id,
      packages: {
        submitted: JSON.stringify(await exportPackage(db, { region: WORLD.regionHere, unit: WORLD.units.submitted, year: 2024 })),
        draft: JSON.stringify(await exportPackage(db, { region: WORLD.regionHere, unit: WORLD.units.draft, year: 2024 })),
      },
      memberships: Object.fromEntries(Object.values(users).map((u) => [u.username, u.memberships])),
      passwordHashes: (await db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash),
      userIds: Object.fromEntries((await db.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id])),
    };
    process.stdout.write(JSON.stringify(world));
  } finally {
    await db.$disconnect();
  }
}

runScript(main);
