"use client";
import { useState } from "react";
import type { PackageError } from "@/lib/budget/package/schema";
import type { SectionChange } from "@/lib/workspace/describe-changes";
import { uploadWithProgress, type UploadFailure, type UploadPhase } from "./upload-with-progress";

/** Larger than any real workbook, as the server's limit (MAX_WORKBOOK_BYTES): refused before it goes up. */
const MAX_BYTES = 10 * 1024 * 1024;
const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The state of a workbook upload panel (entry workbook, 决算 workbook, last year's disclosure
 * workbook): the chosen file, the bar, the answer; `run(false)` previews, `run(true)` applies.
 * The form fields besides the file and `apply` are the panel's own (`fields`).
 */
export function useWorkbookUpload<T extends { ok: boolean }>(o: {
  url: string;
  /** What is changed, for the messages ("预算", "决算"). */
  what: string;
  /** The sentence when the file is over the limit. */
  tooLarge: string;
  fields: () => Record<string, string>;
  onApplied?: (answer: T) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase>({ step: "idle" });
  const [result, setResult] = useState<T | UploadFailure | null>(null);

  async function run(apply: boolean) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      const message = `${o.tooLarge}（超过 ${MAX_BYTES / 1024 / 1024} MB）`;
      setResult({ ok: false, code: "rejected", message, errors: [{ path: "", message }] });
      return;
    }
    const form = new FormData();
    form.set("file", file);
    for (const [k, v] of Object.entries(o.fields())) form.set(k, v);
    form.set("apply", apply ? "1" : "0");
    setPhase({ step: "uploading", percent: 0 });
    const answer = await uploadWithProgress<T>(o.url, form, setPhase, o.what);
    setPhase({ step: "idle" });
    setResult(answer);
    if (apply && answer.ok) o.onApplied?.(answer as T);
  }

  const choose = (chosen: File | null) => {
    setResult(null);
    setFile(chosen);
  };
  return { file, choose, phase, result, busy: phase.step !== "idle", run };
}

/** The file input of a workbook panel. */
export function WorkbookFileInput({ label, testId, onChoose }: { label: string; testId: string; onChoose: (file: File | null) => void }) {
  return (
    <label>
      {label}
      <input type="file" accept={XLSX_ACCEPT} data-testid={testId} onChange={(e) => onChoose(e.target.files?.[0] ?? null)} />
    </label>
  );
}

/** 预览 then 确认: the confirm button appears once a preview came back without a problem. */
export function PreviewApplyButtons({
  canPreview,
  canApply,
  busy,
  onRun,
  labels,
}: {
  canPreview: boolean;
  canApply: boolean;
  busy: boolean;
  onRun: (apply: boolean) => void;
  labels: [preview: string, apply: string];
}) {
  return (
    <div className="row-actions">
      <button type="button" disabled={!canPreview || busy} onClick={() => onRun(false)}>
        {labels[0]}
      </button>
      {canApply ? (
        <button type="button" disabled={busy} onClick={() => onRun(true)}>
          {labels[1]}
        </button>
      ) : null}
    </div>
  );
}

/** Every problem of a refused upload, with how many there are; nothing was stored. */
export function UploadProblems({ title, errors, testId }: { title: string; errors: readonly PackageError[]; testId: string }) {
  return (
    <div className="error" role="alert" data-testid={testId}>
      <p>
        {title}（共 {errors.length} 处问题）：
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** What an import adds, removes and changes, section by section (the JSON and the workbook import alike). */
export function SectionChangesTable({ changes, testId }: { changes: readonly SectionChange[]; testId: string }) {
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          <th>部分</th>
          <th className="num">新增</th>
          <th className="num">删除</th>
          <th className="num">修改</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.section}>
            <td>{c.section}</td>
            <td className="num">{c.added || ""}</td>
            <td className="num">{c.removed || ""}</td>
            <td className="num">{c.changed || ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
