"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startFinalAction } from "@/lib/actions/final/start-final";

/** 编制 Y 年决算: the 决算 starts from this (approved or published) budget of the same year. */
export function StartFinalButton({ fromBudgetId, year }: { fromBudgetId: number; year: number }) {
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
            const result = await startFinalAction({ fromBudgetId });
            if (result.ok) router.push(`/workspace/finals/${result.budgetId}`);
            else setError(result.message);
          })
        }
      >
        {pending ? "正在生成…" : `编制 ${year} 年决算`}
      </button>
      {error ? (
        <span className="error" role="alert" style={{ marginLeft: "0.5rem" }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
