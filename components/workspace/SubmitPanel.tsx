"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { submitBudgetAction } from "@/lib/actions/budget/submit-budget";
import type { WorkflowResult } from "@/lib/result";
import { sectionOfPath } from "@/lib/workspace/sections";
import { sectionOfComment } from "@/lib/workspace/comment-sections";
import { useEditor } from "./EditorContext";
import { ReviewComments } from "./ReviewComments";

/**
 * 报送 to the finance bureau (a unit's budget: to its department, 单位报送), refused with the
 * findings to fix while any error remains, or with the units a department still waits for.
 */
export function SubmitPanel({ canSubmit, unitBudget = false }: { canSubmit: boolean; unitBudget?: boolean }) {
  const editor = useEditor();
  const router = useRouter();
  const [result, setResult] = useState<WorkflowResult | null>(null);
  const [pending, setPending] = useState(false);
  const general = editor.comments.filter((c) => !sectionOfComment(c.section));
  return (
    <>
      <ReviewComments comments={general} title="财政局总体审核意见" />
      {/* Outside the form: the refresh that follows a 报送 makes the budget read-only and removes the form. */}
      {result?.ok ? (
        <p className="notice ok" role="status">
          {unitBudget ? "已报送部门，等待部门审核。" : "已报送财政局。"}
        </p>
      ) : null}
      {canSubmit && editor.editable ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{unitBudget ? "报送部门（单位报送）" : "报送财政局"}</h2>
          <p className="muted">
            {unitBudget
              ? "报送前系统会再检查一遍；有错误时不能报送。报送后由部门会计审核，审核通过的单位预算计入部门预算；退回后可修改重新报送。"
              : "报送前系统会再检查一遍；有错误时不能报送。报送后预算不能再修改，除非财政局退回。"}
          </p>
          <button
            type="button"
            disabled={pending}
            onClick={async () => {
              if (!window.confirm("确定报送本预算吗？报送后将不能修改。")) return;
              setPending(true);
              try {
                const r = await submitBudgetAction({ budgetId: editor.budgetId, expectedVersion: editor.version });
                setResult(r);
                if (r.ok) router.refresh();
              } finally {
                setPending(false);
              }
            }}
          >
            {pending ? "正在报送…" : "报送"}
          </button>
          {result && !result.ok ? (
            <div className="error" role="alert" data-testid="submit-error">
              <p>{result.message}</p>
              {result.findings?.length ? (
                <ul>
                  {result.findings.map((f, i) => {
                    const section = sectionOfPath(f.path);
                    return (
                      <li key={i}>
                        {f.message}{" "}
                        {section ? <Link href={`/workspace/budgets/${editor.budgetId}/${section}#${encodeURIComponent(f.path)}`}>去修改</Link> : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
