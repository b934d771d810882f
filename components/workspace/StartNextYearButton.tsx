"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startNextYearAction } from "@/app/workspace/budgets/[id]/actions";

export function StartNextYearButton({ fromBudgetId, nextYear }: { fromBudgetId: number; nextYear: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await startNextYearAction(fromBudgetId);
            if (result.ok) router.push(`/workspace/budgets/${result.budgetId}`);
            else setError(result.message);
          })
        }
      >
        {pending ? "正在生成…" : `编制 ${nextYear} 年预算`}
      </button>
      {error ? (
        <span className="error" role="alert" style={{ marginLeft: "0.5rem" }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
