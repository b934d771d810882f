"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * A button that runs one server action and goes where its success leads, or says why not beside
 * itself (编制下一年预算, 编制决算, 生成全区 PDF). `confirm` asks first.
 */
export function ActionButton({
  label,
  pendingLabel,
  title,
  confirm,
  run,
}: {
  label: string;
  pendingLabel: string;
  title?: string;
  confirm?: string;
  run: () => Promise<{ ok: true; href: string } | { ok: false; message: string }>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        title={title}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            setError(null);
            const result = await run();
            if (result.ok) router.push(result.href);
            else setError(result.message);
          });
        }}
      >
        {pending ? pendingLabel : label}
      </button>
      {error ? (
        <span className="error" role="alert" style={{ marginLeft: "0.5rem" }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
