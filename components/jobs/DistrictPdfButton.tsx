"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startDistrictPdfAction } from "@/lib/actions/jobs/start-district-pdf";

/** Starts the district's PDFs as a background job and goes to the jobs page to follow it. */
export function DistrictPdfButton({ region, year }: { region: string; year: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await startDistrictPdfAction({ region, year });
            if (result.ok) router.push("/jobs");
            else setError(result.message);
          })
        }
      >
        {pending ? "正在提交…" : "生成全区预算 PDF（ZIP，后台进行）"}
      </button>
      {error ? (
        <span className="error" role="alert" style={{ marginLeft: "0.5rem" }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
