import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { resolveCommentInput, submitInput } from "@/lib/actions/budget/budget.schema";
import { commentSchema } from "@/lib/actions/review/review.schema";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/lib/db/client", () => ({ db: () => ({}) }));

const { defineAction, defineFormAction } = await import("./action");

const accountant: SessionUser = { id: 1, username: "a", displayName: "会计", memberships: [{ role: "ACCOUNTANT", departmentId: 7, regionId: null }] };
const reviewer: SessionUser = { id: 2, username: "r", displayName: "审核", memberships: [{ role: "REVIEWER", departmentId: null, regionId: 3 }] };

describe("defineAction", () => {
  const run = vi.fn(async (input: unknown, ctx: { user: SessionUser }) => ({ ok: true as const, input, by: ctx.user.username }));
  beforeEach(() => {
    run.mockClear();
    session.user = accountant;
  });
  const submit = defineAction({ tier: { permission: "budget.submit" }, refused: "请先以部门会计身份登录", input: submitInput, run });

  it("refuses a signed-out caller and one without the permission, before parsing or running", async () => {
    session.user = null;
    expect(await submit({ budgetId: 1, expectedVersion: 1 })).toEqual({ ok: false, code: "forbidden", message: "请先以部门会计身份登录" });
    session.user = reviewer;
    expect(await submit({ budgetId: 1, expectedVersion: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(run).not.toHaveBeenCalled();
  });

  it("parses the whole input: a wrong-typed value is invalid_input in Chinese, never reaches the use case", async () => {
    expect(await submit({ budgetId: 1, expectedVersion: 1, comment: 5 as never })).toEqual({ ok: false, code: "invalid_input", message: "报送说明应为文字" });
    expect(await submit({ budgetId: "0x1" as never, expectedVersion: 1 })).toEqual({ ok: false, code: "invalid_input", message: "请求无效" });
    expect(await submit(undefined as never)).toMatchObject({ ok: false, code: "invalid_input", message: "请求无效" });
    const resolve = defineAction({ tier: { permission: "budget.edit" }, input: resolveCommentInput, run });
    expect(await resolve({ budgetId: 1, commentId: 2, answer: {} as never })).toEqual({ ok: false, code: "invalid_input", message: "答复应为文字" });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers a schema's English default as 请求无效 with the field", async () => {
    const action = defineAction({ tier: "signedIn", input: z.object({ n: z.number() }), run });
    expect(await action({ n: "x" as never })).toEqual({ ok: false, code: "invalid_input", message: "请求无效：n 的值不对" });
  });

  it("runs the use case with the parsed input and the user", async () => {
    expect(await submit({ budgetId: "12" as never, expectedVersion: 3, comment: "  说明 " })).toEqual({
      ok: true,
      input: { budgetId: 12, expectedVersion: 3, comment: "说明" },
      by: "a",
    });
    expect(run.mock.calls[0]![1]).toMatchObject({ user: accountant });
  });

  it("maps an AppError to the one failure shape and lets a bug propagate", async () => {
    const refusing = defineAction({ tier: "signedIn", input: z.object({}), run: async () => Promise.reject(new AppError("conflict", "已被他人修改")) });
    expect(await refusing({})).toEqual({ ok: false, code: "conflict", message: "已被他人修改" });
    const buggy = defineAction({ tier: "signedIn", input: z.object({}), run: async () => Promise.reject(new TypeError("x is undefined")) });
    await expect(buggy({})).rejects.toThrow(TypeError);
  });

  it("lets a public action run signed out", async () => {
    session.user = null;
    const open = defineAction({ tier: "public", input: z.object({}), run: async (_input, { user }) => ({ ok: true as const, signedIn: user !== null }) });
    expect(await open({})).toEqual({ ok: true, signedIn: false });
  });
});

describe("defineFormAction", () => {
  const run = vi.fn(async (input: { body: string }) => ({ ok: true as const, message: "意见已保存", body: input.body }));
  const comment = defineFormAction({ tier: { permission: "budget.comment" }, refused: "预算不存在或您无权访问", input: commentSchema, run });
  beforeEach(() => {
    run.mockClear();
    session.user = reviewer;
  });

  it("reads the form's fields, blank ones as absent", async () => {
    const form = new FormData();
    form.set("budgetId", "5");
    form.set("section", "projects");
    form.set("anchor", "  ");
    form.set("body", "请补充绩效目标");
    expect(await comment(null, form)).toEqual({ ok: true, message: "意见已保存", body: "请补充绩效目标" });
    expect(run.mock.calls[0]![0]).toEqual({ budgetId: 5, section: "projects", body: "请补充绩效目标" });
  });

  it("answers anything but a FormData as invalid input, and a refusal first", async () => {
    expect(await comment(null, { body: 5 } as never)).toEqual({ ok: false, code: "invalid_input", message: "请求无效" });
    session.user = accountant;
    expect(await comment(null, new FormData())).toMatchObject({ ok: false, code: "invalid_input" });
    session.user = null;
    expect(await comment(null, "x" as never)).toEqual({ ok: false, code: "forbidden", message: "预算不存在或您无权访问" });
    expect(run).not.toHaveBeenCalled();
  });
});
