"use client";
import { startFinalAction } from "@/lib/actions/final/start-final";
import { ActionButton } from "@/components/forms/ActionButton";

/** 编制 Y 年决算: the 决算 starts from this (approved or published) budget of the same year. */
export function StartFinalButton({ fromBudgetId, year }: { fromBudgetId: number; year: number }) {
  return (
    <ActionButton
      label={`编制 ${year} 年决算`}
      pendingLabel="正在生成…"
      run={async () => {
        const result = await startFinalAction({ fromBudgetId });
        return result.ok ? { ok: true, href: `/workspace/finals/${result.budgetId}` } : result;
      }}
    />
  );
}
