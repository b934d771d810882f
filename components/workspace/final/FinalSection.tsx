"use client";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { saveFinalSectionAction } from "@/lib/actions/final/save-final-section";

import type { FinalSectionId } from "@/lib/final/workspace/sections";

/**
 * One section of the 决算 workspace: its fields, a 保存 button that sends the section's values
 * to the server (which parses, checks and stores them), and the answer in Chinese.
 */
export function FinalSection({
  id,
  title,
  budgetId,
  version,
  editable,
  values,
  hint,
  children,
}: {
  id: FinalSectionId;
  title: string;
  budgetId: number;
  version: number;
  editable: boolean;
  values: () => unknown;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Awaited<ReturnType<typeof saveFinalSectionAction>> | null>(null);
  return (
    <section className="card" id={`final-${id}`} aria-labelledby={`final-${id}-title`} data-testid={`final-section-${id}`}>
      <h2 id={`final-${id}-title`} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {hint ? <p className="muted">{hint}</p> : null}
      <fieldset disabled={!editable || pending} style={{ border: 0, padding: 0, margin: 0 }}>
        {children}
      </fieldset>
      {editable ? (
        <p>
          <button
            type="button"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              try {
                const r = await saveFinalSectionAction({ budgetId, expectedVersion: version, section: id, values: values() });
                setResult(r);
                if (r.ok) router.refresh();
              } finally {
                setPending(false);
              }
            }}
          >
            {pending ? "正在保存…" : `保存${title}`}
          </button>
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice ok" role="status">
          已保存。
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="error" role="alert">
          <p>{result.message}</p>
          {"errors" in result && result.errors && result.errors.length > 1 ? (
            <ul>
              {result.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** A text input for an amount or a count, labelled for screen readers (and tests) by `label`. */
export function Field({ label, value, onChange, wide }: { label: string; value: string; onChange: (v: string) => void; wide?: boolean }) {
  return (
    <input
      aria-label={label}
      value={value}
      inputMode={wide ? undefined : "decimal"}
      style={{ width: wide ? "100%" : "9em", textAlign: wide ? "left" : "right" }}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
