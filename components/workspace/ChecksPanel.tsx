"use client";
import Link from "next/link";
import { fieldLabel } from "@/lib/budget/rules/examples";
import { sectionOfPath } from "@/lib/workspace/sections";
import { FindingItem } from "./FindingItem";
import { useEditor } from "./EditorContext";

/**
 * The engine's findings for the whole budget, each linking to the section and field it is
 * about; live while a section is being edited, else those of the saved budget.
 */
const MAX_SHOWN = 40;

export function ChecksPanel() {
  const editor = useEditor();
  const findings = editor.live?.findings ?? editor.savedFindings;
  const inputErrors = editor.live?.inputErrors ?? 0;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return (
    <aside className="checks card" aria-label="检查结果" data-testid="checks-panel">
      <h2 style={{ marginTop: 0 }}>检查结果</h2>
      <p className="muted" data-testid="checks-summary">
        {findings.length === 0 ? "未发现问题" : `${errors} 个错误，${warnings} 个提示`}
        {editor.live ? "（含未保存的输入）" : ""}
      </p>
      {inputErrors > 0 ? (
        <p className="field-error" data-testid="input-errors">
          本页有 {inputErrors} 处输入有误（见标红的字段），改正后检查结果才会更新。
        </p>
      ) : null}
      <ul>
        {/* A long grid can raise hundreds of findings: the first ones, and how many more. */}
        {findings.slice(0, MAX_SHOWN).map((f, i) => {
          const section = sectionOfPath(f.path);
          const href = section ? `/workspace/budgets/${editor.budgetId}/${section}#${encodeURIComponent(f.path)}` : undefined;
          return (
            <FindingItem key={`${f.rule}-${f.path}-${i}`} finding={f} field={fieldLabel(f.path)}>
              {href ? (
                <>
                  {" "}
                  <Link href={href}>去修改</Link>
                </>
              ) : null}
            </FindingItem>
          );
        })}
      </ul>
      {findings.length > MAX_SHOWN ? <p className="muted">……还有 {findings.length - MAX_SHOWN} 条，改正上面的问题后会依次显示。</p> : null}
    </aside>
  );
}
