"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createBudgetAction } from "@/lib/actions/budget/create-budget";
import { DepartmentYearFields } from "./DepartmentYearFields";

/** 新建预算: a department's first budget in 明账 (later years start from the previous one). */
export function CreateBudgetForm({ departments, defaultYear }: { departments: { id: number; name: string }[]; defaultYear: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="card"
      aria-label="新建预算"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        setPending(true);
        setError(null);
        const result = await createBudgetAction({ departmentId: Number(data.get("departmentId")), year: Number(data.get("year")) });
        setPending(false);
        if (result.ok) router.push(`/workspace/budgets/${result.budgetId}/unit`);
        else setError(result.message);
      }}
    >
      <h2 style={{ marginTop: 0 }}>新建预算</h2>
      <div className="row-actions" style={{ alignItems: "end" }}>
        <DepartmentYearFields departments={departments} defaultYear={defaultYear} />
        <button type="submit" disabled={pending}>
          {pending ? "正在新建…" : "新建"}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
