"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { startAdjustmentAction } from "@/lib/actions/budget/start-adjustment";
import { useEditor } from "./EditorContext";

/** 预算调整 of a published budget: a reason, then the budget is a draft again as a new version. */
export function AdjustmentPanel() {
  const editor = useEditor();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (editor.status !== "PUBLISHED") return null;
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>预算调整</h2>
      <p className="muted">已公开的预算如需调整，可发起预算调整：预算回到编制中，修改后重新报送审核；新版本公开前，公众看到的仍是已公开的版本。</p>
      <label>
        调整原因
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row-actions">
        <button
          type="button"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            const result = await startAdjustmentAction({ budgetId: editor.budgetId, expectedVersion: editor.version, comment: reason });
            setPending(false);
            if (result.ok) router.refresh();
            else setError(result.message);
          }}
        >
          发起预算调整
        </button>
        {error ? (
          <span className="error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </section>
  );
}
