"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startNextYearAction } from "@/lib/actions/budget/start-next-year";

/**
 * 编制下一年预算 from this one. From a budget still under review the 上年 figures are only
 * provisional, which the button says and asks to confirm.
 */
export function StartNextYearButton({ fromBudgetId, nextYear, provisional }: { fromBudgetId: number; nextYear: number; provisional?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        title={provisional ? "本预算尚在审核中，生成的上年数为报送稿数字，审核调整后需核对" : undefined}
        onClick={() => {
          if (provisional && !window.confirm(`本预算尚在审核中。用它编制 ${nextYear} 年预算时，上年数取自报送稿，财政局审核调整后需要核对。继续吗？`)) return;
          start(async () => {
            setError(null);
            const result = await startNextYearAction(fromBudgetId);
            if (result.ok) router.push(`/workspace/budgets/${result.budgetId}`);
            else setError(result.message);
          });
        }}
      >
        {pending ? `正在生成 ${nextYear} 年预算…` : `编制 ${nextYear} 年预算${provisional ? "（上年数暂定）" : ""}`}
      </button>
      {error ? (
        <span className="error" role="alert" style={{ marginLeft: "0.5rem" }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
