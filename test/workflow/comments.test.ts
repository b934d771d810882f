import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { addComment } from "@/lib/workflow/add-comment";
import { resolveComment } from "@/lib/workflow/resolve-comment";
import { budgetComments } from "@/lib/db/queries/budget-comments";
import { loadBudgetReview } from "@/lib/review/load-budget-review";
import { commentPlace } from "@/lib/workflow/comment-anchors";
import { fieldOfComment, sectionOfComment } from "@/lib/workspace/comment-sections";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { createReviewer, sessionUser } from "./users";

let t: TestDatabase;
let reviewer: SessionUser;
let accountant111: SessionUser;
let accountant104: SessionUser;
let accountant134: SessionUser;
let foreignReviewer: SessionUser;
let budget111: number;
let budget134: number;
let projectCode: string;

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  reviewer = await sessionUser(t.db, "reviewer.500109");
  accountant111 = await sessionUser(t.db, "accountant.111");
  accountant104 = await sessionUser(t.db, "accountant.104");
  accountant134 = await sessionUser(t.db, "accountant.134");
  foreignReviewer = await createReviewer(t.db, "reviewer.500110", "500110");
  budget111 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "111" } } })).id;
  budget134 = (await t.db.budget.findFirstOrThrow({ where: { department: { code: "134" } } })).id;
  projectCode = (await t.db.project.findFirstOrThrow({ where: { budgetId: budget111 } })).code;
});
afterAll(async () => t.drop());

describe("review comments", () => {
  let commentId: number;

  it("the reviewer comments on a project of a submitted budget", async () => {
    const result = await addComment(t.db, reviewer, { budgetId: budget111, section: "projects", anchor: projectCode, body: " 请补充立项依据 " });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    commentId = result.commentId;
    const row = await t.db.budgetComment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({
      budgetId: budget111,
      authorId: reviewer.id,
      section: "projects",
      anchor: projectCode,
      body: "请补充立项依据",
      resolvedAt: null,
    });
  });

  it("refuses empty text and unknown sections", async () => {
    expect(await addComment(t.db, reviewer, { budgetId: budget111, section: "projects", body: "  " })).toEqual({
      ok: false,
      code: "invalid_input",
      message: "意见内容不能为空",
    });
    expect(await addComment(t.db, reviewer, { budgetId: budget111, section: "nowhere", body: "x" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await addComment(t.db, reviewer, { budgetId: budget111, section: "overall", body: "长".repeat(2001) })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });

  it("a reviewer of another region, or one looking at a draft, finds no budget", async () => {
    expect(await addComment(t.db, foreignReviewer, { budgetId: budget111, section: "overall", body: "x" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await addComment(t.db, reviewer, { budgetId: budget134, section: "overall", body: "x" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("only the department's accountant marks it answered, once, with the answer kept", async () => {
    expect(await resolveComment(t.db, reviewer, { commentId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await resolveComment(t.db, accountant104, { commentId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await resolveComment(t.db, accountant134, { commentId: 999_999 })).toMatchObject({ ok: false, code: "not_found" });
    expect(await resolveComment(t.db, accountant111, { commentId, answer: "已补充文件依据" })).toEqual({ ok: true, commentId });
    const row = await t.db.budgetComment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({ resolvedById: accountant111.id, answer: "已补充文件依据" });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect(await resolveComment(t.db, accountant111, { commentId })).toEqual({ ok: false, code: "conflict", message: "该审核意见已标记为已答复" });
  });

  it("the accountant may reply with a comment of their own", async () => {
    const result = await addComment(t.db, accountant111, { budgetId: budget111, section: "overall", body: "已按意见修改" });
    expect(result.ok).toBe(true);
  });
});

describe("comments on a row of a published table (issue 13)", () => {
  it("the reviewer picks a row of T2 or a T11 project; the accountant sees it, by name, on the matching section", async () => {
    const review = (await loadBudgetReview(t.db, reviewer, budget111))!;
    const t2Row = review.anchors.T2!.find((a) => /^\d{7}$/.test(a.value))!;
    expect(t2Row.label).toMatch(new RegExp(`^${t2Row.value} \\S`));
    const project = await t.db.project.findFirstOrThrow({ where: { budgetId: budget111, code: projectCode } });
    expect(review.anchors.T11).toContainEqual({ value: projectCode, label: `${project.name}（${projectCode}）` });
    expect(review.anchors.projects).toContainEqual({ value: projectCode, label: `${project.name}（${projectCode}）` });

    expect((await addComment(t.db, reviewer, { budgetId: budget111, section: "T2", anchor: t2Row.value, body: "该科目增幅较大" })).ok).toBe(true);
    expect((await addComment(t.db, reviewer, { budgetId: budget111, section: "T11", anchor: projectCode, body: "指标值偏低" })).ok).toBe(true);

    // The review page lists the project's name, not its code.
    const reread = (await loadBudgetReview(t.db, reviewer, budget111))!;
    const onProject = reread.comments.find((c) => c.body === "指标值偏低")!;
    expect(commentPlace(onProject.section, onProject.anchor, reread.projectNames)).toBe(`表11 项目支出绩效目标表 · ${project.name}`);
    const onProjects = reread.comments.find((c) => c.section === "projects")!;
    expect(commentPlace(onProjects.section, onProjects.anchor, reread.projectNames)).toBe(`项目支出 · ${project.name}`);

    // The accountant's workspace puts them on 基本支出 and 项目支出 (the project's own field).
    const seen = await budgetComments(t.db, accountant111, budget111);
    const onRow = seen.find((c) => c.body === "该科目增幅较大")!;
    expect(sectionOfComment(onRow.section)).toBe("basic");
    const onT11 = seen.find((c) => c.body === "指标值偏低")!;
    expect(sectionOfComment(onT11.section)).toBe("projects");
    const projects = await t.db.project.findMany({ where: { budgetId: budget111 }, orderBy: { position: "asc" } });
    expect(fieldOfComment(onT11.section, onT11.anchor, projects)).toBe(`projects[${projects.findIndex((p) => p.code === projectCode)}].name`);
    expect(sectionOfComment("overall")).toBeUndefined();
  });
});
