"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { importIntoBudgetAction } from "@/lib/actions/budget/import-into-budget";
import type { ImportMode } from "@/lib/workflow/import-into-budget";
import { importProblems, importRefused, type ImportAnswer } from "./import-answer";
import { MAX_PACKAGE_BYTES, PACKAGE_TOO_LARGE, packageTooLarge } from "@/lib/workspace/package-limits";
import { useEditor } from "./EditorContext";
import { SectionChangesTable } from "./workbook-upload";

/** Import a Budget Package into this draft: choose replace or merge, see what changes, confirm. */
export function ImportPanel() {
  const editor = useEditor();
  const router = useRouter();
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [mode, setMode] = useState<ImportMode>("merge");
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [pending, setPending] = useState(false);

  async function run(apply: boolean) {
    if (text === null) return;
    // Measured in bytes before sending: past the action's body limit the server cannot answer.
    if (packageTooLarge(text)) return setResult(importRefused(PACKAGE_TOO_LARGE));
    setPending(true);
    try {
      setResult(await importIntoBudgetAction({ budgetId: editor.budgetId, expectedVersion: editor.version, text, mode, apply }));
      if (apply) router.refresh();
    } catch {
      setResult(importRefused("导入失败：网络或服务器异常，请稍后重试"));
    } finally {
      setPending(false);
    }
  }

  if (!editor.editable) {
    return <p className="notice">该预算当前状态不可修改，不能导入。</p>;
  }
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>导入预算包</h2>
      <div style={{ display: "grid", gap: "0.75rem", maxWidth: 560 }}>
        <label>
          预算包文件（JSON）
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setResult(null);
              setFileName(file?.name ?? "");
              if (file && file.size > MAX_PACKAGE_BYTES) {
                setText(null);
                setResult(importRefused(PACKAGE_TOO_LARGE));
                return;
              }
              setText(file ? await file.text() : null);
            }}
          />
        </label>
        <fieldset>
          <legend>导入方式</legend>
          <label style={{ display: "inline-flex", gap: "0.3rem", marginRight: "1rem" }}>
            <input type="radio" name="mode" checked={mode === "merge"} onChange={() => setMode("merge")} />
            合并：文件中有的行替换或新增，其余保持不变
          </label>
          <label style={{ display: "inline-flex", gap: "0.3rem" }}>
            <input type="radio" name="mode" checked={mode === "replace"} onChange={() => setMode("replace")} />
            替换：以文件内容替换整本预算
          </label>
        </fieldset>
        <div className="row-actions">
          <button type="button" disabled={text === null || pending} onClick={() => run(false)}>
            {pending && !(result?.ok && !result.applied) ? "正在检查文件…" : "预览变化"}
          </button>
          {result?.ok && !result.applied ? (
            <button type="button" disabled={pending} onClick={() => run(true)}>
              {pending ? "正在导入…" : "确认导入"}
            </button>
          ) : null}
        </div>
      </div>
      {result && !result.ok ? (
        <div className="error" role="alert" data-testid="import-errors">
          <p>{fileName} 不能导入，预算未作任何修改：</p>
          <ul>
            {importProblems(result).map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.ok ? (
        <>
          <p className={result.applied ? "notice ok" : "notice"} role="status">
            {result.applied ? `已导入（第 ${result.version} 版）。` : "导入将带来以下变化，确认后才会保存："}
          </p>
          <SectionChangesTable changes={result.changes} testId="import-changes" />
        </>
      ) : null}
    </section>
  );
}
