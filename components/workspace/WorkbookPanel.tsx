"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportMode } from "@/lib/workflow/import-into-budget";
import { importProblems, importRefused, type ImportAnswer } from "./import-answer";
import { useEditor } from "./EditorContext";
import { UploadProgress, uploadWithProgress, type UploadPhase } from "./upload-with-progress";

const MAX_BYTES = 10 * 1024 * 1024;

/** 录入工作簿: download it (or a blank template), fill it in Excel, upload it with a preview of the changes. */
export function WorkbookPanel() {
  const editor = useEditor();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("replace");
  const [phase, setPhase] = useState<UploadPhase>({ step: "idle" });
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const busy = phase.step !== "idle";

  async function run(apply: boolean) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setResult(importRefused(`工作簿过大（超过 ${MAX_BYTES / 1024 / 1024} MB）`));
      return;
    }
    const form = new FormData();
    form.set("file", file);
    form.set("expectedVersion", String(editor.version));
    form.set("mode", mode);
    form.set("apply", apply ? "1" : "0");
    setPhase({ step: "uploading", percent: 0 });
    const answer = await uploadWithProgress<ImportAnswer>(`/api/budgets/${editor.budgetId}/workbook`, form, setPhase, "预算");
    setPhase({ step: "idle" });
    setResult(answer);
    if (apply && answer.ok) router.refresh();
  }

  const base = `/api/budgets/${editor.budgetId}/workbook`;
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
          <label>
            录入工作簿（.xlsx）
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="workbook-file"
              onChange={(e) => {
                setResult(null);
                setFile(e.target.files?.[0] ?? null);
              }}
            />
          </label>
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
          <UploadProgress phase={phase} testId="workbook-progress" />
        </div>
      ) : (
        <p className="notice">该预算当前状态不可修改，只能下载。</p>
      )}
      {result && !result.ok ? (
        <div className="error" role="alert" data-testid="workbook-errors">
          <p>
            {file?.name} 不能导入，预算未作任何修改（共 {importProblems(result).length} 处问题）：
          </p>
          <ul>
            {importProblems(result).map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.ok ? (
        <>
          <p className={result.applied ? "notice ok" : "notice"} role="status" data-testid="workbook-status">
            {result.applied ? `已导入工作簿（第 ${result.version} 版）。` : "导入将带来以下变化，确认后才会保存："}
          </p>
          <table className="data" data-testid="workbook-changes">
            <thead>
              <tr>
                <th>部分</th>
                <th className="num">新增</th>
                <th className="num">删除</th>
                <th className="num">修改</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((c) => (
                <tr key={c.section}>
                  <td>{c.section}</td>
                  <td className="num">{c.added || ""}</td>
                  <td className="num">{c.removed || ""}</td>
                  <td className="num">{c.changed || ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
