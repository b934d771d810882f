"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { applyFinalHelperAction } from "@/lib/actions/final/apply-final-helper";
import { submitFinalAction } from "@/lib/actions/final/submit-final";
import type { WorkflowResult } from "@/lib/result";

/** 决算数按全年预算数填入 and 按支出决算数生成收入: fill only what follows from figures entered. */
export function FinalHelpers({ budgetId, version }: { budgetId: number; version: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (helper: "fillActuals" | "income") => {
    const r = await applyFinalHelperAction({ budgetId, expectedVersion: version, helper });
    setMessage(r.ok ? { ok: true, text: "已填入，请逐项核对。" } : { ok: false, text: r.message });
    if (r.ok) router.refresh();
  };
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>快速填列</h2>
      <p className="muted">只填尚未填写的决算数；生成的收入按支出决算数和结转结余平衡，可再逐项修改。</p>
      <button type="button" className="secondary" onClick={() => run("fillActuals")}>
        未填的决算数按全年预算数填入
      </button>{" "}
      <button type="button" className="secondary" onClick={() => run("income")}>
        按支出决算数生成收入
      </button>
      {message ? (
        <p className={message.ok ? "notice ok" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

/** 报送财政局: refused with the findings while evaluateFinal reports an error. */
export function FinalSubmit({ budgetId, version }: { budgetId: number; version: number }) {
  const router = useRouter();
  const [result, setResult] = useState<WorkflowResult | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>报送财政局</h2>
      <p className="muted">报送前系统会再检查一遍；有错误时不能报送。报送后决算不能再修改，除非财政局退回。</p>
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm("确定报送本决算吗？报送后将不能修改。")) return;
          setPending(true);
          try {
            const r = await submitFinalAction({ budgetId, expectedVersion: version });
            setResult(r);
            if (r.ok) router.refresh();
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? "正在报送…" : "报送决算"}
      </button>
      {result?.ok ? (
        <p className="notice ok" role="status">
          已报送财政局。
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="error" role="alert" data-testid="submit-error">
          <p>{result.message}</p>
          {result.findings?.length ? (
            <ul>
              {result.findings.map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
