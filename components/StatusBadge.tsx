import { STATUS_LABELS, type BudgetStatusName } from "@/lib/budget/status";

export function StatusBadge({ status }: { status: BudgetStatusName }) {
  return <span className={`badge ${status}`}>{STATUS_LABELS[status]}</span>;
}
