"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { uploadWithProgress, UploadProgress, type UploadPhase } from "./upload-with-progress";

/**
 * Many packages (.json) or entry workbooks (.xlsx) at once: the files go up with a progress bar,
 * then the import runs as a background job, each file into the draft of the department and year
 * it names; the jobs page shows each file's outcome.
 */
export function BatchImportPanel() {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<UploadPhase>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const busy = phase.step !== "idle";
  return (
    <section className="card" data-testid="batch-import">
      <h2>批量导入</h2>
      <p className="muted">
        一次选择多个预算包（.json）或录入工作簿（.xlsx），各自导入其所属年度、部门的编制中预算（整本替换）。导入在后台进行，可在“后台任务”页查看每个文件的结果。
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (files.length === 0) {
            setError("请选择要导入的文件");
            return;
          }
          setError(null);
          const form = new FormData();
          for (const f of files) form.append("file", f, f.name);
          const result = await uploadWithProgress<{ ok: true; jobId: number }>("/api/jobs/import-packages", form, setPhase, "预算");
          setPhase({ step: "idle" });
          if (result.ok) router.push("/jobs");
          else setError(result.message);
        }}
      >
        <label>
          选择文件
          <input type="file" name="file" multiple accept=".json,.xlsx" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} disabled={busy} />
        </label>{" "}
        <button type="submit" disabled={busy}>
          开始批量导入
        </button>
      </form>
      <UploadProgress phase={phase} testId="batch-upload-progress" />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
