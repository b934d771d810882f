import type { BudgetStatusName } from "@/lib/budget/status";
import { STATUS_LABELS } from "@/lib/budget/status";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The legal state machine of a budget:
 *
 *   编制中 DRAFT ──submit──► 已报送 SUBMITTED ──approve──► 审核通过 APPROVED ──publish──► 已公开 PUBLISHED
 *                    ▲              │                                                        │
 *   已退回 RETURNED ─submit┘     return                                                    adjust (预算调整)
 *        ▲                         │                                                        ▼
 *        └─────────────────────────┘                                                 DRAFT (new version)
 *
 * A unit's budget (单位预算) goes to its department instead: 单位报送 is `submit`, then the
 * department accountant's 部门审核 accepts it (`unitAccept`, 审核通过) or returns it
 * (`unitReturn`); the department's own 报送 waits until every unit is accepted (submit-budget.ts).
 *
 * Every transition is one action with one permission; anything not listed here is refused.
 */
export const TRANSITIONS = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "budget.submit", label: "报送" },
  return: { from: ["SUBMITTED"], to: "RETURNED", permission: "budget.return", label: "退回" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", permission: "budget.approve", label: "审核通过" },
  publish: { from: ["APPROVED"], to: "PUBLISHED", permission: "budget.publish", label: "公开" },
  adjust: { from: ["PUBLISHED"], to: "DRAFT", permission: "budget.edit", label: "发起预算调整" },
  unitAccept: { from: ["SUBMITTED"], to: "APPROVED", permission: "unit.review", label: "部门审核通过" },
  unitReturn: { from: ["SUBMITTED", "APPROVED"], to: "RETURNED", permission: "unit.review", label: "退回单位" },
} as const satisfies Record<string, { from: readonly BudgetStatusName[]; to: BudgetStatusName; permission: Permission; label: string }>;

export type WorkflowAction = keyof typeof TRANSITIONS;
export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

export function canTransition(action: WorkflowAction, from: BudgetStatusName): boolean {
  return (TRANSITIONS[action].from as readonly BudgetStatusName[]).includes(from);
}

/** The actions that are legal from a status (whatever the user's permissions). */
export function actionsFrom(status: BudgetStatusName): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => canTransition(a, status));
}

/** "已公开的预算不能审核通过（只有已报送的预算可以）" */
export function illegalTransitionMessage(action: WorkflowAction, from: BudgetStatusName): string {
  const allowed = TRANSITIONS[action].from.map((s) => STATUS_LABELS[s]).join("或");
  return `${STATUS_LABELS[from]}的预算不能${TRANSITIONS[action].label}（只有${allowed}的预算可以）`;
}

/** Past-tense trail labels for the event actions, including those written by import and seed. */
export const EVENT_LABELS: Record<string, string> = {
  import: "导入预算包",
  "import.replace": "替换导入",
  create: "创建",
  submit: "报送",
  return: "退回",
  approve: "审核通过",
  "stage.pass": "审核阶段通过",
  reply: "下达批复",
  publish: "公开",
  adjust: "发起预算调整",
  unitAccept: "部门审核通过",
  unitReturn: "部门退回单位",
};
