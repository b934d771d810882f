import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { addComment } from "@/lib/workflow/add-comment";
import { resolveComment } from "@/lib/workflow/resolve-comment";
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
    expect(row).toMatchObject({ budgetId: budget111, authorId: reviewer.id, section: "projects", anchor: projectCode, body: "请补充立项依据", resolvedAt: null });
  });

  it("refuses empty text and unknown sections", async () => {
    expect(await addComment(t.db, reviewer, { budgetId: budget111, section: "projects", body: "  " })).toEqual({ ok: false, code: "invalid_input", message: "意见内容不能为空" });
    expect(await addComment(t.db, reviewer, { budgetId: budget111, section: "nowhere", body: "x" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await addComment(t.db, reviewer, { budgetId: budget111, section: "overall", body: "长".repeat(2001) })).toMatchObject({ ok: false, code: "invalid_input" });
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
