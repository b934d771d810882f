"use client";
import type { FormEvent } from "react";
import type { z } from "zod";
import type { BudgetStatusName } from "@/lib/budget/status";
import { useKeptForm } from "@/components/forms/use-kept-form";
import { approveAction, issueReplyAction, publishAction, returnAction } from "@/lib/actions/review/transitions";
import { returnSchema, transitionSchema } from "@/lib/actions/review/review.schema";
import type { FormState } from "@/lib/result";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";
import styles from "./budget-review.module.css";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

/** Checks the form with the server's own schema first, so a missing comment is caught at once. */
function validated(schema: z.ZodType, action: ServerAction): ServerAction {
  return async (state, form) => {
    const parsed = schema.safeParse(formValues(form));
    if (!parsed.success) return { ok: false, code: "invalid_input", message: invalidInputMessage(parsed.error) };
    return action(state, form);
  };
}

function Outcome({ state }: { state: FormState }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={state.ok ? styles.ok : "error"}>
      {state.message}
    </p>
  );
}

/** Asks before an action that cannot be taken back; a refusal sends nothing. */
function confirmed(formProps: ReturnType<typeof useKeptForm>["formProps"], question: string) {
  return {
    ...formProps,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      if (!window.confirm(question)) {
        event.preventDefault();
        return;
      }
      formProps.onSubmit(event);
    },
  };
}

function Hidden({ budgetId, version }: { budgetId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="budgetId" value={budgetId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
}

export function ReviewActions({
  budgetId,
  version,
  status,
  canPublish,
  publicUrl,
  what = "预算",
  stage = null,
  nextStage = null,
  mayAct = true,
  reply = null,
}: {
  budgetId: number;
  version: number;
  status: BudgetStatusName;
  canPublish: boolean;
  /** Where the public reads it once published. */
  publicUrl?: string;
  /** 预算 or 决算, as the buttons name it. */
  what?: "预算" | "决算";
  /** The review stage it waits at, since when, and who holds it. */
  stage?: { name: string; holders: string[]; since?: string; days?: number } | null;
  /** The stage passing this one leads to; null: passing approves. */
  nextStage?: string | null;
  /** Whether this reviewer may pass or return it at its stage. */
  mayAct?: boolean;
  /** 批复: whether this reviewer may issue it, and where it is once issued. */
  reply?: { canIssue: boolean; url: string | null } | null;
}) {
  const ret = useKeptForm<FormState>(validated(returnSchema, returnAction), null);
  const approve = useKeptForm<FormState>(validated(transitionSchema, approveAction), null);
  const publish = useKeptForm<FormState>(validated(transitionSchema, publishAction), null);
  const issue = useKeptForm<FormState>(validated(transitionSchema, issueReplyAction), null);

  const where = stage ? (
    <p data-testid="review-stage">
      当前审核阶段：<strong>{stage.name}</strong>（审核人：{stage.holders.length ? stage.holders.join("、") : "未指定"}
      {stage.since ? `；${stage.since.slice(0, 10)} 起，已 ${stage.days ?? 0} 天` : ""}）
    </p>
  ) : null;
  if (status === "SUBMITTED" && !mayAct) {
    return (
      <>
        <Outcome state={approve.state ?? ret.state} />
        {where}
        <p className="muted">该{what}不在您负责的审核阶段，由该阶段的审核人处理。</p>
      </>
    );
  }
  if (status === "SUBMITTED") {
    return (
      <>
        {where}
        <div className={styles.actions}>
          <form {...ret.formProps} className={styles.actionForm}>
            <Hidden budgetId={budgetId} version={version} />
            <label>
              退回意见（必填）
              <textarea name="comment" rows={3} placeholder="说明需要修改的内容，部门会计会看到" />
            </label>
            <button type="submit" className="secondary" disabled={ret.pending}>
              退回修改
            </button>
            <Outcome state={ret.state} />
          </form>
          <form
            {...confirmed(
              approve.formProps,
              nextStage && stage
                ? `确定通过“${stage.name}”阶段吗？通过后本${what}转入“${nextStage}”阶段。`
                : `确定审核通过本${what}吗？通过后部门不能再修改，下一步是公开。`,
            )}
            className={styles.actionForm}
          >
            <Hidden budgetId={budgetId} version={version} />
            <label>
              审核说明（可选）
              <textarea name="comment" rows={3} />
            </label>
            <button type="submit" disabled={approve.pending}>
              {nextStage ? `本阶段通过，转“${nextStage}”` : "审核通过"}
            </button>
            <Outcome state={approve.state} />
          </form>
        </div>
      </>
    );
  }
  const replyPart =
    status === "APPROVED" && reply ? (
      reply.url ? (
        <p data-testid="reply-link">
          批复已下达：<a href={reply.url}>下载批复（PDF）</a>
        </p>
      ) : reply.canIssue ? (
        <form {...confirmed(issue.formProps, "确定下达批复吗？下达后开始计算 20 日公开期限。")} className={styles.actionForm}>
          <Hidden budgetId={budgetId} version={version} />
          <p className="muted">下达批复（二下）：生成批复文件，部门自下达之日起 20 日内公开。</p>
          <button type="submit" disabled={issue.pending}>
            下达批复
          </button>
          <Outcome state={issue.state} />
        </form>
      ) : null
    ) : null;
  if (status === "APPROVED" && canPublish) {
    return (
      <>
        <Outcome state={approve.state} />
        {replyPart}
        <form
          {...confirmed(publish.formProps, `确定公开本${what}吗？公开后任何人都可以查阅和下载，公开的版本不能撤回，只能通过预算调整发布新版本。`)}
          className={styles.actionForm}
        >
          <Hidden budgetId={budgetId} version={version} />
          <p className="muted">公开后，公开表格和情况说明将被冻结，任何人都可以查阅；此后只能通过预算调整发布新版本。</p>
          <button type="submit" disabled={publish.pending}>
            公开{what}
          </button>
          <Outcome state={publish.state} />
        </form>
      </>
    );
  }
  // After an action the page re-renders with the new status; keep its message visible.
  if (status === "PUBLISHED" && publicUrl) {
    return (
      <>
        <Outcome state={publish.state} />
        <p data-testid="public-link">
          本预算已公开：<a href={publicUrl}>查看公开页面</a>
        </p>
      </>
    );
  }
  return (
    <>
      <Outcome state={ret.state ?? approve.state ?? publish.state} />
      <p className="muted">当前状态下没有需要审核员处理的操作。</p>
    </>
  );
}
