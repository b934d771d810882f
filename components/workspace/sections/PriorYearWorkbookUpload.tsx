"use client";
import Decimal from "decimal.js";
import { useRouter } from "next/navigation";
import { formatWanDisplay } from "@/lib/format";
import { toWanYuan } from "@/lib/budget/money";
import type { PriorYearFigures, PriorYearImportResult } from "@/lib/workflow/import-prior-year-workbook";
import { useEditor } from "../EditorContext";
import { UploadProgress } from "../upload-with-progress";
import { PreviewApplyButtons, UploadProblems, useWorkbookUpload, WorkbookFileInput } from "../workbook-upload";

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
  const upload = useWorkbookUpload<PriorYearImportResult>({
    url: `/api/budgets/${editor.budgetId}/prior-year-workbook`,
    what: "预算",
    tooLarge: "上年公开的工作簿过大",
    fields: () => ({ expectedVersion: String(editor.version) }),
    onApplied: (answer) => {
      if (answer.ok && answer.applied) onApplied(answer.version);
      router.refresh();
    },
  });
  const { file, result } = upload;
  if (!editor.editable) return null;

  const functions = (p: PriorYearFigures | null) => Object.keys(p?.expenditureByFunction ?? {}).length;
  return (
    <div className="card" data-testid="prior-workbook">
      <h3 style={{ marginTop: 0 }}>从上年公开的部门预算 Excel 填入</h3>
      <p className="muted">
        上传本部门上年公开的部门预算 Excel（T1–T11
        公开表，金额为万元）：系统读出上年基本支出、项目支出、机关运行经费、“三公”经费和按功能分类的支出，先列出将填入的数字，确认后一次保存。
      </p>
      <WorkbookFileInput label="上年公开的工作簿（.xlsx）" testId="prior-workbook-file" onChoose={upload.choose} />
      <PreviewApplyButtons
        canPreview={!!file}
        canApply={!!result?.ok && !result.applied}
        busy={upload.busy}
        onRun={upload.run}
        labels={["预览将填入的上年数", "确认填入上年数"]}
      />
      <UploadProgress phase={upload.phase} testId="prior-workbook-progress" />
      {result && !result.ok ? (
        <UploadProblems title={`${file?.name} 不能作为上年数，预算未作任何修改`} errors={result.errors} testId="prior-workbook-errors" />
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
