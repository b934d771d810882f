"use client";
import Decimal from "decimal.js";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { formatWanDisplay } from "@/lib/format";
import { toWanYuan } from "@/lib/budget/money";
import type { PriorYearFigures, PriorYearImportResult } from "@/lib/workflow/import-prior-year-workbook";
import { useEditor } from "../EditorContext";
import { UploadProgress, uploadWithProgress, type UploadPhase } from "../upload-with-progress";

const MAX_BYTES = 10 * 1024 * 1024;

const wan = (yuan: string | undefined) => (yuan === undefined ? "—" : formatWanDisplay(toWanYuan(new Decimal(yuan))));

const ROWS: [string, (p: PriorYearFigures) => string | undefined][] = [
  ["上年基本支出", (p) => p.basic],
  ["上年项目支出", (p) => p.project],
  ["上年机关运行经费", (p) => p.operatingFunds],
  ["因公出国（境）费", (p) => p.threePublic?.abroad],
  ["公务用车购置费", (p) => p.threePublic?.vehiclePurchase],
  ["公务用车运行维护费", (p) => p.threePublic?.vehicleOperation],
  ["公务接待费", (p) => p.threePublic?.reception],
];

/**
 * 上年数 from the disclosure workbook the department published last year (T1–T11 Excel): upload
 * it, see the figures it would fill beside the current ones, then fill them in one save.
 */
export function PriorYearWorkbookUpload({ onApplied }: { onApplied: (version: number) => void }) {
  const editor = useEditor();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase>({ step: "idle" });
  const [result, setResult] = useState<PriorYearImportResult | null>(null);
  const busy = phase.step !== "idle";
  if (!editor.editable) return null;

  async function run(apply: boolean) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      {
        const message = `上年公开的工作簿过大（超过 ${MAX_BYTES / 1024 / 1024} MB）`;
        setResult({ ok: false, code: "rejected", message, errors: [{ path: "", message }] });
      }
      return;
    }
    const form = new FormData();
    form.set("file", file);
    form.set("expectedVersion", String(editor.version));
    form.set("apply", apply ? "1" : "0");
    setPhase({ step: "uploading", percent: 0 });
    const answer = await uploadWithProgress<PriorYearImportResult>(`/api/budgets/${editor.budgetId}/prior-year-workbook`, form, setPhase, "预算");
    setPhase({ step: "idle" });
    setResult(answer);
    if (answer.ok && answer.applied) {
      onApplied(answer.version);
      router.refresh();
    }
  }

  const functions = (p: PriorYearFigures | null) => Object.keys(p?.expenditureByFunction ?? {}).length;
  return (
    <div className="card" data-testid="prior-workbook">
      <h3 style={{ marginTop: 0 }}>从上年公开的部门预算 Excel 填入</h3>
      <p className="muted">
        上传本部门上年公开的部门预算 Excel（T1–T11
        公开表，金额为万元）：系统读出上年基本支出、项目支出、机关运行经费、“三公”经费和按功能分类的支出，先列出将填入的数字，确认后一次保存。
      </p>
      <label>
        上年公开的工作簿（.xlsx）
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="prior-workbook-file"
          onChange={(e) => {
            setResult(null);
            setFile(e.target.files?.[0] ?? null);
          }}
        />
      </label>
      <div className="row-actions">
        <button type="button" disabled={!file || busy} onClick={() => run(false)}>
          预览将填入的上年数
        </button>
        {result?.ok && !result.applied ? (
          <button type="button" disabled={busy} onClick={() => run(true)}>
            确认填入上年数
          </button>
        ) : null}
      </div>
      <UploadProgress phase={phase} testId="prior-workbook-progress" />
      {result && !result.ok ? (
        <div className="error" role="alert" data-testid="prior-workbook-errors">
          <p>
            {file?.name} 不能作为上年数，预算未作任何修改（共 {result.errors.length} 处问题）：
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
          <p className={result.applied ? "notice ok" : "notice"} role="status" data-testid="prior-workbook-status">
            {result.applied
              ? `已填入 ${result.year ?? "上"} 年预算数（第 ${result.version} 版）。`
              : `将从 ${result.year ?? "上"} 年公开的工作簿填入以下上年数，确认后才会保存：`}
          </p>
          <table className="data" data-testid="prior-workbook-preview">
            <thead>
              <tr>
                <th>项目</th>
                <th className="num">当前（万元）</th>
                <th className="num">工作簿中（万元）</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([label, get]) => (
                <tr key={label}>
                  <td>{label}</td>
                  <td className="num">{result.current ? wan(get(result.current)) : "—"}</td>
                  <td className="num">{wan(get(result.filled))}</td>
                </tr>
              ))}
              <tr>
                <td>按功能分类的支出（项）</td>
                <td className="num">{functions(result.current)} 项</td>
                <td className="num">{functions(result.filled)} 项</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
