"use client";
import { startDistrictPdfAction } from "@/lib/actions/jobs/start-district-pdf";
import { ActionButton } from "@/components/forms/ActionButton";

/** Starts the district's PDFs as a background job and goes to the jobs page to follow it. */
export function DistrictPdfButton({ region, year }: { region: string; year: number }) {
  return (
    <ActionButton
      label="生成全区预算 PDF（ZIP，后台进行）"
      pendingLabel="正在提交…"
      run={async () => {
        const result = await startDistrictPdfAction({ region, year });
        return result.ok ? { ok: true, href: "/jobs" } : result;
      }}
    />
  );
}
