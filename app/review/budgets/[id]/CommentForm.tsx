"use client";
import { useState } from "react";
import { useKeptForm } from "@/components/forms/use-kept-form";
import { COMMENT_SECTIONS, type CommentSection } from "@/lib/workflow/comment-anchors";
import { commentAction } from "@/lib/actions/review/comment";
import { commentSchema } from "@/lib/actions/review/review.schema";
import type { FormState } from "@/lib/result";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";
import styles from "./budget-review.module.css";

type Anchors = Partial<Record<CommentSection, { value: string; label: string }[]>>;

/** A comment on a section, optionally anchored to a project, a line or a table row. */
export function CommentForm({ budgetId, anchors }: { budgetId: number; anchors: Anchors }) {
  const [section, setSection] = useState<CommentSection>("projects");
  const { state, pending, formProps } = useKeptForm<FormState>(async (prev, form) => {
    const parsed = commentSchema.safeParse(formValues(form));
    if (!parsed.success) return { ok: false, code: "invalid_input", message: invalidInputMessage(parsed.error) };
    return commentAction(prev, form);
  }, null);
  const choices = anchors[section];
  return (
    <form {...formProps} className={styles.commentForm} data-testid="comment-form">
      <input type="hidden" name="budgetId" value={budgetId} />
      <label>
        针对
        <select name="section" value={section} onChange={(e) => setSection(e.target.value as CommentSection)}>
          {Object.entries(COMMENT_SECTIONS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {choices && choices.length > 0 ? (
        <label>
          具体位置
          <select name="anchor" defaultValue="" key={section}>
            <option value="">（整个部分）</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          具体位置（可选，如科目编码或行）
          <input name="anchor" key={section} />
        </label>
      )}
      <label className={styles.wide}>
        意见内容
        <textarea name="body" rows={3} />
      </label>
      <div>
        <button type="submit" disabled={pending}>
          添加意见
        </button>
      </div>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? styles.ok : "error"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
