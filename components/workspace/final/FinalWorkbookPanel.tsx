"use client";
import { useRouter } from "next/navigation";
import type { ImportFinalWorkbookResult } from "@/lib/workflow/import-final-workbook";
import { UploadProgress } from "../upload-with-progress";
import { PreviewApplyButtons, UploadProblems, useWorkbookUpload, WorkbookFileInput } from "../workbook-upload";

/** 决算录入工作簿: download it, fill it in Excel, upload it with a preview of the changes. */
export function FinalWorkbookPanel({ budgetId, version, editable }: { budgetId: number; version: number; editable: boolean }) {
  const router = useRouter();
  const url = `/api/finals/${budgetId}/workbook`;
  const upload = useWorkbookUpload<ImportFinalWorkbookResult>({
    url,
    what: "决算",
    tooLarge: "工作簿过大",
    fields: () => ({ expectedVersion: String(version) }),
    onApplied: () => router.refresh(),
  });
  const { file, result } = upload;

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
          <WorkbookFileInput label="决算录入工作簿（.xlsx）" testId="final-workbook-file" onChoose={upload.choose} />
          <PreviewApplyButtons
            canPreview={!!file}
            canApply={!!result?.ok && !result.applied}
            busy={upload.busy}
            onRun={upload.run}
            labels={["预览工作簿的变化", "确认导入工作簿"]}
          />
          <UploadProgress phase={upload.phase} testId="final-workbook-progress" />
        </div>
      ) : null}
      {result && !result.ok ? (
        <UploadProblems title={`${file?.name} 不能导入，决算未作任何修改`} errors={result.errors} testId="final-workbook-errors" />
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
