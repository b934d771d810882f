export const BUDGET_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED"] as const;
export type BudgetStatusName = (typeof BUDGET_STATUSES)[number];

export const STATUS_LABELS: Record<BudgetStatusName, string> = {
  DRAFT: "编制中",
  SUBMITTED: "已报送",
  RETURNED: "已退回",
  APPROVED: "审核通过",
  PUBLISHED: "已公开",
};
