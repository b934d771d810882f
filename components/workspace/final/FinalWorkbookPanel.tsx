"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportFinalWorkbookResult } from "@/lib/workflow/import-final-workbook";
import { UploadProgress, uploadWithProgress, type UploadPhase } from "../upload-with-progress";

const MAX_BYTES = 10 * 1024 * 1024;

/** 决算录入工作簿: download it, fill it in Excel, upload it with a preview of the changes. */
export function FinalWorkbookPanel({ budgetId, version, editable }: { budgetId: number; version: number; editable: boolean }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase>({ step: "idle" });
  const [result, setResult] = useState<ImportFinalWorkbookResult | null>(null);
  const busy = phase.step !== "idle";
  const url = `/api/finals/${budgetId}/workbook`;

  async function run(apply: boolean) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      {
        const message = `工作簿过大（超过 ${MAX_BYTES / 1024 / 1024} MB）`;
        setResult({ ok: false, code: "rejected", message, errors: [{ path: "", message }] });
      }
      return;
    }
    const form = new FormData();
    form.set("file", file);
    form.set("expectedVersion", String(version));
    form.set("apply", apply ? "1" : "0");
    setPhase({ step: "uploading", percent: 0 });
    const answer = await uploadWithProgress<ImportFinalWorkbookResult>(url, form, setPhase, "决算");
    setPhase({ step: "idle" });
    setResult(answer);
    if (apply && answer.ok) router.refresh();
  }

  return (
    <section className="card" data-testid="final-workbook-panel">
      <h2 style={{ marginTop: 0 }}>在 Excel 中填写</h2>
      <p className="muted">
        下载决算录入工作簿，在 Excel 或 WPS
        中填写（金额以元为单位），再上传：系统先列出将修改的内容，确认后一次保存；有问题时逐条指出工作表、单元格和字段，全部改正前不会保存。
      </p>
      <a className="button secondary" href={url} download data-testid="download-final-workbook">
        下载决算录入工作簿（Excel）
      </a>
      {editable ? (
        <div style={{ display: "grid", gap: "0.75rem", maxWidth: 560, marginTop: "1rem" }}>
          <label>
            决算录入工作簿（.xlsx）
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="final-workbook-file"
              onChange={(e) => {
                setResult(null);
                setFile(e.target.files?.[0] ?? null);
              }}
            />
          </label>
          <div className="row-actions">
            <button type="button" disabled={!file || busy} onClick={() => run(false)}>
              预览工作簿的变化
            </button>
            {result?.ok && !result.applied ? (
              <button type="button" disabled={busy} onClick={() => run(true)}>
                确认导入工作簿
              </button>
            ) : null}
          </div>
          <UploadProgress phase={phase} testId="final-workbook-progress" />
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="error" role="alert" data-testid="final-workbook-errors">
          <p>
            {file?.name} 不能导入，决算未作任何修改（共 {result.errors.length} 处问题）：
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.ok ? (
        <>
          <p className={result.applied ? "notice ok" : "notice"} role="status" data-testid="final-workbook-status">
            {result.applied
              ? `已导入工作簿（第 ${result.version} 版）。`
              : result.changes.length === 0
                ? "工作簿与当前决算相同，导入不会带来变化。"
                : `导入将修改以下 ${result.changes.length} 处，确认后才会保存：`}
          </p>
          {result.changes.length > 0 ? (
            <table className="data" data-testid="final-workbook-changes">
              <thead>
                <tr>
                  <th>字段</th>
                  <th>当前</th>
                  <th>工作簿中</th>
                </tr>
              </thead>
              <tbody>
                {result.changes.slice(0, 200).map((c) => (
                  <tr key={c.path}>
                    <td>{c.label}</td>
                    <td>{c.before ?? "—"}</td>
                    <td>{c.after ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
