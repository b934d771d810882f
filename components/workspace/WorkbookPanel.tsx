"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportMode } from "@/lib/workflow/import-into-budget";
import { importProblems, type ImportAnswer } from "./import-answer";
import { useEditor } from "./EditorContext";
import { UploadProgress } from "./upload-with-progress";
import { PreviewApplyButtons, SectionChangesTable, UploadProblems, useWorkbookUpload, WorkbookFileInput } from "./workbook-upload";

/** 录入工作簿: download it (or a blank template), fill it in Excel, upload it with a preview of the changes. */
export function WorkbookPanel() {
  const editor = useEditor();
  const router = useRouter();
  const [mode, setMode] = useState<ImportMode>("replace");
  const base = `/api/budgets/${editor.budgetId}/workbook`;
  const upload = useWorkbookUpload<ImportAnswer>({
    url: base,
    what: "预算",
    tooLarge: "工作簿过大",
    fields: () => ({ expectedVersion: String(editor.version), mode }),
    onApplied: () => router.refresh(),
  });
  const { file, result } = upload;

  return (
    <section className="card" data-testid="workbook-panel">
      <h2 style={{ marginTop: 0 }}>在 Excel 中填写</h2>
      <p className="muted">
        下载录入工作簿，在 Excel 或 WPS
        中填写（金额以元为单位），再上传：系统先列出将新增、修改、删除的内容，确认后一次保存；有问题时逐条指出工作表、单元格和字段，全部改正前不会保存。
      </p>
      <div className="row-actions">
        <a className="button secondary" href={base} download data-testid="download-workbook">
          下载录入工作簿（Excel）
        </a>
        <a className="button secondary" href={`${base}?template=1`} download data-testid="download-template">
          下载空白模板
        </a>
      </div>
      {editor.editable ? (
        <div style={{ display: "grid", gap: "0.75rem", maxWidth: 560, marginTop: "1rem" }}>
          <WorkbookFileInput label="录入工作簿（.xlsx）" testId="workbook-file" onChoose={upload.choose} />
          <fieldset>
            <legend>导入方式</legend>
            <label style={{ display: "inline-flex", gap: "0.3rem", marginRight: "1rem" }}>
              <input type="radio" name="workbook-mode" checked={mode === "replace"} onChange={() => setMode("replace")} />
              替换：以工作簿内容为整本预算（工作簿中删去的行将被删除）
            </label>
            <label style={{ display: "inline-flex", gap: "0.3rem" }}>
              <input type="radio" name="workbook-mode" checked={mode === "merge"} onChange={() => setMode("merge")} />
              合并：工作簿中有的行替换或新增，其余保持不变
            </label>
          </fieldset>
          <PreviewApplyButtons
            canPreview={!!file}
            canApply={!!result?.ok && !result.applied}
            busy={upload.busy}
            onRun={upload.run}
            labels={["预览工作簿的变化", "确认导入工作簿"]}
          />
          <UploadProgress phase={upload.phase} testId="workbook-progress" />
        </div>
      ) : (
        <p className="notice">该预算当前状态不可修改，只能下载。</p>
      )}
      {result && !result.ok ? (
        <UploadProblems title={`${file?.name} 不能导入，预算未作任何修改`} errors={importProblems(result)} testId="workbook-errors" />
      ) : null}
      {result?.ok ? (
        <>
          <p className={result.applied ? "notice ok" : "notice"} role="status" data-testid="workbook-status">
            {result.applied ? `已导入工作簿（第 ${result.version} 版）。` : "导入将带来以下变化，确认后才会保存："}
          </p>
          <SectionChangesTable changes={result.changes} testId="workbook-changes" />
        </>
      ) : null}
    </section>
  );
}
