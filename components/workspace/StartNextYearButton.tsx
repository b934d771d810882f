"use client";
import { startNextYearAction } from "@/lib/actions/budget/start-next-year";
import { ActionButton } from "@/components/forms/ActionButton";

/**
 * 编制下一年预算 from this one. From a budget still under review the 上年 figures are only
 * provisional, which the button says and asks to confirm.
 */
export function StartNextYearButton({ fromBudgetId, nextYear, provisional }: { fromBudgetId: number; nextYear: number; provisional?: boolean }) {
  return (
    <ActionButton
      label={`编制 ${nextYear} 年预算${provisional ? "（上年数暂定）" : ""}`}
      pendingLabel={`正在生成 ${nextYear} 年预算…`}
      {...(provisional
        ? {
            title: "本预算尚在审核中，生成的上年数为报送稿数字，审核调整后需核对",
            confirm: `本预算尚在审核中。用它编制 ${nextYear} 年预算时，上年数取自报送稿，财政局审核调整后需要核对。继续吗？`,
          }
        : {})}
      run={async () => {
        const result = await startNextYearAction(fromBudgetId);
        return result.ok ? { ok: true, href: `/workspace/budgets/${result.budgetId}` } : result;
      }}
    />
  );
}
