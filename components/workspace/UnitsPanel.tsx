"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import Decimal from "decimal.js";
import { reviewUnitBudgetAction } from "@/lib/actions/budget/review-unit-budget";
import type { BudgetStatusName } from "@/lib/budget/status";
import { formatWanDisplay } from "@/lib/format";
import { StatusBadge } from "@/components/StatusBadge";

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  status: BudgetStatusName;
  version: number;
  /** 支出合计 of the unit's own tables, 万元. */
  total: string;
}

/**
 * 部门汇总: the department's units, each with its status and 支出合计; the department accountant
 * accepts a handed-in unit budget (部门审核) or returns it with a reason. The department's own
 * tables above are the sum of these.
 */
export function UnitsPanel({ units, canReview }: { units: UnitRow[]; canReview: boolean }) {
  const router = useRouter();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  if (units.length === 0) return null;
  const decide = async (unit: UnitRow, decision: "accept" | "return") => {
    setPending(true);
    setMessage(null);
    try {
      const comment = reasons[unit.id]?.trim();
      const result = await reviewUnitBudgetAction({ budgetId: unit.id, expectedVersion: unit.version, decision, ...(comment ? { comment } : {}) });
      setMessage(
        result.ok
          ? { ok: true, text: decision === "accept" ? `已审核通过${unit.name}的单位预算` : `已退回${unit.name}的单位预算` }
          : { ok: false, text: result.message },
      );
      if (result.ok) router.refresh();
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="card" data-testid="units-panel">
      <h2 style={{ marginTop: 0 }}>所属单位（部门汇总）</h2>
      <p className="muted">
        部门预算的各表和说明是本部门与下列各单位预算的合计，单位间的上缴、补助已抵消。各单位报送后由部门审核；全部单位审核通过后，才能报送部门预算。
      </p>
      <table className="data">
        <thead>
          <tr>
            <th>单位</th>
            <th>状态</th>
            <th>支出合计（万元）</th>
            <th>部门审核</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} data-testid={`unit-${u.code}`}>
              <td>
                <Link href={`/workspace/budgets/${u.id}`}>{u.name}</Link>（{u.code}）
              </td>
              <td>
                <StatusBadge status={u.status} />
              </td>
              <td className="num" data-testid="unit-total">
                {formatWanDisplay(new Decimal(u.total))}
              </td>
              <td>
                {canReview && (u.status === "SUBMITTED" || u.status === "APPROVED") ? (
                  <div className="row-actions">
                    {u.status === "SUBMITTED" ? (
                      <button type="button" disabled={pending} onClick={() => decide(u, "accept")}>
                        审核通过
                      </button>
                    ) : null}
                    <input
                      aria-label={`退回${u.name}的意见`}
                      placeholder="退回意见"
                      value={reasons[u.id] ?? ""}
                      onChange={(e) => setReasons({ ...reasons, [u.id]: e.target.value })}
                    />
                    <button type="button" className="secondary" disabled={pending} onClick={() => decide(u, "return")}>
                      退回单位
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message ? (
        <p className={message.ok ? "notice ok" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
