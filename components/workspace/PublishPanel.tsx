"use client";
import { useEffect, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useKeptForm } from "@/components/forms/use-kept-form";
import { publishAction } from "@/lib/actions/review/transitions";
import { transitionSchema } from "@/lib/actions/review/review.schema";
import type { BudgetStatusName } from "@/lib/budget/status";
import type { FormState } from "@/lib/result";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";

/**
 * 二下 on the department's side: once the bureau has approved the budget it shows whether the
 * 批复 has been issued (and its PDF); after the 批复 the department's accountant publishes the
 * budget here (the server decides whether they may: budgetScope's "budget.publish"). Once
 * published, where the public reads it.
 */
export function PublishPanel({
  budgetId,
  version,
  status,
  replyUrl,
  publishable,
  publicUrl,
}: {
  budgetId: number;
  version: number;
  status: BudgetStatusName;
  /** The issued 批复's PDF; null before it is issued. */
  replyUrl: string | null;
  /** Whether this user may publish it now. */
  publishable: boolean;
  publicUrl: string;
}) {
  const router = useRouter();
  const { state, pending, formProps } = useKeptForm<FormState>(async (state, form) => {
    const parsed = transitionSchema.safeParse(formValues(form));
    if (!parsed.success) return { ok: false, code: "invalid_input", message: invalidInputMessage(parsed.error) };
    return publishAction(state, form);
  }, null);
  const published = !!state?.ok;
  useEffect(() => {
    if (published) router.refresh();
  }, [published, router]);
  if (status !== "APPROVED" && status !== "PUBLISHED" && !state) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm("确定公开本预算吗？公开后任何人都可以查阅和下载，公开的版本不能撤回，只能通过预算调整发布新版本。")) {
      event.preventDefault();
      return;
    }
    formProps.onSubmit(event);
  };
  return (
    <section className="card" data-testid="publish-panel">
      <h2 style={{ marginTop: 0 }}>批复与公开</h2>
      {/* Outside the form: the refresh after publishing removes the form, not what it answered. */}
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "notice ok" : "error"} data-testid="publish-outcome">
          {state.message}
        </p>
      ) : null}
      {status === "APPROVED" && !replyUrl ? <p className="muted">财政局已审核通过，等待下达批复；批复下达后，由本部门公开。</p> : null}
      {replyUrl ? (
        <p data-testid="reply-link">
          批复已下达：<a href={replyUrl}>下载批复（PDF）</a>
        </p>
      ) : null}
      {status === "APPROVED" && publishable ? (
        <form {...formProps} onSubmit={onSubmit}>
          <input type="hidden" name="budgetId" value={budgetId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <p className="muted">请在批复下达之日起 20 日内公开。公开后，公开表格和情况说明将被冻结，任何人都可以查阅；此后只能通过预算调整发布新版本。</p>
          <button type="submit" disabled={pending}>
            {pending ? "正在公开…" : "公开预算"}
          </button>
        </form>
      ) : null}
      {status === "PUBLISHED" ? (
        <p data-testid="public-link">
          本预算已公开：<a href={publicUrl}>查看公开页面</a>
        </p>
      ) : null}
    </section>
  );
}
